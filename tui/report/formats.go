package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// WriteMarkdown writes the report as markdown tables, ready for a deck or
// a wiki. Data strings are sanitized and markdown's special characters
// (| \ ` * _ [ ] < >) escaped, so a value cannot break a table or inject HTML.
func WriteMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	b.WriteString("# Funnel report\n\n")
	for _, l := range header(r) {
		b.WriteString(mdEscape(l) + "  \n")
	}
	for _, t := range r.Tables() {
		b.WriteString("\n")
		tabular.WriteMarkdown(&b, t)
	}
	if len(r.Source.Decisions) > 0 {
		b.WriteString("\n## How the data was read\n\n")
		for _, d := range r.Source.Decisions {
			b.WriteString("- " + mdEscape(d) + "\n")
		}
	}
	if len(r.Source.Problems) > 0 {
		b.WriteString("\n## " + mdEscape(skippedTitle(r)) + "\n\n")
		for _, p := range r.Source.Problems {
			b.WriteString("- " + mdEscape(p.Message) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdEscape(s string) string { return tabular.MarkdownEscape(s) }

// WriteCSV writes the report's one table as CSV, with its header row;
// a report of several tables is an error naming them (write each with
// WriteCSVTable, as `funnel report --out DIR` does, or ask for one
// section). Numbers are plain (rates as fractions, money in minor units);
// text cells are sanitized and neutralised against formula injection
// (SafeCell).
func WriteCSV(w io.Writer, r *Report) error {
	ts := r.Tables()
	if len(ts) != 1 {
		return &CSVTablesError{Tables: ts}
	}
	return WriteCSVTable(w, ts[0])
}

// CSVTablesError says a report holds other than one table, which one CSV
// file cannot carry.
type CSVTablesError struct{ Tables []Table }

func (e *CSVTablesError) Error() string {
	if len(e.Tables) == 0 {
		return "the report has no table to write as CSV"
	}
	names := make([]string, len(e.Tables))
	sections := map[string]bool{}
	for i, t := range e.Tables {
		names[i] = t.Name
		sections[t.Section] = true
	}
	if len(sections) == 1 {
		return fmt.Sprintf("a CSV file holds one table and the %s section has %d (%s): write one file per table with --out DIR",
			e.Tables[0].Section, len(e.Tables), strings.Join(names, ", "))
	}
	return fmt.Sprintf("a CSV file holds one table and this report has %d (%s): ask for one with --sections, "+
		"or write one file per table with --out DIR", len(e.Tables), strings.Join(names, ", "))
}

// WriteCSVTable writes one table as CSV (tabular.WriteCSV).
func WriteCSVTable(w io.Writer, t Table) error { return tabular.WriteCSV(w, t) }

// SafeCell makes a text cell safe to open in a spreadsheet (tabular.SafeCell).
func SafeCell(s string) string { return tabular.SafeCell(s) }

// WriteJSON writes the report as indented JSON (the schema in the package
// comment). Strings keep their data, but characters that could reorder or
// hide text on a terminal (C1 controls, bidi overrides, zero-width) are
// written as \u escapes, so printing the JSON is safe too.
func WriteJSON(w io.Writer, r *Report) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := w.Write(jsonSafe(buf.Bytes()))
	return err
}

func jsonSafe(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			out = append(out, b[i])
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if format.Clean(string(r)) == "" {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}
