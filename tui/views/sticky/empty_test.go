package sticky

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// When every record entered after the sticky window (one month of data,
// sf-devorg-export) the view says so once, not "none mature yet (0-day
// maturity)" for every step.
func TestStickySaysWhyStepsAreEmpty(t *testing.T) {
	n := model.NoDay
	day := model.DayFromCivil(2018, 10, 1)
	ds := &model.Dataset{Stages: []string{"Lead", "Opportunity", "Won"}, HasDates: true,
		Days:    [][]int32{{day, day + 3, day + 7, day + 9}, {day + 2, n, day + 8, n}, {n, n, n, n}},
		Reached: []uint16{0b011, 0b001, 0b011, 0b001},
		Exit:    []model.ExitKind{model.ExitOpen, model.ExitOpen, model.ExitLost, model.ExitOpen},
		ExitDay: []int32{n, n, day + 12, n}}
	s := New(viewtest.On(ds), views.DefaultState())
	s.SetSize(200, 30)
	viewtest.Run(s, s.Init())
	out := viewtest.Screen(s)
	if !strings.Contains(out, "every step: no record entered in the window") || strings.Contains(out, "0-day maturity") {
		t.Errorf("no single word of why no step counted a record:\n%s", out)
	}
}
