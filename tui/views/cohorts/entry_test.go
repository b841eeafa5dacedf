package cohorts

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// closeDatesOnly is ptv-revops' shape: no date at the top stage, won deals
// dated by their close.
func closeDatesOnly() *model.Dataset {
	n := model.NoDay
	d := model.DayFromCivil(2026, 2, 3)
	return &model.Dataset{Stages: []string{"Opportunity", "Won"}, HasDates: true,
		Days: [][]int32{{n, n, n}, {d, d + 40, n}}, Reached: []uint16{3, 3, 1},
		Exit: []model.ExitKind{model.ExitWon, model.ExitWon, model.ExitLost}, ExitDay: []int32{d, d + 40, n}}
}

// When the only dates are the target's (entry = close) the cohorts view
// draws no table of 100% rows: it says why and where the counts are.
func TestCohortsEntryIsCloseNoTable(t *testing.T) {
	v := New(viewtest.On(closeDatesOnly()), views.DefaultState())
	v.SetSize(100, 20)
	viewtest.Run(v, v.Init())
	out := viewtest.Screen(v)
	flat := strings.Join(strings.Fields(out), " ")
	if strings.Contains(out, "100.0%") || !strings.Contains(flat, "No cohorts: no record has a date at Opportunity") {
		t.Errorf("cohorts dated by their close:\n%s", out)
	}
}
