package stage

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// With no date at the top stage (an export with close dates only: each
// won deal's entry date is its close date) the stage detail draws no
// cohort chart of 100% and does not say nobody moved on: it says why
// neither conversion over time nor stalling can be judged.
func TestStageWithUndatedEntrySaysWhy(t *testing.T) {
	n := model.NoDay
	ds := &model.Dataset{Stages: []string{"Opportunity", "Won"}, HasDates: true,
		Days:    [][]int32{{n, n, n, n}, {10, 40, n, n}},
		Reached: []uint16{0b11, 0b11, 0b01, 0b01},
		Exit:    []model.ExitKind{model.ExitWon, model.ExitWon, model.ExitLost, model.ExitOpen},
		ExitDay: []int32{10, 40, n, n}}
	s := New(viewtest.On(ds), views.DefaultState(), 0)
	s.SetSize(100, 30)
	viewtest.Run(s, s.Init())
	out := viewtest.Screen(s)
	for _, want := range []string{"Conversion over time cannot be shown: no record has a date at Opportunity",
		"Stalled: cannot be judged: of the 2 that moved on from Opportunity"} {
		if !strings.Contains(strings.ReplaceAll(out, "\n", " "), want) {
			t.Errorf("no %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "entry cohorts") || strings.Contains(out, "moved on from Opportunity yet") {
		t.Errorf("a chart of cohorts dated by their close, or 'nobody moved on':\n%s", out)
	}
}

// When some records moved on with no date at one end, the time line says
// how many of those that moved on are timed, not "N moved".
func TestStageTimeSaysHowManyAreTimed(t *testing.T) {
	n := model.NoDay
	ds := &model.Dataset{Stages: []string{"Lead", "Opportunity", "Won"}, HasDates: true,
		Days:    [][]int32{{1, 2, 3, 4}, {9, n, n, n}, {n, n, n, n}},
		Reached: []uint16{0b011, 0b011, 0b011, 0b001},
		Exit:    []model.ExitKind{model.ExitOpen, model.ExitOpen, model.ExitOpen, model.ExitOpen},
		ExitDay: []int32{n, n, n, n}}
	s := New(viewtest.On(ds), views.DefaultState(), 0)
	s.SetSize(200, 40)
	viewtest.Run(s, s.Init())
	out := viewtest.Screen(s)
	if !strings.Contains(out, "1 of the 3 that moved on are timed") {
		t.Errorf("the time line does not say how many are timed:\n%s", out)
	}
}

// Cohorts with under stats.MinSample at the stage are not drawn as a
// trend: with none big enough the view says so instead of a chart.
func TestStageChartLeavesOutFewCohorts(t *testing.T) {
	s := New(viewtest.On(viewtest.FourDeals()), views.DefaultState(), 0)
	s.SetSize(100, 30)
	viewtest.Run(s, s.Init())
	out := viewtest.Screen(s)
	if !strings.Contains(out, "too few to chart") || strings.Contains(out, "entry cohorts by") {
		t.Errorf("a chart of cohorts of 4 records:\n%s", out)
	}
}

// With no dates at all the stalled line says so, not "none has a date at
// both ends" (uci-bank).
func TestStageWithoutDatesSaysSo(t *testing.T) {
	ds := viewtest.FourDeals()
	ds.HasDates = false
	s := New(viewtest.On(ds), views.DefaultState(), 0)
	s.SetSize(120, 30)
	viewtest.Run(s, s.Init())
	if out := viewtest.Screen(s); !strings.Contains(out, "Stalled: cannot be judged without stage dates") {
		t.Errorf("stalled line without dates:\n%s", out)
	}
}

// r on a stage where stalling cannot be judged opens a list that says
// why it is empty, not a bare "No records." (uci-bank).
func TestStageStalledListSaysWhyEmpty(t *testing.T) {
	ds := viewtest.FourDeals()
	ds.HasDates = false
	s := New(viewtest.On(ds), views.DefaultState(), 0)
	s.SetSize(120, 30)
	viewtest.Run(s, s.Init())
	m, ok := viewtest.Drilled(viewtest.Press(s, "r"))
	if !ok || len(m.Rows) != 0 || m.Empty != "cannot be judged without stage dates" {
		t.Errorf("drill %+v (ok %v)", m, ok)
	}
}
