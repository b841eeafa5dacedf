package report_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/demo"
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
