package planner

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// When the models give no customers (no record reached the last stage in
// their window) the levers are not a table of 0.0 and +0.0: the view says
// which step converted no one; with no target typed the reverse funnel's
// title does not end in "per".
func TestPlannerSaysWhyNoCustomers(t *testing.T) {
	n := model.NoDay
	day, apr := model.DayFromCivil(2026, 1, 5), model.DayFromCivil(2026, 4, 10)
	ds := &model.Dataset{Stages: []string{"Lead", "Opportunity", "Won"}, HasDates: true,
		Days:    [][]int32{{day, day + 3, day + 7, day + 9, apr}, {day + 2, n, day + 8, n, n}, {n, n, n, n, n}},
		Reached: []uint16{0b011, 0b001, 0b011, 0b001, 0b001},
		Exit:    []model.ExitKind{model.ExitOpen, model.ExitOpen, model.ExitLost, model.ExitOpen, model.ExitOpen},
		ExitDay: []int32{n, n, day + 20, n, n}}
	p := newDemo(t, viewtest.On(ds), 100, 40)
	out := ansi.Strip(p.View())
	flat := strings.Join(strings.Fields(out), " ")
	if !strings.Contains(flat, "no lever moves them: no record that entered Opportunity in the last 3 months moved on to Won") {
		t.Errorf("no word of why the levers are zero:\n%s", out)
	}
	if strings.Contains(out, "+0.0") || strings.Contains(out, "current rates, per\n") {
		t.Errorf("a lever table of zeros, or a title ending in 'per':\n%s", out)
	}
}

// Records with no known stage (only an outcome: hubspot's lost deals) are
// left out of every step rate; the planner says its rates run high.
func TestPlannerWarnsOfUnknownStages(t *testing.T) {
	n := model.NoDay
	day := model.DayFromCivil(2026, 1, 5)
	ds := viewtest.FourDeals()
	for k := range ds.Days {
		for i := range ds.Days[k] {
			if ds.Days[k][i] != n {
				ds.Days[k][i] += day
			}
		}
	}
	for i := range ds.ExitDay {
		if ds.ExitDay[i] != n {
			ds.ExitDay[i] += day
		}
	}
	ds.StageUnknown = []bool{false, false, true, false}
	p := newDemo(t, viewtest.On(ds), 120, 40)
	flat := strings.Join(strings.Fields(ansi.Strip(p.View())), " ")
	if !strings.Contains(flat, "! 1 record has no known stage (only an outcome) and is left out of every step rate") {
		t.Errorf("no warning of the records left out:\n%s", ansi.Strip(p.View()))
	}
}

// All records entered after the models' and the ranking's windows
// (sf-devorg-export): the planner says so instead of "there is no model"
// and an empty ranking table.
func TestPlannerAllRecordsAfterTheWindow(t *testing.T) {
	n := model.NoDay
	day := model.DayFromCivil(2018, 10, 1)
	ch := model.NewDim("channel", 3)
	for _, v := range []string{"web", "ads", "web"} {
		ch.Append(v)
	}
	ds := &model.Dataset{Stages: []string{"Lead", "Won"}, HasDates: true,
		Days: [][]int32{{day, day + 3, day + 9}, {n, n, n}}, Reached: []uint16{1, 1, 1},
		Exit: make([]model.ExitKind, 3), ExitDay: []int32{n, n, n}, Dims: []*model.Dim{ch}}
	p := newDemo(t, viewtest.On(ds), 120, 40)
	out := ansi.Strip(p.View())
	flat := strings.Join(strings.Fields(out), " ")
	if strings.Contains(flat, "there is no model") || !strings.Contains(flat, "No lead entered in that window") {
		t.Errorf("planner with every record after the window:\n%s", out)
	}
}
