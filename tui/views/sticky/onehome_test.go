package sticky

import (
	"testing"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// TestStickyEqualsReport: at every state of viewtest.OneHomeCases the
// sticky view ranks the report's sticky points.
func TestStickyEqualsReport(t *testing.T) {
	c := viewtest.Demo()
	for _, tc := range viewtest.MustCases(c) {
		t.Run(tc.Name, func(t *testing.T) { checkReport(t, c, tc.State, tc.Report.StickyPoints) })
	}
}

// Under --where channel!=chat --as-of a year back (a 5,000-row demo with
// its spend), the report's sticky points are the view's.
func TestReportEqualsExplorerFilteredAsOf(t *testing.T) {
	c := viewtest.On(demo.Generate(demo.Options{Rows: 5000}))
	_, hi, _ := c.Data().DayRange()
	st := views.DefaultState()
	st.Filter, st.AsOf = "channel!=chat", hi-365
	r, err := report.Build(c.Data(), report.Options{Sections: []string{report.SecStickyPoints}, AsOf: st.AsOf, Where: []string{st.Filter}})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, c, st, r.StickyPoints)
}

func checkReport(t *testing.T, c views.Common, st views.State, want []report.StickyPoint) {
	t.Helper()
	s := New(c, st)
	viewtest.Run(s, s.Init())
	found := s.data.findings
	if len(found) != len(want) {
		t.Fatalf("sticky view: %d findings, report %d", len(found), len(want))
	}
	for i, p := range found {
		rp := want[i]
		if p.Stage != rp.Stage || p.Dimension != rp.Dimension || p.Value != rp.Value || p.Entered != rp.Entered ||
			p.Converted != rp.Converted || p.LostConversions != rp.LostConversions || p.QValue != rp.QValue {
			t.Errorf("sticky %d: %+v, report %+v", i, p, rp)
		}
	}
}
