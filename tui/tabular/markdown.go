package tabular

import (
	"strings"

	"github.com/funnel-cli/funnel/tui/format"
)

// WriteMarkdown writes one table in markdown: its title as a heading, a
// pipe table (numbers right-aligned, cells as Text writes them) and its
// footnotes. Data strings are cleaned and markdown's special characters
// escaped (MarkdownEscape), so a value cannot break the table or inject
// HTML.
func WriteMarkdown(b *strings.Builder, t Table) {
	b.WriteString("## " + MarkdownEscape(t.Title) + "\n\n")
	if NoRows(t) {
		for _, f := range t.Footnotes {
			b.WriteString(MarkdownEscape(f) + "  \n")
		}
		return
	}
	b.WriteString("|")
	for _, c := range t.Columns {
		b.WriteString(" " + MarkdownEscape(c.Name) + " |")
	}
	b.WriteString("\n|")
	for _, c := range t.Columns {
		if c.Kind == KindText {
			b.WriteString("---|")
		} else {
			b.WriteString("--:|")
		}
	}
	b.WriteString("\n")
	for _, row := range Texts(t) {
		b.WriteString("|")
		for _, c := range row {
			b.WriteString(" " + MarkdownEscape(c) + " |")
		}
		b.WriteString("\n")
	}
	if len(t.Footnotes) > 0 {
		b.WriteString("\n")
		for _, f := range t.Footnotes {
			b.WriteString(MarkdownEscape(f) + "  \n")
		}
	}
}

// NoRows is a table with no rows whose footnotes say why: text and
// markdown write the footnotes alone, not an empty table (CSV keeps the
// header row).
func NoRows(t Table) bool { return len(t.Rows) == 0 && len(t.Footnotes) > 0 }

var mdReplacer = strings.NewReplacer(`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`,
	"[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;")

// MarkdownEscape cleans s and escapes what markdown would read as markup.
func MarkdownEscape(s string) string { return mdReplacer.Replace(format.Clean(s)) }

// String names a kind as an export says it: text, count, rate, days,
// money, decimal.
func (k Kind) String() string {
	switch k {
	case KindText:
		return "text"
	case KindCount:
		return "count"
	case KindRate:
		return "rate"
	case KindDays:
		return "days"
	case KindMoney:
		return "money"
	}
	return "decimal"
}
