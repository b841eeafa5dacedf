package views

import (
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/theme"
)

var (
	bigOnce sync.Once
	bigEng  *query.Engine
)

func bigCommon() Common {
	bigOnce.Do(func() { bigEng = query.New(demo.Generate(demo.Options{Rows: 1_000_000})) })
	return Common{Styles: theme.New(true, false), Engine: bigEng}
}

// One keypress and its frame on the sticky list at 1M leads (the list is
// computed once, off the loop, before timing).
func BenchmarkStickyKeyFrame1M(b *testing.B) {
	s := NewSticky(bigCommon(), DefaultState())
	s.SetSize(140, 40)
	run(s, s.Init())
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	for b.Loop() {
		s.Update(down)
		_ = s.View()
	}
}

func BenchmarkPlannerKeyFrame1M(b *testing.B) {
	p := NewPlanner(bigCommon(), DefaultState())
	p.SetSize(140, 40)
	run(p, p.Init())
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	for b.Loop() {
		p.Update(down)
		_ = p.View()
	}
}

// The background computations at 1M leads.
func BenchmarkStickyCompute1M(b *testing.B) {
	c := bigCommon()
	for b.Loop() {
		computeSticky(c.Data(), model.NoDay)
	}
}

func BenchmarkPlannerCompute1M(b *testing.B) {
	c := bigCommon()
	for b.Loop() {
		computePlanner(c, model.NoDay)
	}
}

// Enter on the first sticky point at 1M leads: the records behind it are
// selected on the loop.
func BenchmarkStickyDrill1M(b *testing.B) {
	s := NewSticky(bigCommon(), DefaultState())
	s.SetSize(140, 40)
	run(s, s.Init())
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	for b.Loop() {
		s.Update(enter)
	}
}

// A filter change on the sticky view at 1M leads: Update and the next
// frame (the ranking is recomputed in the returned Cmd, not timed).
func BenchmarkStickyFilterFrame1M(b *testing.B) {
	s := NewSticky(bigCommon(), DefaultState())
	s.SetSize(140, 40)
	run(s, s.Init())
	states := []State{DefaultState(), DefaultState()}
	states[1].Filter = "channel=chat"
	i := 0
	for b.Loop() {
		i++
		s.Update(StateMsg{State: states[i%2]})
		_ = s.View()
	}
}

// The background work behind a filter on the sticky view: the subset
// (cached after the first) and the ranking over it.
func BenchmarkStickyComputeFiltered1M(b *testing.B) {
	c := bigCommon()
	st := DefaultState()
	st.Filter = "channel=chat"
	for b.Loop() {
		computeStickyFor(c.Engine, st)
	}
}
