package tui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/breakdown"
	"github.com/funnel-cli/funnel/tui/views/cohorts"
	"github.com/funnel-cli/funnel/tui/views/overview"
	"github.com/funnel-cli/funnel/tui/views/records"
	"github.com/funnel-cli/funnel/tui/views/stage"
	"github.com/funnel-cli/funnel/tui/views/trends"
)

func newViewsApp(t testing.TB, w, h int) *App {
	t.Helper()
	a := New(demo.Generate(demo.Options{Rows: 20000}), Options{NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	deliver(a, a.Init())
	return a
}

func ch(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

var (
	keyEsc   = tea.KeyPressMsg{Code: tea.KeyEscape}
	keyRight = tea.KeyPressMsg{Code: tea.KeyRight}
)

func screen(a *App) string { return ansi.Strip(a.View().Content) }

// TestExplorerViewGoldens draws each view at two sizes.
func TestExplorerViewGoldens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		a := newViewsApp(t, sz[0], sz[1])
		steps := []struct {
			name string
			keys []tea.KeyPressMsg
		}{
			{"stage", []tea.KeyPressMsg{keyDown, keyDown, keyDown, keyEnter}},
			{"breakdown_pick", []tea.KeyPressMsg{ch('b')}},
			{"breakdown_channel", []tea.KeyPressMsg{keyEnter}},
			{"cohorts", []tea.KeyPressMsg{ch('c')}},
			{"trends", []tea.KeyPressMsg{ch('t')}},
		}
		for _, s := range steps {
			press(a, s.keys...)
			t.Run(fmt.Sprintf("%s_%dx%d", s.name, sz[0], sz[1]), func(t *testing.T) {
				out := screen(a)
				for i, l := range strings.Split(out, "\n") {
					if w := ansi.StringWidth(l); w > sz[0] {
						t.Fatalf("line %d is %d wide: %q", i, w, l)
					}
				}
				golden.RequireEqual(t, out)
			})
		}
	}
}

func TestStageDetailKeys(t *testing.T) {
	a := newViewsApp(t, 100, 30)
	press(a, keyDown, keyDown, keyDown, keyEnter)
	_, ok := a.Top().(*stage.Model)
	if !ok || a.Top().Title() != "Stage SQL" || a.Depth() != 2 {
		t.Fatalf("enter on SQL should push its detail, top %T depth %d", a.Top(), a.Depth())
	}
	out := screen(a)
	for _, want := range []string{"Step SQL → Opportunity", "median", "p90", "Deepest stage SQL", "Stalled in SQL", "immature"} {
		if !strings.Contains(out, want) {
			t.Errorf("stage detail lacks %q:\n%s", want, out)
		}
	}
	press(a, ch('l'))
	if a.Top().Title() != "Stage Opportunity" || !strings.Contains(screen(a), "Opportunity → Won") {
		t.Fatalf("l should move to the next stage:\n%s", screen(a))
	}
	press(a, ch('h'), ch('r'))
	rec, ok := a.Top().(*records.Model)
	if !ok || !strings.Contains(rec.Title(), "stalled in SQL") {
		t.Fatalf("r should list the stalled records, top %T", a.Top())
	}
	press(a, keyEsc, keyEsc)
	if _, ok := a.Top().(*overview.Model); !ok {
		t.Fatalf("esc twice should return to the overview, top %T", a.Top())
	}
}

func TestBreakdownSortApplyAndBy(t *testing.T) {
	a := newViewsApp(t, 140, 30)
	press(a, ch('b'), keyDown, keyUp(), keyEnter) // pick channel (the first dimension)
	if a.Top().Title() != "Breakdown by channel" || len(breakdownRows(a)) != 6 {
		t.Fatalf("%s rows %v", a.Top().Title(), breakdownRows(a))
	}
	byLost := strings.Join(breakdownRows(a), ",")
	press(a, ch('S')) // rate, high first
	byRate := breakdownRows(a)
	if strings.Join(byRate, ",") == byLost || byRate[0] != "chat" {
		t.Fatalf("S should sort by rate (chat converts best at Lead→MQL): %v", byRate)
	}
	press(a, ch('R'))
	if rev := breakdownRows(a); rev[len(rev)-1] != "chat" {
		t.Fatalf("R should reverse: %v", rev)
	}
	press(a, ch('R'), keyEnter) // back to high first; filter to chat
	if a.state.Filter != "channel=chat" {
		t.Fatalf("enter should filter to the slice, filter %q", a.state.Filter)
	}
	if !strings.Contains(screen(a), "where channel=chat") {
		t.Fatal("status line lacks the filter")
	}
	press(a, ch(':'))
	typeText(a, "by segment")
	press(a, keyEnter)
	if _, ok := a.Top().(*breakdown.Model); !ok || a.Top().Title() != "Breakdown by segment" || len(breakdownRows(a)) != 3 {
		t.Fatalf(":by segment: %s rows %v", a.Top().Title(), breakdownRows(a))
	}
	press(a, keyRight)
	if !strings.Contains(screen(a), "step MQL → SAL") {
		t.Fatalf("→ should focus the next step:\n%s", screen(a))
	}
}

func keyUp() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeyUp} }

// breakdownRows are the slices the breakdown shows, in order (the first
// cell of each row between the header and the "whole:" line).
func breakdownRows(a *App) []string {
	lines := strings.Split(screen(a), "\n")
	var out []string
	for _, l := range lines[3:] { // breadcrumb, caption, header
		if strings.HasPrefix(l, "whole:") || strings.TrimSpace(l) == "" {
			break
		}
		out = append(out, strings.Fields(strings.TrimPrefix(l, "▸"))[0])
	}
	return out
}

func TestCohortsMarkImmatureCells(t *testing.T) {
	a := newViewsApp(t, 120, 40)
	press(a, ch('c'))
	out := screen(a)
	if !strings.Contains(out, "→") || !strings.Contains(out, "immature") || !strings.Contains(out, "estimated eventually") {
		t.Fatalf("cohorts should show immature cells' estimates beside the observed and explain:\n%s", out)
	}
	if _, ok := a.Top().(*cohorts.Model); !ok {
		t.Fatalf("c opened %T", a.Top())
	}
	// the newest cohort is selected: immature (observed→estimated cells),
	// its estimate (the last cell) at least the observed conversion the
	// legend gives
	var row, legend string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "▸ ") {
			row = l
		}
		if strings.Contains(l, " entered, ") {
			legend = l
		}
	}
	f := strings.Fields(row)
	_, obs, _ := strings.Cut(legend, "(")
	obs, _, _ = strings.Cut(obs, ")")
	if !strings.Contains(row, "→") || len(f) == 0 || percent(t, f[len(f)-1]) < percent(t, obs) {
		t.Fatalf("the newest cohort should be immature with an estimate ≥ observed %s: %q", obs, row)
	}
	// the cell shows both: observed so far → estimated eventually, the
	// engine's estimate for the newest cohort
	q, err := views.Query(a.common.Data(), a.state)
	if err != nil {
		t.Fatal(err)
	}
	co, err := a.common.Engine.Cohorts(query.CohortQuery{Query: q})
	if err != nil {
		t.Fatal(err)
	}
	last := co.Cohorts[len(co.Cohorts)-1]
	if !last.Immature || last.Estimated < last.Observed {
		t.Fatalf("the newest cohort should be immature with an estimate ≥ observed: %+v", last)
	}
	want := fmt.Sprintf("→%.1f%%", 100*last.EstimatedConversion[len(co.Stages)-2])
	if !strings.Contains(out, want) {
		t.Fatalf("the newest cohort's %s cell should end %q:\n%s", co.Stages[len(co.Stages)-2], want, out)
	}
}

func TestTrendsPeriodAndMetricKeys(t *testing.T) {
	a := newViewsApp(t, 120, 40)
	press(a, ch('t'))
	if _, ok := a.Top().(*trends.Model); !ok {
		t.Fatalf("t opened %T", a.Top())
	}
	if !strings.Contains(screen(a), "MoM") {
		t.Fatalf("monthly trends name the change MoM:\n%s", screen(a))
	}
	press(a, ch('w'))
	if a.state.Period != "quarter" || !strings.Contains(screen(a), "QoQ") {
		t.Fatalf("w: period %q\n%s", a.state.Period, screen(a))
	}
	press(a, ch('w'), ch('w'))
	if a.state.Period != "week" || !strings.Contains(screen(a), "WoW") {
		t.Fatalf("w cycles quarter → year → week: %q\n%s", a.state.Period, screen(a))
	}
	press(a, ch('w'))
	if a.state.Period != "month" {
		t.Fatalf("w from week goes back to month: %q", a.state.Period)
	}
	press(a, ch('h'))
	if !strings.Contains(screen(a), "conversion Opportunity → Won by month") {
		t.Fatalf("h from the first metric wraps to the last:\n%s", screen(a))
	}
	press(a, ch('l'), ch('l'))
	if !strings.Contains(screen(a), "entries into MQL by month") {
		t.Fatalf("l l: not entries into MQL:\n%s", screen(a))
	}
}

func TestFilterChangesOverviewNumbers(t *testing.T) {
	a := newViewsApp(t, 120, 30)
	ds := a.common.Data()
	chat := 0
	d := ds.Dim("channel")
	for i := range ds.Len() {
		if d.Value(i) == "chat" {
			chat++
		}
	}
	if !strings.Contains(screen(a), "20,000 records · Reached") {
		t.Fatalf("overview caption lacks the whole count:\n%s", screen(a))
	}
	press(a, ch('/'))
	typeText(a, "channel=chat")
	press(a, keyEnter)
	if !strings.Contains(screen(a), format.Count(chat)+" records · Reached") {
		t.Fatalf("overview caption lacks the filtered count:\n%s", screen(a))
	}
	// the first stage's Reached (the first number of its row) is at most chat's
	for _, l := range strings.Split(screen(a), "\n") {
		if f := strings.Fields(strings.TrimPrefix(l, "▸")); len(f) > 1 && f[0] == ds.Stages[0] {
			if n := count(t, f[1]); n > chat {
				t.Fatalf("%s reached %d of %d chat records", ds.Stages[0], n, chat)
			}
		}
	}
}

// count reads "12,345".
func count(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		t.Fatalf("%q is not a count", s)
	}
	return n
}

// percent reads "12.5%" (or "12.5%~").
func percent(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(strings.TrimRight(s, "%~"), 64)
	if err != nil {
		t.Fatalf("%q is not a percentage", s)
	}
	return v
}

func TestBadFilterShowsTheEngineError(t *testing.T) {
	a := newViewsApp(t, 140, 30)
	press(a, ch('/'))
	typeText(a, "channel=chatt")
	press(a, keyEnter)
	out := screen(a)
	if a.mode != modeFilter || !strings.Contains(out, `no channel is "chatt" (did you mean "chat"?)`) {
		t.Fatalf("the engine's error should show:\n%s", out)
	}
}

// TestEveryViewKeyMap checks, for every view the explorer can show, that no
// key is bound twice (root keys included), that no view binds a reserved
// key and that every binding has help text.
func TestEveryViewKeyMap(t *testing.T) {
	a := newViewsApp(t, 120, 30)
	reserved := map[string]bool{}
	for _, b := range append(a.topBindings(), a.keys.Quit, a.keys.Help, a.keys.Back, a.keys.Mouse, a.keys.Filter, a.keys.Command, a.keys.Mask) {
		for _, k := range b.Keys() {
			reserved[k] = true
		}
	}
	c := a.common
	st := views.DefaultState()
	all := []views.View{overview.New(c), stage.New(c, st, 1), breakdown.New(c, st, ""),
		breakdown.New(c, st, "channel"), cohorts.New(c, st), trends.New(c, st), records.New(c, "x", nil)}
	for _, v := range all {
		hk := helpKeys{view: v, global: a.keys, canBack: true, tops: a.topBindings()}
		seen := map[string]string{}
		for _, group := range hk.FullHelp() {
			for _, b := range group {
				if b.Help().Key == "" || b.Help().Desc == "" {
					t.Errorf("%s: binding %v has no help text", v.Title(), b.Keys())
				}
				for _, k := range b.Keys() {
					if prev, dup := seen[k]; dup {
						t.Errorf("%s: key %q bound to both %q and %q", v.Title(), k, prev, b.Help().Desc)
					}
					seen[k] = b.Help().Desc
				}
			}
		}
		for _, group := range v.FullHelp() {
			for _, b := range group {
				for _, k := range b.Keys() {
					if reserved[k] {
						t.Errorf("%s binds the reserved key %q", v.Title(), k)
					}
				}
			}
		}
		for _, b := range v.ShortHelp() {
			if !inFull(v, b.Keys()) {
				t.Errorf("%s: short-help key %v missing from the full help", v.Title(), b.Keys())
			}
		}
	}
}

func inFull(v views.View, keys []string) bool {
	for _, g := range v.FullHelp() {
		for _, b := range g {
			if strings.Join(b.Keys(), ",") == strings.Join(keys, ",") {
				return true
			}
		}
	}
	return false
}
