package report_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/theme"
	"github.com/funnel-cli/funnel/tui/views"
)

// runCmd runs a view's command synchronously and feeds the messages back.
func runCmd(v views.View, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(v, c)
		}
	default:
		runCmd(v, v.Update(msg))
	}
}

// Under --where channel=chat --as-of a year back, the report's sticky
// points and money equal the explorer's sticky and money views with the
// same filter and as-of date.
func TestReportEqualsExplorerFilteredAsOf(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 5000})
	sp := demo.Spend(ds)
	_, hi, _ := ds.DayRange()
	asOf := hi - 365
	r, err := report.Build(ds, report.Options{Sections: []string{report.SecStickyPoints, report.SecMoney}, Spend: sp, AsOf: asOf,
		Where: []string{"channel!=chat"}})
	if err != nil {
		t.Fatal(err)
	}
	st := views.DefaultState()
	st.Filter, st.AsOf = "channel!=chat", asOf
	c := views.Common{Styles: theme.Plain(), Engine: query.New(ds), Spend: sp}

	s := views.NewSticky(c, st)
	runCmd(s, s.Init())
	fs := s.Findings()
	if len(fs) != len(r.StickyPoints) || len(fs) == 0 {
		t.Fatalf("explorer %d sticky points, report %d", len(fs), len(r.StickyPoints))
	}
	for i, p := range fs {
		q := r.StickyPoints[i]
		if p.Stage != q.Stage || p.Dimension != q.Dimension || p.Value != q.Value || p.Entered != q.Entered || p.Converted != q.Converted {
			t.Errorf("sticky point %d: explorer %s %s=%s %d/%d, report %+v", i, p.Stage, p.Dimension, p.Value, p.Converted, p.Entered, q)
		}
	}

	m := views.NewMoney(c, st)
	m.Wait()
	d := m.Data()
	if d.Deals.Won != r.Money.Deals.Won || d.Deals.WonRevenue != r.Money.Deals.WonRevenue || d.Deals.OpenPipeline != r.Money.Deals.OpenPipeline {
		t.Errorf("deals: explorer %+v, report %+v", d.Deals, r.Money.Deals)
	}
	if d.Econ == nil || r.Money.UnitEconomics == nil || d.Econ.Total.Spend != r.Money.UnitEconomics.Total.Spend ||
		d.Econ.Total.Customers != r.Money.UnitEconomics.Total.Customers {
		t.Errorf("unit economics: explorer %+v, report %+v", d.Econ, r.Money.UnitEconomics)
	}
}

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
	p := views.NewPlanner(views.Common{Styles: theme.Plain(), Engine: query.New(ds), Spend: sp}, st)
	p.SetSize(140, 60)
	runCmd(p, p.Init())
	press := func(k string) {
		if len([]rune(k)) == 1 {
			p.Update(tea.KeyPressMsg{Code: []rune(k)[0], Text: k})
		} else {
			p.Update(tea.KeyPressMsg{Code: map[string]rune{"enter": tea.KeyEnter, "ctrl+u": 'u'}[k], Mod: map[string]tea.KeyMod{"ctrl+u": tea.ModCtrl}[k]})
		}
	}
	press("i")
	press("ctrl+u")
	for _, ch := range target {
		press(string(ch))
	}
	press("enter")
	got := p.Plan()
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
