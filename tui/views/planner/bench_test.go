package planner

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

func BenchmarkPlannerKeyFrame1M(b *testing.B) {
	p := New(viewtest.Big(), views.DefaultState())
	p.SetSize(140, 40)
	viewtest.Run(p, p.Init())
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	for b.Loop() {
		p.Update(down)
		_ = p.View()
	}
}

func BenchmarkPlannerCompute1M(b *testing.B) {
	c := viewtest.Big()
	for b.Loop() {
		compute(c, model.NoDay)
	}
}
