package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// Formats that Write accepts.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatJSON     = "json"
	FormatCSV      = "csv"
)

// Formats lists the output formats.
var Formats = []string{FormatText, FormatMarkdown, FormatJSON, FormatCSV}

// Layout fits text output to where it goes.
type Layout struct {
	// Width wraps prose lines at this many cells (0: never). Tables are
	// never wrapped or cut to it: a report must not lose numbers.
	Width int
	// CutCells cuts text cells wider than 28 cells with "…", for a
	// terminal; a file or a pipe gets every cell whole.
	CutCells bool
}

// Write writes r in a format; lay applies to text output.
func Write(w io.Writer, r *Report, format string, lay Layout) error {
	switch format {
	case FormatText, "":
		return WriteText(w, r, lay)
	case FormatMarkdown, "md":
		return WriteMarkdown(w, r)
	case FormatJSON:
		return WriteJSON(w, r)
	case FormatCSV:
		return WriteCSV(w, r)
	}
	return fmt.Errorf("unknown format %q; formats are %s", format, strings.Join(Formats, ", "))
}

// maxText is the widest a text cell may be in text output.
const maxText = 28

// human formats a cell for people (text and markdown).
func human(c Cell, k Kind) string { return tabular.Text(c, k) }

// decimal writes a plain number for people (tabular.Decimal).
func decimal(x float64) string { return tabular.Decimal(x) }

// plural is "1 record", "2,125 records".
func plural(n int, one, many string) string { return format.Plural(n, one, many) }

// titled is "title (unit)", or the title alone when unit is empty.
func titled(title, unit string) string {
	if unit = format.Clean(unit); unit == "" {
		return title
	}
	return title + " (" + unit + ")"
}

// header is the lines above the tables (shared by text and markdown).
func header(r *Report) []string {
	var l []string
	files := make([]string, len(r.Source.Files))
	for i, f := range r.Source.Files {
		files[i] = format.Clean(f)
	}
	if r.Demo {
		l = append(l, "funnel report: the DEMO dataset (generated; no FILE was named and nothing was piped in)")
	} else {
		l = append(l, "funnel report: "+strings.Join(files, ", "))
	}
	line := fmt.Sprintf("rows read %s = used %s + skipped %s", format.Count(r.Source.Read), format.Count(r.Source.Used), format.Count(r.Source.Skipped))
	if r.AsOf != "" {
		line += fmt.Sprintf(" · dates %s to %s (as of %s)", r.Window.From, r.Window.To, r.AsOf)
	} else {
		line += " · no dates"
	}
	l = append(l, line)
	for _, n := range r.Source.Notes {
		l = append(l, "note: "+format.Clean(n))
	}
	if r.Window.DatesInferred {
		l = append(l, "stage dates were inferred from the current stage, not read")
	}
	if len(r.Filters) > 0 {
		fs := make([]string, len(r.Filters))
		for i, f := range r.Filters {
			fs[i] = format.Clean(f)
		}
		l = append(l, fmt.Sprintf("filters: %s (%s match)", strings.Join(fs, " and "), plural(r.Denominators.Records, "record", "records")))
	}
	if r.Masked {
		l = append(l, "masked: names, emails, companies and owners are pseudonyms; counts and rates are unchanged")
	}
	if len(r.ImmatureCohorts) > 0 {
		l = append(l, fmt.Sprintf("immature cohorts: %s (%s)", strings.Join(r.ImmatureCohorts, ", "), r.MaturityRule))
	}
	for _, w := range r.Warnings {
		l = append(l, "warning: "+format.Clean(w))
	}
	return l
}

// WriteText writes the report as aligned plain text, without colour:
// the header, the tables, how the data was read and the skipped rows.
func WriteText(w io.Writer, r *Report, lay Layout) error {
	width := lay.Width
	cut := func(s string) string {
		if lay.CutCells {
			return format.Truncate(s, maxText)
		}
		return s
	}
	var b strings.Builder
	for _, l := range header(r) {
		b.WriteString(clip(l, width) + "\n")
	}
	for _, t := range r.Tables() {
		b.WriteString("\n" + format.Clean(t.Title) + "\n")
		if noRows(t) {
			for _, f := range t.Footnotes {
				b.WriteString(clip(format.Clean(f), width) + "\n")
			}
			continue
		}
		cells := make([][]string, len(t.Rows)+1)
		cells[0] = make([]string, len(t.Columns))
		for j, c := range t.Columns {
			cells[0][j] = cut(format.Clean(c.Name))
		}
		for i, row := range tabular.Texts(t) {
			cells[i+1] = make([]string, len(t.Columns))
			for j, c := range row {
				cells[i+1][j] = cut(c)
			}
		}
		wd := make([]int, len(t.Columns))
		for _, row := range cells {
			for j, s := range row {
				wd[j] = max(wd[j], ansi.StringWidth(s))
			}
		}
		for _, row := range cells {
			var line strings.Builder
			for j, s := range row {
				if j > 0 {
					line.WriteString("  ")
				}
				if t.Columns[j].Kind == KindText {
					line.WriteString(format.PadRight(s, wd[j]))
				} else {
					line.WriteString(format.PadLeft(s, wd[j]))
				}
			}
			b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
		}
		for _, f := range t.Footnotes {
			b.WriteString(clip(format.Clean(f), width) + "\n")
		}
	}
	if len(r.Source.Decisions) > 0 {
		b.WriteString("\nHow the data was read\n")
		for _, d := range r.Source.Decisions {
			b.WriteString(clip("- "+format.Clean(d), width) + "\n")
		}
	}
	if len(r.Source.Problems) > 0 {
		b.WriteString("\n" + skippedTitle(r) + "\n")
		for _, p := range r.Source.Problems {
			b.WriteString("skipped " + format.Clean(p.Message) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// noRows is a table with no rows whose footnotes say why (tabular.NoRows).
func noRows(t Table) bool { return tabular.NoRows(t) }

// skippedTitle heads the skipped rows, saying when only some are listed.
func skippedTitle(r *Report) string {
	s := "Skipped rows: " + plural(r.Source.Skipped, "row", "rows")
	if n := len(r.Source.Problems); n < r.Source.Skipped {
		s += fmt.Sprintf(", the first %s listed", format.Count(n))
	}
	return s
}

// clip word-wraps a prose line at width (tables are never cut: a report
// must not lose numbers).
func clip(s string, width int) string {
	if width <= 0 {
		return s
	}
	var b strings.Builder
	col := 0
	for i, w := range strings.Split(s, " ") {
		ww := ansi.StringWidth(w)
		if i > 0 {
			if col+1+ww > width {
				b.WriteString("\n  ")
				col = 2
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += ww
	}
	return b.String()
}
