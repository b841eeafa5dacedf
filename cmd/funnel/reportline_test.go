package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/tui"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/views"
)

// settle runs a command as the program would, feeding its messages back.
func settle(a *tui.App, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(10 * time.Second):
		return
	}
	switch msg := msg.(type) {
	case nil, tea.QuitMsg, tea.BackgroundColorMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			settle(a, c)
		}
	default:
		_, next := a.Update(msg)
		settle(a, next)
	}
}

func keys(a *tui.App, ks ...tea.KeyPressMsg) {
	for _, k := range ks {
		_, cmd := a.Update(k)
		settle(a, cmd)
	}
}

func key(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// typed is s typed, then enter.
func typed(s string) []tea.KeyPressMsg {
	var out []tea.KeyPressMsg
	for _, r := range s {
		out = append(out, key(r))
	}
	return append(out, tea.KeyPressMsg{Code: tea.KeyEnter})
}

// shellWords splits a line as a POSIX shell does for what :report writes
// (bare words and single quotes).
func shellWords(t *testing.T, line string) []string {
	var out []string
	var cur strings.Builder
	in, word := false, false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\'':
			in, word = !in, true
		case c == ' ' && !in:
			if word {
				out = append(out, cur.String())
			}
			cur.Reset()
			word = false
		case c == '\\' && !in && i+1 < len(line):
			i++
			cur.WriteByte(line[i])
			word = true
		default:
			cur.WriteByte(c)
			word = true
		}
	}
	if in {
		t.Fatalf("unbalanced quote in %q", line)
	}
	if word {
		out = append(out, cur.String())
	}
	return out
}

// TestReportLineGivesTheSameNumbers: the line :report writes, run as a
// command, gives the numbers the view shows, for several views, with a
// filter, an as-of date and a period from the deep link.
func TestReportLineGivesTheSameNumbers(t *testing.T) {
	dir := t.TempDir()
	io, _, errb := testIO()
	if code := run([]string{"demo", "--rows", "4000", "--seed", "3", "--out", dir}, io); code != 0 {
		t.Fatalf("demo: %s", errb)
	}
	leads, spend := filepath.Join(dir, "leads.csv"), filepath.Join(dir, "spend.csv")
	for _, tc := range []struct {
		name  string
		args  []string
		press []tea.KeyPressMsg
		check func(t *testing.T, view []tabular.Table, r *report.Report)
	}{
		{"breakdown", []string{"--by", "channel", "--where", "segment!=Enterprise", "--as-of", "2026-09-30"}, nil,
			func(t *testing.T, view []tabular.Table, r *report.Report) {
				groups := map[string]report.Group{}
				for _, g := range r.Breakdown.Groups {
					groups[g.Value] = g
				}
				for _, row := range view[0].Rows {
					g, ok := groups[row[0].Str]
					if !ok || g.Records != int(row[1].Num) || g.Reached[1] != int(row[3].Num) {
						t.Errorf("%s: view %v records %v reached, report %+v", row[0].Str, row[1].Num, row[3].Num, g)
					}
				}
				if len(view[0].Rows) != len(r.Breakdown.Groups) {
					t.Errorf("view %d slices, report %d", len(view[0].Rows), len(r.Breakdown.Groups))
				}
			}},
		{"cohorts", []string{"--period", "quarter", "--where", "channel=organic"}, []tea.KeyPressMsg{key('c')},
			func(t *testing.T, view []tabular.Table, r *report.Report) {
				if len(view[0].Rows) != len(r.Cohorts.Rows) {
					t.Fatalf("view %d cohorts, report %d", len(view[0].Rows), len(r.Cohorts.Rows))
				}
				for i, row := range view[0].Rows {
					c := r.Cohorts.Rows[i]
					if row[0].Str != c.Cohort || int(row[1].Num) != c.Entered || row[2].Num != c.ConversionFromTop[1] {
						t.Errorf("cohort %s: view %v, report %+v", row[0].Str, row[:3], c)
					}
				}
			}},
		{"sticky", []string{"--as-of", "2026-10-31"}, []tea.KeyPressMsg{key('s')},
			func(t *testing.T, view []tabular.Table, r *report.Report) {
				if len(view[0].Rows) != len(r.StickyPoints) {
					t.Fatalf("view %d points, report %d", len(view[0].Rows), len(r.StickyPoints))
				}
				for i, row := range view[0].Rows {
					p := r.StickyPoints[i]
					if row[0].Str != p.Stage || int(row[2].Num) != p.Entered || row[4].Num != p.Rate {
						t.Errorf("point %d: view %v, report %+v", i, row[:5], p)
					}
				}
			}},
		{"money", []string{"--spend", spend, "--where", "channel!=chat"}, []tea.KeyPressMsg{key('e')},
			func(t *testing.T, view []tabular.Table, r *report.Report) {
				for _, row := range view[0].Rows {
					if row[0].Str == "Won revenue" && int64(row[1].Num) != r.Money.Deals.WonRevenue {
						t.Errorf("won revenue: view %v, report %d", row[1].Num, r.Money.Deals.WonRevenue)
					}
				}
				if r.Customers == nil {
					t.Error("the report line has no customers section")
				}
			}},
		{"planner", []string{"--spend", spend}, append([]tea.KeyPressMsg{key('p'), key('i'), {Code: 'u', Mod: tea.ModCtrl}},
			typed("25 customers per quarter")...),
			func(t *testing.T, view []tabular.Table, r *report.Report) {
				if view[0].Name != "plan" || r.Plan == nil || r.Plan.Reverse == nil {
					t.Fatalf("no plan: view %s, report %+v", view[0].Name, r.Plan)
				}
				if len(view[0].Rows) != len(r.Plan.Reverse.Stages) {
					t.Fatalf("view %d stages, report %d", len(view[0].Rows), len(r.Plan.Reverse.Stages))
				}
				for i, row := range view[0].Rows {
					s := r.Plan.Reverse.Stages[i]
					if row[0].Str != s.Stage || int(row[1].Num) != plan.Whole(s.Needed) {
						t.Errorf("stage %s: view needs %v, report %v", row[0].Str, row[1].Num, s.Needed)
					}
				}
			}},
		{"overview", []string{"--where", "segment=SMB"}, nil,
			func(t *testing.T, view []tabular.Table, r *report.Report) {
				for k, row := range view[0].Rows {
					if int(row[1].Num) != r.Stages[k].Reached {
						t.Errorf("stage %s: view %v, report %d", row[0].Str, row[1].Num, r.Stages[k].Reached)
					}
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, err := parseRoot(t, append([]string{leads}, tc.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			open, err := o.Show.open()
			if err != nil {
				t.Fatal(err)
			}
			mo, _ := o.Money.options()
			ds, err := loadData(o)
			if err != nil {
				t.Fatal(err)
			}
			sp, err := o.Money.spend(ds, false)
			if err != nil {
				t.Fatal(err)
			}
			topts, done, err := tuiOptions(o, open, sp, mo)
			if err != nil {
				t.Fatal(err)
			}
			defer done()
			topts.NoColor = true
			a := tui.New(ds, topts)
			a.Update(tea.WindowSizeMsg{Width: 160, Height: 40})
			settle(a, a.Init())
			keys(a, tc.press...)
			view := a.Top().(views.Tabler).Tables()
			if len(view) == 0 {
				t.Fatal("the view has no tables")
			}
			line := a.ReportLine()
			args := shellWords(t, line)
			if args[0] != "funnel" || args[1] != "report" {
				t.Fatalf("line %q", line)
			}
			rio, out, rerr := testIO()
			if code := run(append(args[1:], "--format", "json"), rio); code != 0 {
				t.Fatalf("%s: exit %d: %s", line, code, rerr)
			}
			var r report.Report
			if err := json.Unmarshal(out.Bytes(), &r); err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			tc.check(t, view, &r)
			t.Log(line)
		})
	}
}
