package money

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// The money view under channel=chat counts chat deals only: won deals and
// won revenue equal a plain count over the chat records.
func TestMoneyHonoursFilter(t *testing.T) {
	c := viewtest.MoneyDemo(true)
	ds := c.Data()
	won, revenue := 0, int64(0)
	ch := ds.Dim("channel")
	for i := range ds.Len() {
		if ch.Value(i) == "chat" && money.IsWon(ds, i) {
			won++
			revenue += ds.Amount[i]
		}
	}
	m := computed(c, viewtest.ChatState())
	m.SetSize(120, 40)
	d := m.res
	if d.Deals.Won != won || d.Deals.WonRevenue != revenue {
		t.Errorf("chat won %d for %d, want %d for %d", d.Deals.Won, d.Deals.WonRevenue, won, revenue)
	}
	all := computed(c, views.DefaultState())
	if all.res.Deals.Won <= won {
		t.Errorf("whole data won %d, chat %d: the filter changed nothing", all.res.Deals.Won, won)
	}
	if d.Econ == nil || d.Econ.Total.Spend >= all.res.Econ.Total.Spend {
		t.Error("spend of other channels should be left out under channel=chat")
	} else if len(d.Econ.Groups) != 1 || d.Econ.Groups[0].Name != "chat" || d.Econ.Total.Spend != d.Econ.Groups[0].Spend {
		t.Errorf("under channel=chat the spend is chat's: %+v", d.Econ.Groups)
	}
	out := ansi.Strip(allLines(m))
	if !strings.Contains(out, "Money where channel=chat") || !strings.Contains(out, "is left out") {
		t.Errorf("the view should say the filter and the spend left out:\n%s", out)
	}
	// a state change recomputes; the same state does not
	if cmd := m.Update(views.StateMsg{State: viewtest.ChatState()}); cmd != nil {
		t.Error("the same state should not recompute")
	}
	viewtest.Run(m, m.Update(views.StateMsg{State: views.DefaultState()}))
	if m.res.Deals.Won != all.res.Deals.Won || m.Title() != "Money" {
		t.Errorf("clearing the filter: won %d, title %q", m.res.Deals.Won, m.Title())
	}
}

// TestMoneyEqualsReport: at every state of viewtest.OneHomeCases the money
// view's deals are the report's.
func TestMoneyEqualsReport(t *testing.T) {
	c := viewtest.Demo()
	for _, tc := range viewtest.MustCases(c) {
		t.Run(tc.Name, func(t *testing.T) {
			m := computed(c, tc.State)
			d, r := m.res, tc.Report
			if d.DealsErr != nil || r.Money == nil {
				t.Fatalf("money: %v / %+v", d.DealsErr, r.Money)
			}
			a, b := d.Deals, r.Money.Deals
			if a.Won != b.Won || a.WonRevenue != b.WonRevenue || a.OpenPipeline != b.OpenPipeline || a.Created != b.Created ||
				a.WinRateClosed != b.WinRateClosed || a.LostValue != b.LostValue {
				t.Errorf("money: won %d %d open %d created %d, report won %d %d open %d created %d", a.Won, a.WonRevenue, a.OpenPipeline, a.Created,
					b.Won, b.WonRevenue, b.OpenPipeline, b.Created)
			}
		})
	}
}

// Under --where channel!=chat --as-of a year back, the report's money is
// the money view's with the same filter and as-of date.
func TestReportEqualsExplorerFilteredAsOf(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 5000})
	c := viewtest.On(ds)
	c.Spend = demo.Spend(ds)
	_, hi, _ := ds.DayRange()
	st := views.DefaultState()
	st.Filter, st.AsOf = "channel!=chat", hi-365
	r, err := report.Build(ds, report.Options{Sections: []string{report.SecMoney}, Spend: c.Spend, AsOf: st.AsOf, Where: []string{st.Filter}})
	if err != nil {
		t.Fatal(err)
	}
	d := computed(c, st).res
	if d.Deals.Won != r.Money.Deals.Won || d.Deals.WonRevenue != r.Money.Deals.WonRevenue || d.Deals.OpenPipeline != r.Money.Deals.OpenPipeline {
		t.Errorf("deals: explorer %+v, report %+v", d.Deals, r.Money.Deals)
	}
	if d.Econ == nil || r.Money.UnitEconomics == nil || d.Econ.Total.Spend != r.Money.UnitEconomics.Total.Spend ||
		d.Econ.Total.Customers != r.Money.UnitEconomics.Total.Customers {
		t.Errorf("unit economics: explorer %+v, report %+v", d.Econ, r.Money.UnitEconomics)
	}
}

// TestCustomersAndSegmentsEqualReport: the money view's customers and
// segments are the report's sections of the same records, under a filter
// and an as-of date too.
func TestCustomersAndSegmentsEqualReport(t *testing.T) {
	c := viewtest.MoneyDemo(true)
	c.Segments = []money.SegmentRule{{Segment: "Enterprise", Column: "segment", Values: []string{"Enterprise"}},
		{Segment: "SMB and mid", Column: "segment", Values: []string{"SMB", "Mid-market"}}}
	_, hi, _ := c.Data().DayRange()
	for _, st := range []views.State{views.DefaultState(), viewtest.ChatState(), {Period: "month", AsOf: hi - 120}} {
		var where []string
		if st.Filter != "" {
			where = []string{st.Filter}
		}
		r, err := report.Build(c.Data(), report.Options{Sections: []string{report.SecCustomers, report.SecSegments}, Spend: c.Spend,
			Segments: c.Segments, AsOf: st.AsOf, Where: where})
		if err != nil {
			t.Fatal(err)
		}
		m := computed(c, st)
		if m.res.Customers == nil || m.res.Segments == nil {
			t.Fatalf("%+v: customers %v, segments %v", st, m.res.CustErr, m.res.SegErr)
		}
		if !reflect.DeepEqual(m.res.Customers, r.Customers) {
			t.Errorf("%+v: customers differ", st)
		}
		if !reflect.DeepEqual(m.res.Segments, r.Segments) {
			t.Errorf("%+v: segments differ", st)
		}
		m.SetSize(200, 400)
		out := ansi.Strip(allLines(m))
		for _, want := range []string{"Existing customers", "Customer churn by month", "Retention and expansion by channel", "ICP segments", "Enterprise", "SMB and mid"} {
			if !strings.Contains(out, want) {
				t.Errorf("%+v: the view lacks %q", st, want)
			}
		}
		names := map[string]bool{}
		for _, tb := range m.Tables() {
			names[tb.Name] = true
		}
		for _, n := range []string{"money", "customers_churn", "customers_by_channel", "customers_by_cohort", "segments", "segments_economics"} {
			if !names[n] {
				t.Errorf("%+v: Tables lacks %s", st, n)
			}
		}
	}
}
