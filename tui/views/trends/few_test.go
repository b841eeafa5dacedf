package trends

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// A percent change on a handful (1 → 0 is "-100.0%") is not shown as a
// finding: the cell says "few" and a line says why.
func TestTrendsPercentChangeOnAHandful(t *testing.T) {
	n := model.NoDay
	jan, feb := model.DayFromCivil(2026, 1, 5), model.DayFromCivil(2026, 2, 5)
	ds := &model.Dataset{Stages: []string{"Lead", "Won"}, HasDates: true,
		Days:    [][]int32{{jan, jan + 1, feb, feb + 1, feb + 2}, {n, n, n, n, n}},
		Reached: []uint16{1, 1, 1, 1, 1}, Exit: make([]model.ExitKind, 5), ExitDay: []int32{n, n, n, n, n}}
	v := New(viewtest.On(ds), views.DefaultState())
	v.SetSize(80, 24)
	viewtest.Run(v, v.Init())
	out := ansi.Strip(v.View())
	if strings.Contains(out, "+50.0%") || !strings.Contains(out, "few") || !strings.Contains(out, "few: under 30") {
		t.Errorf("a percent change on 2 → 3 entries:\n%s", out)
	}
}
