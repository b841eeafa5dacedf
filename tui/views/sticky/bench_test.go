package sticky

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// One keypress and its frame on the sticky list at 1M leads (the list is
// computed once, off the loop, before timing).
func BenchmarkStickyKeyFrame1M(b *testing.B) {
	s := New(viewtest.Big(), views.DefaultState())
	s.SetSize(140, 40)
	viewtest.Run(s, s.Init())
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	for b.Loop() {
		s.Update(down)
		_ = s.View()
	}
}

// The background computation at 1M leads.
func BenchmarkStickyCompute1M(b *testing.B) {
	c := viewtest.Big()
	for b.Loop() {
		compute(c.Data(), model.NoDay)
	}
}

// Enter on the first sticky point at 1M leads: the records behind it are
// selected on the loop.
func BenchmarkStickyDrill1M(b *testing.B) {
	s := New(viewtest.Big(), views.DefaultState())
	s.SetSize(140, 40)
	viewtest.Run(s, s.Init())
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	for b.Loop() {
		s.Update(enter)
	}
}

// A filter change on the sticky view at 1M leads: Update and the next
// frame (the ranking is recomputed in the returned Cmd, not timed).
func BenchmarkStickyFilterFrame1M(b *testing.B) {
	s := New(viewtest.Big(), views.DefaultState())
	s.SetSize(140, 40)
	viewtest.Run(s, s.Init())
	states := []views.State{views.DefaultState(), views.DefaultState()}
	states[1].Filter = "channel=chat"
	i := 0
	for b.Loop() {
		i++
		s.Update(views.StateMsg{State: states[i%2]})
		_ = s.View()
	}
}

// The background work behind a filter on the sticky view: the subset
// (cached after the first) and the ranking over it.
func BenchmarkStickyComputeFiltered1M(b *testing.B) {
	c := viewtest.Big()
	st := viewtest.ChatState()
	for b.Loop() {
		computeFor(c.Engine, st)
	}
}
