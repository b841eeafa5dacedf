package planner

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// The report's plan section is the explorer's planner: under the same
// filter, as-of date, spend and target, the same reverse funnel (needs,
// intervals, budget), levers and channel ranking.
func TestReportPlanEqualsPlanner(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 20000})
	sp := demo.Spend(ds)
	_, hi, _ := ds.DayRange()
	asOf := hi - 60
	target := "30 customers per quarter"
	tg, err := plan.ParseTarget(target)
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Build(ds, report.Options{Spend: sp, AsOf: asOf, Where: []string{"channel!=events"}, Target: tg})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(r.Sections, report.SecPlan) || r.Plan == nil || r.Plan.Reverse == nil {
		t.Fatalf("--target did not add the plan section: %v %+v", r.Sections, r.Plan)
	}
	st := views.DefaultState()
	st.Filter, st.AsOf = "channel!=events", asOf
	c := viewtest.On(ds)
	c.Spend = sp
	p := New(c, st)
	p.SetSize(140, 60)
	viewtest.Run(p, p.Init())
	viewtest.Press(p, "i", "ctrl+u")
	for _, ch := range target {
		viewtest.Press(p, string(ch))
	}
	viewtest.Press(p, "enter")
	got := p.plan
	if got == nil {
		t.Fatalf("the planner made no plan for %q:\n%s", target, p.View())
	}
	want := r.Plan.Reverse
	if !reflect.DeepEqual(*got, *want) {
		t.Errorf("planner %+v\nreport %+v", *got, *want)
	}
	if !strings.Contains(p.View(), "where channel!=events") {
		t.Errorf("the planner does not say its filter:\n%s", p.View())
	}
	// the bottom of a customer target is exact, the top has a 95% interval
	lead, won := want.Stages[0], want.Stages[len(want.Stages)-1]
	if won.Low != 30 || won.High != 30 || !(lead.Low < lead.Needed && lead.Needed < lead.High) || want.Method == "" {
		t.Errorf("reverse plan %+v", want)
	}
}
