package trends

import (
	"testing"

	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// TestTrendsEqualsReport: at every state of viewtest.OneHomeCases the
// trends' entries per period are the report's.
func TestTrendsEqualsReport(t *testing.T) {
	c := viewtest.Demo()
	for _, tc := range viewtest.MustCases(c) {
		t.Run(tc.Name, func(t *testing.T) {
			r := tc.Report
			v := New(c, tc.State)
			viewtest.Run(v, v.Init())
			if v.res == nil {
				t.Fatalf("trends: %v", v.err)
			}
			at := map[string]int{}
			for i, p := range r.Trends.Periods {
				at[p] = i
			}
			common := 0
			for pi, p := range v.res.Periods {
				i, ok := at[p.Label]
				if !ok {
					continue
				}
				common++
				for k := range v.res.Stages {
					if got, want := v.res.Whole.Trend[pi].Stages[k].Events, r.Trends.Stages[k].Entries[i]; got != want {
						t.Errorf("trends %s stage %d: %d, report %d", p.Label, k, got, want)
					}
				}
			}
			if common == 0 {
				t.Error("trends: no period in common with the report")
			}
		})
	}
}
