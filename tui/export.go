package tui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/views"
)

// Taking a view's numbers away: y copies its table(s) as TSV to the
// clipboard (OSC 52), ctrl+s opens `:export csv FILE` ready to edit, and
// `:export csv|md|json FILE` writes them. Every view gives its tables
// with views.Tabler, the same rows it draws.

// tables are the tables of the view on screen.
func (a *App) tables() ([]tabular.Table, error) {
	t, ok := a.Top().(views.Tabler)
	if !ok {
		return nil, fmt.Errorf("%s has no table to copy or export", format.Clean(a.Top().Title()))
	}
	ts := t.Tables()
	if len(ts) == 0 {
		return nil, errors.New("nothing to copy or export yet: the view is still computing")
	}
	return ts, nil
}

// copyTables puts the view's tables on the clipboard as TSV.
func (a *App) copyTables() tea.Cmd {
	ts, err := a.tables()
	if err != nil {
		a.note = err.Error()
		return nil
	}
	var b strings.Builder
	rows := 0
	for i, t := range ts {
		if i > 0 {
			b.WriteString("\n")
		}
		if len(ts) > 1 {
			b.WriteString(tsvCell(t.Title) + "\n")
		}
		writeTSV(&b, t)
		rows += len(t.Rows)
	}
	a.note = fmt.Sprintf("copied %s to the clipboard as TSV (%s)", tablesNoun(ts, rows), humanBytes(int64(b.Len())))
	if b.Len() > 100_000 {
		a.note += "; some terminals cap the clipboard near 100 kB: ctrl+s writes a file"
	}
	return tea.SetClipboard(b.String())
}

func tablesNoun(ts []tabular.Table, rows int) string {
	if len(ts) == 1 {
		return format.Plural(rows, "row", "rows")
	}
	return fmt.Sprintf("%d tables, %s", len(ts), format.Plural(rows, "row", "rows"))
}

// writeTSV writes a table as tab-separated text, cells as the screen
// writes them (1,234 · 29.7% · $1,234), text made safe for a spreadsheet.
func writeTSV(w io.StringWriter, t tabular.Table) {
	cells := make([]string, len(t.Columns))
	for j, c := range t.Columns {
		cells[j] = tsvCell(c.Name)
	}
	w.WriteString(strings.Join(cells, "\t") + "\n")
	texts := tabular.Texts(t)
	for i, row := range t.Rows {
		for j, c := range row {
			if t.Columns[j].Kind == tabular.KindText {
				cells[j] = tsvCell(c.Str)
			} else {
				cells[j] = texts[i][j]
			}
		}
		w.WriteString(strings.Join(cells, "\t") + "\n")
	}
}

func tsvCell(s string) string { return strings.ReplaceAll(tabular.SafeCell(s), "\t", " ") }

// exportPrompt opens the command prompt with an export line to edit.
func (a *App) exportPrompt() tea.Cmd {
	a.openPrompt(modeCommand, "export csv "+a.exportName()+".csv")
	return nil
}

var notSlug = regexp.MustCompile(`[^a-z0-9]+`)

// exportName is a file name for the view on screen: "breakdown-by-channel".
func (a *App) exportName() string {
	title := strings.ToLower(format.Clean(a.Top().Title()))
	if i := strings.Index(title, " where "); i > 0 {
		title = title[:i]
	}
	s := strings.Trim(notSlug.ReplaceAllString(title, "-"), "-")
	if len(s) > 40 {
		s = strings.Trim(s[:40], "-")
	}
	if s == "" {
		s = "funnel"
	}
	return s
}

// export carries out `:export FORMAT FILE`.
func (a *App) export(arg string) (tea.Cmd, error) {
	kind, path, _ := strings.Cut(strings.TrimSpace(arg), " ")
	path = strings.TrimSpace(path)
	kind = strings.ToLower(kind)
	if kind == "markdown" {
		kind = "md"
	}
	if kind != "csv" && kind != "md" && kind != "json" {
		return nil, errors.New("export wants a format and a file: :export csv|md|json FILE")
	}
	if path == "" {
		path = a.exportName() + "." + kind
	}
	ts, err := a.tables()
	if err != nil {
		return nil, err
	}
	files, err := a.writeExport(kind, path, ts)
	if err != nil {
		return nil, err
	}
	a.note = fmt.Sprintf("wrote %s to %s", tablesNoun(ts, countRows(ts)), strings.Join(files, ", "))
	return nil, nil
}

func countRows(ts []tabular.Table) int {
	n := 0
	for _, t := range ts {
		n += len(t.Rows)
	}
	return n
}

// writeExport writes the tables to path in the format; CSV holds one
// table a file, so several go to path's name plus each table's
// ("money.csv": money-deals.csv, money-pipeline_by_stage.csv…).
func (a *App) writeExport(kind, path string, ts []tabular.Table) ([]string, error) {
	path = expandHome(path)
	if kind != "csv" || len(ts) == 1 {
		return []string{path}, a.writeFile(path, func(w io.Writer) error {
			switch kind {
			case "csv":
				return tabular.WriteCSV(w, ts[0])
			case "md":
				return a.writeMarkdown(w, ts)
			}
			return a.writeJSON(w, ts)
		})
	}
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	if ext == "" {
		ext = ".csv"
	}
	var files []string
	for _, t := range ts {
		p := stem + "-" + t.Name + ext
		if err := a.writeFile(p, func(w io.Writer) error { return tabular.WriteCSV(w, t) }); err != nil {
			return files, err
		}
		files = append(files, p)
	}
	return files, nil
}

// writeFile writes path with write, refusing a file the data was read
// from.
func (a *App) writeFile(path string, write func(io.Writer) error) error {
	if a.isInput(path) {
		return fmt.Errorf("%s was read as input; funnel never writes over it: name another file", format.Clean(path))
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("export %s: %w", format.Clean(path), err)
	}
	return f.Close()
}

// isInput reports whether path names a file the data was read from.
func (a *App) isInput(path string) bool {
	out, err := os.Stat(path)
	if err != nil {
		return false // a new file
	}
	for _, in := range a.opts.Source.Inputs {
		if st, err := os.Stat(in); err == nil && os.SameFile(st, out) {
			return true
		}
	}
	return false
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

// writeMarkdown writes the tables as markdown, each under its title, with
// what the numbers are of at the top.
func (a *App) writeMarkdown(w io.Writer, ts []tabular.Table) error {
	var b strings.Builder
	b.WriteString("# " + tabular.MarkdownEscape(a.Top().Title()) + "\n\n")
	for _, l := range a.scopeLines() {
		b.WriteString(tabular.MarkdownEscape(l) + "  \n")
	}
	for _, t := range ts {
		b.WriteString("\n")
		tabular.WriteMarkdown(&b, t)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// scopeLines say what the exported numbers are of: the data, the filter,
// the as-of date, the period, the report line that gives them.
func (a *App) scopeLines() []string {
	ld := a.common.Data().Load
	out := []string{fmt.Sprintf("Data: %s (%s rows read, %s used, %s skipped)", strings.Join(ld.Files, ", "),
		format.Count(ld.Read), format.Count(ld.Used), format.Count(ld.Skipped))}
	if a.state.Filter != "" {
		out = append(out, "Where: "+a.state.Filter)
	}
	out = append(out, "As of: "+asOfLabel(a.state.AsOf), "Period: "+views.Period(a.state).String())
	if a.state.Masked {
		out = append(out, "Masked: names, emails, companies and owners are pseudonyms")
	}
	return append(out, "Same numbers: "+a.ReportLine())
}

// exportJSON is the JSON an export writes: what the numbers are of and
// the tables, numbers unformatted (rates as fractions, money in minor
// units, null for unknown).
type exportJSON struct {
	View       string      `json:"view"`
	Files      []string    `json:"files"`
	Filter     string      `json:"filter"`
	AsOf       string      `json:"as_of"`
	Period     string      `json:"period"`
	Masked     bool        `json:"masked"`
	ReportLine string      `json:"report_line"`
	Tables     []tableJSON `json:"tables"`
}

type tableJSON struct {
	Name      string       `json:"name"`
	Title     string       `json:"title"`
	Columns   []columnJSON `json:"columns"`
	Rows      [][]any      `json:"rows"`
	Footnotes []string     `json:"footnotes"`
}

type columnJSON struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

func (a *App) writeJSON(w io.Writer, ts []tabular.Table) error {
	asOf := "latest"
	if a.state.AsOf != model.NoDay && a.state.AsOf != 0 {
		asOf = model.DayString(a.state.AsOf)
	}
	out := exportJSON{View: format.Clean(a.Top().Title()), Files: a.common.Data().Load.Files, Filter: a.state.Filter, AsOf: asOf,
		Period: views.Period(a.state).String(), Masked: a.state.Masked, ReportLine: a.ReportLine(), Tables: []tableJSON{}}
	for _, t := range ts {
		tj := tableJSON{Name: t.Name, Title: t.Title, Rows: [][]any{}, Footnotes: append([]string{}, t.Footnotes...)}
		for _, c := range t.Columns {
			tj.Columns = append(tj.Columns, columnJSON{c.Name, c.Kind.String()})
		}
		for _, row := range t.Rows {
			r := make([]any, len(row))
			for j, c := range row {
				switch {
				case t.Columns[j].Kind == tabular.KindText:
					r[j] = c.Str
				case c.Null || math.IsNaN(c.Num) || math.IsInf(c.Num, 0):
					r[j] = nil
				default:
					r[j] = c.Num
				}
			}
			tj.Rows = append(tj.Rows, r)
		}
		out.Tables = append(out.Tables, tj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
