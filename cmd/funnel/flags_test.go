package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/tui"
)

// parseRoot runs the root command's flag parsing only (runF records the
// options), as cli/cli tests its commands.
func parseRoot(t *testing.T, args ...string) (*RootOptions, error) {
	t.Helper()
	io, _, _ := testIO()
	var got *RootOptions
	cmd := newRootCmd(io, func(o *RootOptions) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.Err)
	err := cmd.Execute()
	return got, err
}

func TestRootFlagsParse(t *testing.T) {
	o, err := parseRoot(t, "leads.csv", "--view", "breakdown", "--by", "channel", "--where", "channel in (chat,organic)",
		"--where", "created>=2026-01", "--as-of", "2026-06-30", "--period", "quarter", "--plain", "--theme", "light")
	if err != nil {
		t.Fatal(err)
	}
	s := o.Show
	if len(o.Files) != 1 || s.View != "breakdown" || s.By != "channel" || len(s.Where) != 2 || s.Where[0] != "channel in (chat,organic)" ||
		s.AsOf != "2026-06-30" || s.Period != "quarter" || !o.Plain || o.Theme != "light" {
		t.Fatalf("%+v %+v", o, s)
	}
	open, err := s.open()
	want := tui.Open{View: "breakdown", By: "channel", Where: []string{"channel in (chat,organic)", "created>=2026-01"}, Period: "quarter",
		AsOf: model.DayFromCivil(2026, 6, 30)}
	if err != nil || fmt.Sprint(open) != fmt.Sprint(want) {
		t.Fatalf("open %+v, %v; want %+v", open, err, want)
	}
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"--view", "funnel"}, "--view"},
		{[]string{"--by", "channel", "--view", "trends"}, "--by"},
		{[]string{"--period", "fortnight"}, "--period"},
		{[]string{"--as-of", "2026-02-30"}, "--as-of"},
		{[]string{"--where", "segment in (SMB"}, "missing )"},
	} {
		o, err := parseRoot(t, tc.args...)
		if err != nil {
			t.Fatal(err)
		}
		_, err = o.Show.open()
		if err == nil || !strings.Contains(err.Error(), tc.err) || exitCode(err) != exitUsage {
			t.Errorf("%v: %v (exit %d), want a usage error about %s", tc.args, err, exitCode(err), tc.err)
		}
	}
}

func TestReportFlagsParse(t *testing.T) {
	io, _, _ := testIO()
	var got *ReportOptions
	cmd := newReportCmd(io, func(o *ReportOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"-", "--format", "csv", "--out", "dir", "--where", "stage>=SQL", "--by", "owner", "--sections", "breakdown"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Files[0] != "-" || got.Format != "csv" || got.Out != "dir" || got.Show.Where[0] != "stage>=SQL" || got.Show.By != "owner" {
		t.Fatalf("%+v", got)
	}
}

// The deep-link flags reach the explorer's state: the options cmd builds
// open the breakdown by channel, filtered, by quarter, as of the date.
func TestDeepLinkReachesExplorer(t *testing.T) {
	o, err := parseRoot(t, "--by", "channel", "--where", "channel in (chat,organic)", "--where", "created>=2025-06",
		"--period", "quarter", "--as-of", "2026-06-30")
	if err != nil {
		t.Fatal(err)
	}
	open, err := o.Show.open()
	if err != nil {
		t.Fatal(err)
	}
	mo, err := o.Money.options()
	if err != nil {
		t.Fatal(err)
	}
	topts, done, err := tuiOptions(o, open, nil, mo)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	a := tui.New(demo.Generate(demo.Options{Rows: 3000}), topts)
	a.Update(tea.WindowSizeMsg{Width: 200, Height: 30})
	if a.Err() != nil {
		t.Fatal(a.Err())
	}
	screen := ansi.Strip(a.View().Content)
	for _, want := range []string{"Breakdown by channel", "by quarter", "as of 2026-06-30", "where channel in (chat,organic) created>=2025-06"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
}

// --plain and TERM=dumb print the report on a terminal instead of the
// full-screen explorer (which cannot run in a test).
func TestPlainAndDumbTerminal(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  []string
	}{
		{[]string{"--plain"}, nil},
		{nil, []string{"TERM=dumb"}},
		{[]string{"--plain", "--view", "money"}, nil},
	} {
		io, out, errb := testIO()
		io.OutIsTTY, io.Environ = true, tc.env
		if code := run(tc.args, io); code != exitOK || !strings.Contains(out.String(), "funnel report: the DEMO dataset") {
			t.Errorf("%v %v: exit %d %s\n%s", tc.args, tc.env, code, errb, out)
		}
		if len(tc.args) == 3 && !strings.Contains(out.String(), "Deals and revenue (USD)") {
			t.Errorf("--view money printed no money section:\n%s", out)
		}
	}
}

// The locale, COLORFGBG and --theme reach the explorer's options; a
// report on a terminal whose locale is not UTF-8 is drawn in ASCII.
func TestTerminalConventions(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		env       []string
		theme, bg string
		ascii     bool
	}{
		{nil, []string{"LANG=en_US.UTF-8"}, "", "", false},
		{nil, []string{"LANG=C"}, "", "", true},
		{nil, nil, "", "", true},
		{[]string{"--theme", "light"}, []string{"LANG=C.UTF-8", "COLORFGBG=15;0"}, "light", "dark", false},
		{nil, []string{"LC_ALL=en_US.UTF-8", "COLORFGBG=0;15"}, "", "light", false},
	} {
		o, err := parseRoot(t, tc.args...)
		if err != nil {
			t.Fatal(err)
		}
		o.IO.Environ = tc.env
		topts, done, err := tuiOptions(o, tui.Open{}, nil, money.Options{})
		if err != nil {
			t.Fatal(err)
		}
		done()
		if topts.Theme != tc.theme || topts.Background != tc.bg || topts.ASCII != tc.ascii {
			t.Errorf("%v %v: theme %q background %q ascii %v", tc.args, tc.env, topts.Theme, topts.Background, topts.ASCII)
		}
	}
	io, out, _ := testIO()
	io.OutIsTTY, io.Environ = true, []string{"LANG=C"}
	if code := run([]string{"--plain"}, io); code != exitOK {
		t.Fatal(code)
	}
	for _, r := range out.String() {
		if r >= 0x80 {
			t.Fatalf("%q in a LANG=C terminal report:\n%s", r, out)
		}
	}
}

// Exit codes come from the error's type: usage (2) for flags, arguments
// and names; bad input (1) for data and files.
func TestExitCodesTyped(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"init"}, exitUsage, "accepts 1 arg"},
		{[]string{"man", "x"}, exitUsage, "unknown command"},
		{[]string{"--view", "nope"}, exitUsage, "--view"},
		{[]string{"--theme", "blue"}, exitUsage, "--theme"},
		{[]string{"--by", "nope"}, exitUsage, "no such dimension"},
		{[]string{"--where", "created>"}, exitUsage, "expected a value"},
		{[]string{"--rows", "3"}, exitUsage, "unknown flag"},
		{[]string{"demo", "--rows", "x"}, exitUsage, "invalid argument"},
		{[]string{"no-such-file.csv"}, exitBadInput, "no-such-file.csv"},
		{[]string{"../../testdata/loaders/binary.csv"}, exitBadInput, "binary.csv"},
	} {
		io, _, errb := testIO()
		if code := run(tc.args, io); code != tc.code || !strings.Contains(errb.String(), tc.err) {
			t.Errorf("%v: exit %d (want %d), stderr %q (want %q)", tc.args, code, tc.code, errb, tc.err)
		}
	}
	if exitCode(errors.New("funnel: some unknown flag in a message")) != exitBadInput {
		t.Error("an untyped error must not be read for words")
	}
	// "-" with a terminal on standard input has nothing to read.
	io, _, errb := testIO()
	io.InIsTTY = true
	if code := run([]string{"-"}, io); code != exitUsage || !strings.Contains(errb.String(), "terminal") {
		t.Errorf(`"-" on a terminal: exit %d %s`, code, errb)
	}
}

func TestVersionFormat(t *testing.T) {
	if got := formatVersion("", "", nil); got != "devel" {
		t.Errorf("%q", got)
	}
	if got := formatVersion("v1.2.0", "0123456789abcdef", nil); got != "v1.2.0 (commit 0123456789ab)" {
		t.Errorf("%q", got)
	}
}

func TestCompletions(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "report", "--format", ""}, []string{"text", "markdown", "json", "csv"}},
		{[]string{"__complete", "report", "--sections", "stages,"}, []string{"stages,breakdown", "stages,money", ":6"}},
		{[]string{"__complete", "--view", ""}, []string{"overview", "breakdown", "cohorts", "trends", "sticky", "planner", "money"}},
		{[]string{"__complete", "--period", "q"}, []string{"quarter"}},
		{[]string{"__complete", "--preset", ""}, []string{"hubspot-deals", "pipedrive-deals"}},
		{[]string{"__complete", "--theme", ""}, []string{"light", "dark"}},
		{[]string{"__complete", "../../testdata/sample_leads.csv", "--by", ""}, []string{"channel", "owner"}},
		{[]string{"__complete", "../../testdata/sample_leads.csv", "--where", "channel=p"}, []string{"channel=paid_social"}},
		{[]string{"__complete", "--where", "own"}, []string{"owner="}}, // the demo's columns
		{[]string{"__complete", "../../testdata/sample_leads.csv", "--stages", ""}, []string{"Lead,MQL,SQL,Opportunity,Won"}},
		{[]string{"__complete", "--map", ""}, []string{"yaml", "toml", ":8"}},
		{[]string{"__complete", "le"}, []string{"csv", "gz", ":8"}},
		{[]string{"__complete", "re"}, []string{"report"}},
		{[]string{"__complete", "help", ""}, []string{"filters", "keys", "mapping"}},
	} {
		io, out, errb := testIO()
		if code := run(tc.args, io); code != exitOK {
			t.Errorf("%v: exit %d %s", tc.args, code, errb)
		}
		lines := strings.Split(out.String(), "\n")
		for _, w := range tc.want {
			found := false
			for _, l := range lines {
				if l == w || strings.HasPrefix(l, w+"\t") {
					found = true
				}
			}
			if !found {
				t.Errorf("%v: no %q in\n%s", tc.args, w, out)
			}
		}
	}
}

func TestHelpTopics(t *testing.T) {
	for topic, wants := range map[string][]string{
		"filters": {"in (ana,\"Ben Okafor\")", "created>=2026-01", "Several --where all hold"},
		"keys":    {"ctrl+z", "Overview (o)", "Breakdown (b)", "Money", "While loading"},
		"mapping": {"shape", "stage_column", "segments", "funnel init"},
	} {
		for _, args := range [][]string{{"help", topic}, {topic}} {
			io, out, errb := testIO()
			if code := run(args, io); code != exitOK {
				t.Errorf("%v: exit %d %s", args, code, errb)
			}
			for _, w := range wants {
				if !strings.Contains(out.String(), w) {
					t.Errorf("%v lacks %q", args, w)
				}
			}
		}
	}
	io, out, _ := testIO()
	run([]string{"--help"}, io)
	if !strings.Contains(out.String(), "Additional help topics") || !strings.Contains(out.String(), "funnel filters") {
		t.Errorf("--help does not list the topics:\n%s", out)
	}
}

// --format csv --out DIR writes one file per table; one section goes to
// stdout; an input file is never overwritten.
func TestCSVOut(t *testing.T) {
	dir := t.TempDir()
	io, out, errb := testIO()
	if code := run([]string{"report", "--by", "channel", "--format", "csv", "--out", dir}, io); code != exitOK {
		t.Fatalf("exit %d %s", code, errb)
	}
	for _, name := range []string{"stages", "breakdown", "trends", "velocity", "money", "unit_economics"} {
		b, err := os.ReadFile(filepath.Join(dir, name+".csv"))
		if err != nil || len(b) == 0 || strings.Contains(string(b), "\n\n") {
			t.Errorf("%s.csv: %v, %d bytes, or several tables", name, err, len(b))
		}
	}
	if !strings.Contains(out.String(), filepath.Join(dir, "stages.csv")) {
		t.Errorf("stdout does not list the files: %s", out)
	}
	io, out, errb = testIO()
	if code := run([]string{"report", "--sections", "velocity", "--format", "csv"}, io); code != exitOK ||
		!strings.HasPrefix(out.String(), "From,To,Records,Open,Left,Median days") {
		t.Errorf("one section to stdout: exit %d %s %q", code, errb, out)
	}
	in := filepath.Join(dir, "stages.csv")
	b, _ := os.ReadFile("../../testdata/sample_leads.csv")
	os.WriteFile(in, b, 0o644)
	io, _, errb = testIO()
	if code := run([]string{"report", in, "--format", "csv", "--out", dir, "--sections", "stages"}, io); code != exitUsage ||
		!strings.Contains(errb.String(), "overwrite the input") {
		t.Errorf("overwriting the input: exit %d %s", code, errb)
	}
	if after, _ := os.ReadFile(in); string(after) != string(b) {
		t.Error("the input file was changed")
	}
}

// --where reads the / language with the explorer's parser: in (…) lists
// and date comparisons (created>=2026-01 is not a column "created>").
// sample_leads.csv: chat L1 L2, organic L6 L7 L8; created from February:
// L4..L10.
func TestWhereLanguage(t *testing.T) {
	for _, tc := range []struct {
		where []string
		want  int
	}{
		{[]string{"channel in (chat,organic)"}, 5},
		{[]string{"created>=2025-02"}, 7},
		{[]string{"channel in (chat,organic)", "created>=2025-02"}, 3},
		{[]string{"channel=chat", "channel=organic"}, 5}, // = on one column twice: either
		{[]string{"channel in (chat,organic) and created>=2025-02"}, 3},
	} {
		io, out, errb := testIO()
		args := []string{"report", "../../testdata/sample_leads.csv", "--format", "json", "--sections", "stages"}
		for _, w := range tc.where {
			args = append(args, "--where", w)
		}
		if code := run(args, io); code != exitOK {
			t.Fatalf("%v: exit %d %s", tc.where, code, errb)
		}
		var r struct {
			Denominators struct{ Records int }
		}
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if r.Denominators.Records != tc.want {
			t.Errorf("%q: %d records, want %d", tc.where, r.Denominators.Records, tc.want)
		}
		// the explorer's deep link reads the same flags the same way
		o, err := parseRoot(t, append([]string{"../../testdata/sample_leads.csv"}, args[6:]...)...)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.Show.open(); err != nil {
			t.Errorf("%q: deep link: %v", tc.where, err)
		}
	}
}
