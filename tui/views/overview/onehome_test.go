package overview

import (
	"fmt"
	"testing"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// TestOverviewEqualsReport: at every state of viewtest.OneHomeCases the
// overview's counts (under :asof too), its monthly entries and its top
// sticky points are the report's.
func TestOverviewEqualsReport(t *testing.T) {
	c := viewtest.Demo()
	for _, tc := range viewtest.MustCases(c) {
		t.Run(tc.Name, func(t *testing.T) { checkReport(t, c, tc.State, tc.Report) })
	}
}

func checkReport(t *testing.T, c views.Common, st views.State, r *report.Report) {
	o := New(c)
	viewtest.Run(o, o.Update(views.StateMsg{State: st}))
	f := o.funnel
	if f.Records != r.Denominators.Records || f.AsOf != r.AsOf {
		t.Errorf("overview: %d records as of %s, report %d as of %s", f.Records, f.AsOf, r.Denominators.Records, r.AsOf)
	}
	for k, s := range f.Stages {
		rs := r.Stages[k]
		if s.Reached != rs.Reached || s.Implied != rs.Implied || s.ConversionFromPrevious != rs.ConversionFromPrevious ||
			s.ConversionFromTop != rs.ConversionFromTop {
			t.Errorf("overview %s: %+v, report %+v", s.Name, s, rs)
		}
	}
	if st.Period == "month" {
		if fmt.Sprint(f.Months) != fmt.Sprint(r.Trends.Periods) {
			t.Errorf("overview months %v, report %v", f.Months, r.Trends.Periods)
		}
		for k, s := range f.Stages {
			if fmt.Sprint(s.Monthly) != fmt.Sprint(r.Trends.Stages[k].Entries) {
				t.Errorf("overview %s monthly %v, report %v", s.Name, s.Monthly, r.Trends.Stages[k].Entries)
			}
		}
	}
	if o.insights == nil || o.insights.err != nil {
		t.Fatalf("overview insights %+v", o.insights)
	}
	found := o.insights.sticky.Found()
	for i := 0; i < min(3, len(found), len(r.StickyPoints)); i++ {
		p, rp := found[i], r.StickyPoints[i]
		if p.Stage != rp.Stage || p.Dimension != rp.Dimension || p.Value != rp.Value || p.Entered != rp.Entered ||
			p.Converted != rp.Converted || p.LostConversions != rp.LostConversions {
			t.Errorf("overview sticky point %d: %s %s=%s %d/%d, report %s %s=%s %d/%d", i, p.Stage, p.Dimension, p.Value,
				p.Converted, p.Entered, rp.Stage, rp.Dimension, rp.Value, rp.Converted, rp.Entered)
		}
	}
	if min(3, len(found)) != min(3, len(r.StickyPoints)) {
		t.Errorf("overview shows %d sticky points, the report has %d", min(3, len(found)), len(r.StickyPoints))
	}
}

// TestReportEqualsOverview: the report's stage numbers are the overview's
// as it opens (the whole data, no state yet).
func TestReportEqualsOverview(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 3000})
	f := New(viewtest.On(ds)).funnel
	r, err := report.Build(ds, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for k, s := range f.Stages {
		got := r.Stages[k]
		if got.Name != s.Name || got.Reached != s.Reached || got.Implied != s.Implied ||
			got.ConversionFromPrevious != s.ConversionFromPrevious || got.ConversionFromTop != s.ConversionFromTop {
			t.Errorf("stage %d: report %+v, overview %+v", k, got, s)
		}
	}
	for k, s := range f.Stages {
		if got := r.Trends.Stages[k].Entries; len(got) != len(s.Monthly) || (len(got) > 0 && got[len(got)-1] != s.Monthly[len(s.Monthly)-1]) {
			t.Errorf("trend %d: %v vs %v", k, got, s.Monthly)
		}
	}
}
