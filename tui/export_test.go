package tui

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/views"
)

// y in a running program writes OSC 52 with the view's table as TSV.
func TestCopyEmitsOSC52(t *testing.T) {
	a := New(demo.Generate(demo.Options{Rows: 5000, Seed: 1}), Options{NoColor: true, Open: Open{By: "channel"}})
	tm := teatest.NewTestModel(t, a, teatest.WithInitialTermSize(120, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii), tea.WithEnvironment([]string{"TERM=xterm-256color"})))
	var out bytes.Buffer
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		out.Write(b)
		return bytes.Contains(out.Bytes(), []byte("paid_social"))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	out.Reset()
	tm.Send(tea.KeyPressMsg{Code: 'y', Text: "y"})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		out.Write(b)
		return bytes.Contains(out.Bytes(), []byte("\x1b]52;c;")) && bytes.Contains(out.Bytes()[bytes.Index(out.Bytes(), []byte("\x1b]52;c;")):], []byte("\a"))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)

	s := out.String()
	i := strings.Index(s, "\x1b]52;c;") + len("\x1b]52;c;")
	payload := s[i : i+strings.Index(s[i:], "\a")]
	tsv, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		t.Fatalf("OSC 52 payload is not base64: %v", err)
	}
	want := fm.Top().(views.Tabler).Tables()[0]
	lines := strings.Split(strings.TrimRight(string(tsv), "\n"), "\n")
	if len(lines) != len(want.Rows)+1 {
		t.Fatalf("copied %d lines, the view shows %d rows:\n%s", len(lines), len(want.Rows), tsv)
	}
	for r, row := range want.Rows {
		cells := strings.Split(lines[r+1], "\t")
		if cells[0] != row[0].Str || cells[1] != tabular.Text(row[1], tabular.KindCount) {
			t.Errorf("row %d copied as %q, shown as %s %v", r, lines[r+1], row[0].Str, row[1].Num)
		}
	}
}

// :export writes the view's tables: CSV (one table a file, formula-safe,
// raw numbers), markdown and JSON, each holding the rows the view shows.
func TestExportFiles(t *testing.T) {
	dir := t.TempDir()
	a := newDemoApp(t, 120, 30)
	press(a, ch('b'), keyEnter) // breakdown by channel
	want := a.Top().(views.Tabler).Tables()[0]

	typeText(a, ":export csv "+filepath.Join(dir, "b.csv"))
	press(a, keyEnter)
	f, err := os.Open(filepath.Join(dir, "b.csv"))
	if err != nil {
		t.Fatalf("%v (%s)", err, a.note)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(recs) != len(want.Rows)+1 {
		t.Fatalf("csv: %v, %d records for %d rows", err, len(recs), len(want.Rows))
	}
	for r, row := range want.Rows {
		for c, cell := range row {
			if got, exp := recs[r+1][c], tabular.CSVCell(cell, want.Columns[c].Kind); got != exp {
				t.Errorf("csv row %d col %s: %q, want %q", r, want.Columns[c].Name, got, exp)
			}
		}
	}

	typeText(a, ":export json "+filepath.Join(dir, "b.json"))
	press(a, keyEnter)
	var js exportJSON
	b, _ := os.ReadFile(filepath.Join(dir, "b.json"))
	if err := json.Unmarshal(b, &js); err != nil || len(js.Tables) != 1 {
		t.Fatalf("json: %v\n%s", err, b)
	}
	for r, row := range want.Rows {
		got := js.Tables[0].Rows[r]
		if got[0] != row[0].Str || got[1] != row[1].Num {
			t.Errorf("json row %d: %v, view %v", r, got[:2], row[:2])
		}
	}
	if !strings.HasPrefix(js.ReportLine, "funnel report") || js.View != "Breakdown by channel" {
		t.Errorf("json header: %+v", js)
	}

	typeText(a, ":export md "+filepath.Join(dir, "b.md"))
	press(a, keyEnter)
	md, _ := os.ReadFile(filepath.Join(dir, "b.md"))
	for _, row := range want.Rows {
		if !strings.Contains(string(md), "| "+tabular.MarkdownEscape(row[0].Str)+" | "+tabular.Text(row[1], tabular.KindCount)+" |") {
			t.Errorf("markdown lacks the %s row:\n%s", row[0].Str, md)
		}
	}

	// several tables in CSV: one file each, named after the table
	press(a, ch('o'))
	typeText(a, ":export csv "+filepath.Join(dir, "o.csv"))
	press(a, keyEnter)
	for _, name := range []string{"o-stages.csv", "o-top_sticky_points.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v (%s)", name, err, a.note)
		}
	}
}

// An export never writes over a file that was read, and a text cell that
// would start a formula is neutralised.
func TestExportRefusesInputsAndFormulas(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "leads.csv")
	os.WriteFile(in, []byte("original"), 0o600)
	ds := demo.Generate(demo.Options{Rows: 2000, Seed: 1})
	ch := ds.Dim("channel")
	ch.Values[1] = "=HYPERLINK(\"x\")"
	a := New(ds, Options{NoColor: true, Source: Source{Files: []string{in}, Inputs: []string{in}}})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	deliver(a, a.Init())
	press(a, tea.KeyPressMsg{Code: 'b', Text: "b"}, keyEnter)
	typeText(a, ":export csv "+in)
	press(a, keyEnter)
	if b, _ := os.ReadFile(in); string(b) != "original" {
		t.Fatal("the input file was overwritten")
	}
	if a.mode != modeCommand || !strings.Contains(a.prompt.err, "never writes over it") {
		t.Fatalf("no refusal: mode %v, %q", a.mode, a.prompt.err)
	}
	press(a, keyEscape)
	out := filepath.Join(dir, "out.csv")
	typeText(a, ":export csv "+out)
	press(a, keyEnter)
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "'=HYPERLINK") {
		t.Fatalf("formula not neutralised:\n%s", b)
	}
}

// ctrl+s opens the export prompt with a file name for the view.
func TestCtrlSOpensTheExportPrompt(t *testing.T) {
	a := newDemoApp(t, 100, 30)
	press(a, ch('c'), tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if a.mode != modeCommand || a.prompt.input.Value() != "export csv cohorts.csv" {
		t.Fatalf("mode %v, prompt %q", a.mode, a.prompt.input.Value())
	}
}

// Every view gives tables once computed, with rows whose cells match
// their columns.
func TestEveryViewHasTables(t *testing.T) {
	a := newDemoApp(t, 120, 30)
	check := func(name string) {
		tb, ok := a.Top().(views.Tabler)
		if !ok {
			t.Errorf("%s: no tables", name)
			return
		}
		ts := tb.Tables()
		if len(ts) == 0 {
			t.Errorf("%s: no tables computed", name)
		}
		for _, tt := range ts {
			if tt.Name == "" || len(tt.Columns) == 0 {
				t.Errorf("%s: table %q has no name or columns", name, tt.Title)
			}
			for r, row := range tt.Rows {
				if len(row) != len(tt.Columns) {
					t.Fatalf("%s %s row %d: %d cells for %d columns", name, tt.Name, r, len(row), len(tt.Columns))
				}
			}
		}
	}
	for _, k := range "obctspe" {
		press(a, ch(k))
		if k == 'b' {
			press(a, keyEnter)
		}
		check(strconv.QuoteRune(k))
	}
	press(a, ch('o'), keyEnter)
	check("stage")
	press(a, keyEscape, ch('r'))
	check("records")
	press(a, keyEscape, ch('l'))
	check("load details")
}
