package planner

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// Won amounts in several currencies have no average deal: the planner's
// levers and ranking show no revenue (sf-winkel summed MXN, COP, PEN and
// USD into "32,471,620"), and say why; the report's plan says the same.
func TestPlannerMixedCurrenciesHaveNoRevenue(t *testing.T) {
	n := model.NoDay
	day := model.DayFromCivil(2026, 1, 5)
	cur := model.NewDim("currency", 4)
	for _, v := range []string{"USD", "EUR", "USD", "EUR"} {
		cur.Append(v)
	}
	chn := model.NewDim("channel", 4)
	for _, v := range []string{"web", "web", "ads", "ads"} {
		chn.Append(v)
	}
	ds := &model.Dataset{Stages: []string{"Lead", "Won"}, HasDates: true,
		Days:    [][]int32{{day, day + 3, day + 9, day + 70}, {day + 20, day + 30, n, n}},
		Reached: []uint16{0b11, 0b11, 0b01, 0b01},
		Exit:    []model.ExitKind{model.ExitWon, model.ExitWon, model.ExitLost, model.ExitOpen},
		ExitDay: []int32{day + 20, day + 30, day + 40, n},
		Amount:  []int64{100_000, 90_000, 50_000, 0}, Currencies: cur, Dims: []*model.Dim{chn}}
	want := "won amounts are in 2 currencies (EUR, USD), not converted: revenue is not computed"
	p := newDemo(t, viewtest.On(ds), 140, 60)
	out := ansi.Strip(p.View())
	if !strings.Contains(strings.Join(strings.Fields(out), " "), want) || strings.Contains(out, "1,900") || strings.Contains(out, "950") {
		t.Errorf("planner over two currencies:\n%s", out)
	}
	r, err := report.Build(ds, report.Options{Sections: []string{report.SecPlan}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Plan == nil || r.Plan.NoValue != want {
		t.Errorf("report plan: %+v", r.Plan)
	}
}

// With no date at the top stage the models count records from a later
// stage's date (ptv-revops: its Won date): the planner says its rates
// are 100% by construction.
func TestPlannerWarnsOfUndatedTop(t *testing.T) {
	n := model.NoDay
	d := model.DayFromCivil(2026, 1, 10)
	ds := &model.Dataset{Stages: []string{"Opportunity", "Won"}, HasDates: true,
		Days: [][]int32{{n, n, n, n}, {d, d + 20, d + 40, n}}, Reached: []uint16{3, 3, 3, 1},
		Exit:    []model.ExitKind{model.ExitWon, model.ExitWon, model.ExitWon, model.ExitLost},
		ExitDay: []int32{d, d + 20, d + 40, n}}
	p := newDemo(t, viewtest.On(ds), 140, 60)
	flat := strings.Join(strings.Fields(ansi.Strip(p.View())), " ")
	if !strings.Contains(flat, "! no record has a date at Opportunity: the models count each record from its Won date") {
		t.Errorf("no warning of rates built from the close date:\n%s", ansi.Strip(p.View()))
	}
}

// The caveats are the model's (insight.PlannerResult.Caveats): the report's
// plan notes carry the same words as the planner.
func TestPlanCaveatsInTheReport(t *testing.T) {
	n := model.NoDay
	d := model.DayFromCivil(2026, 1, 10)
	ds := &model.Dataset{Stages: []string{"Opportunity", "Won"}, HasDates: true,
		Days: [][]int32{{n, n, n, n}, {d, d + 20, d + 40, n}}, Reached: []uint16{3, 3, 3, 1},
		Exit:    []model.ExitKind{model.ExitWon, model.ExitWon, model.ExitWon, model.ExitLost},
		ExitDay: []int32{d, d + 20, d + 40, n}}
	r, err := report.Build(ds, report.Options{Sections: []string{report.SecPlan}})
	if err != nil {
		t.Fatal(err)
	}
	p := newDemo(t, viewtest.On(ds), 140, 60)
	if r.Plan == nil || len(p.data.caveats) != 1 || !strings.Contains(strings.Join(r.Plan.Notes, "\n"), p.data.caveats[0]) {
		t.Errorf("report notes %q, planner caveats %q", r.Plan.Notes, p.data.caveats)
	}
}
