package views

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/theme"
)

var (
	demoOnce sync.Once
	demoEng  *query.Engine
)

// demoCommon is the 20,000-row demo with the monochrome theme.
func demoCommon() Common {
	demoOnce.Do(func() { demoEng = query.New(demo.Generate(demo.Options{Rows: 20000})) })
	return Common{Styles: theme.New(true, true), Engine: demoEng}
}

// run executes a view's command synchronously and feeds the messages back.
func run(v View, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			run(v, c)
		}
	default:
		run(v, v.Update(msg))
	}
}

func press(v View, keys ...string) tea.Cmd {
	var last tea.Cmd
	for _, k := range keys {
		var m tea.KeyPressMsg
		switch k {
		case "enter":
			m = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "down":
			m = tea.KeyPressMsg{Code: tea.KeyDown}
		case "backspace":
			m = tea.KeyPressMsg{Code: tea.KeyBackspace}
		case "esc":
			m = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "space":
			m = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		default:
			r := []rune(k)[0]
			m = tea.KeyPressMsg{Code: r, Text: k}
		}
		last = v.Update(m)
	}
	return last
}

func newDemoSticky(t *testing.T, w, h int) *Sticky {
	t.Helper()
	s := NewSticky(demoCommon(), DefaultState())
	s.SetSize(w, h)
	if !strings.Contains(s.View(), "computing") {
		t.Fatalf("before the job runs the view should say it is computing:\n%s", s.View())
	}
	run(s, s.Init())
	if !s.Ready() {
		t.Fatal("sticky points not computed")
	}
	return s
}

func TestStickyGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {140, 40}} {
		t.Run(sizeName(sz), func(t *testing.T) {
			s := newDemoSticky(t, sz[0], sz[1])
			out := ansi.Strip(s.View())
			checkBox(t, out, sz[0], sz[1])
			golden.RequireEqual(t, out)
		})
	}
}

func sizeName(sz [2]int) string { return strings.Join([]string{itoa(sz[0]), itoa(sz[1])}, "x") }

func itoa(n int) string { return widgetsCount(n) }

// checkBox fails when the view draws outside its box.
func checkBox(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		t.Errorf("%d lines in a %d-line box", len(lines), h)
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > w {
			t.Errorf("line wider than %d: %q", w, l)
		}
	}
}

func widgetsCount(n int) string { return strconv.Itoa(n) }

func TestStickyDrillSortAndState(t *testing.T) {
	s := newDemoSticky(t, 120, 30)
	fs := s.Findings()
	if len(fs) == 0 {
		t.Fatal("the demo plants sticky points; none found")
	}
	// the planted one: outbound at SAL→SQL
	found := false
	for _, p := range fs {
		if p.Dimension == "channel" && p.Value == demo.StickyChannel && p.FromStage == demo.StickyTransition {
			found = true
		}
		if !p.Finding() || p.TooFew {
			t.Errorf("%s %s=%s listed but not a finding", p.Stage, p.Dimension, p.Value)
		}
	}
	if !found {
		t.Error("outbound SAL→SQL not listed")
	}
	press(s, "down", "down")
	p := fs[2]
	cmd := press(s, "enter")
	if cmd == nil {
		t.Fatal("enter should open the records")
	}
	push, ok := cmd().(PushMsg)
	if !ok {
		t.Fatalf("enter gave %T", cmd())
	}
	rec := push.View.(*Records)
	if want := p.Entered - p.Converted; len(rec.rows) != want {
		t.Errorf("drill rows %d, want entered-converted = %d-%d = %d", len(rec.rows), p.Entered, p.Converted, want)
	}
	d := p.Dimension
	for _, i := range rec.rows {
		if s.common.Data().Dim(d).Value(int(i)) != p.Value {
			t.Fatalf("row %d is not in %s=%s", i, d, p.Value)
		}
	}
	if !strings.Contains(rec.Title(), p.Stage) {
		t.Errorf("records title %q does not name the transition", rec.Title())
	}
	// sort by lost value: descending
	press(s, "v")
	fs = s.Findings()
	for i := 1; i < len(fs); i++ {
		if fs[i].LostValue > fs[i-1].LostValue {
			t.Fatalf("not by lost value at %d", i)
		}
	}
	if s.Cursor() != 0 || !strings.Contains(ansi.Strip(s.View()), "by lost value") {
		t.Error("sorting should go back to the top and say the order")
	}
	// a filter is applied and said; a new as-of recomputes
	st := DefaultState()
	st.Filter = "channel=chat"
	run(s, s.Update(StateMsg{State: st}))
	if out := ansi.Strip(s.View()); strings.Contains(out, "not applied") || !strings.Contains(out, "where channel=chat") {
		t.Errorf("the filter should apply and be said:\n%s", out)
	}
	st.AsOf = model.DayFromCivil(2026, 6, 30)
	run(s, s.Update(StateMsg{State: st}))
	if out := ansi.Strip(s.View()); !strings.Contains(out, "as of 2026-06-30") || !strings.Contains(out, "2026-04…2026-06") {
		t.Errorf("as-of change not applied:\n%s", out)
	}
}

// Without dates every record counts: no window, no maturity; the drill
// still lists exactly the records that did not convert.
func TestStickyAndPlannerWithoutDates(t *testing.T) {
	ds := *demoCommon().Data()
	ds.HasDates = false
	c := demoCommon()
	c.Engine = query.New(&ds)
	s := NewSticky(c, DefaultState())
	s.SetSize(120, 30)
	run(s, s.Init())
	out := ansi.Strip(s.View())
	if !strings.Contains(out, "all records (no dates)") {
		t.Fatalf("no-dates window not stated:\n%s", out)
	}
	if fs := s.Findings(); len(fs) > 0 {
		p := fs[0]
		push := press(s, "enter")().(PushMsg)
		if n := len(push.View.(*Records).rows); n != p.Entered-p.Converted {
			t.Errorf("drill %d rows, want %d", n, p.Entered-p.Converted)
		}
	}
	pl := NewPlanner(c, DefaultState())
	pl.SetSize(120, 30)
	run(pl, pl.Init())
	if out := ansi.Strip(pl.View()); !strings.Contains(out, "No plan: the data has no stage dates") {
		t.Errorf("planner without dates:\n%s", out)
	}
}
