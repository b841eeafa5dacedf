package cohorts

import (
	"fmt"
	"testing"

	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// TestCohortsEqualsReport: at every state of viewtest.OneHomeCases each
// cohort's size, reached counts, immaturity and estimate are the report's.
func TestCohortsEqualsReport(t *testing.T) {
	c := viewtest.Demo()
	for _, tc := range viewtest.MustCases(c) {
		t.Run(tc.Name, func(t *testing.T) {
			r := tc.Report
			v := New(c, tc.State)
			viewtest.Run(v, v.Init())
			if v.res == nil {
				t.Fatalf("cohorts: %v", v.err)
			}
			if fmt.Sprint(viewtest.Deref(v.res.MatureAfterDays)) != fmt.Sprint(viewtest.Deref(r.Cohorts.MatureAfterDays)) {
				t.Errorf("cohorts mature after %v days, report %v", viewtest.Deref(v.res.MatureAfterDays), viewtest.Deref(r.Cohorts.MatureAfterDays))
			}
			rows := map[string]report.CohortRow{}
			for _, row := range r.Cohorts.Rows {
				rows[row.Cohort] = row
			}
			common := 0
			for _, co := range v.res.Cohorts {
				row, ok := rows[co.Period]
				if !ok {
					continue
				}
				common++
				if co.Size != row.Entered || fmt.Sprint(co.Reached) != fmt.Sprint(row.Reached) || co.Immature != row.Immature ||
					co.Converted != row.Converted || co.Open != row.Open || co.Observed != row.Observed || co.Estimated != row.Estimated || co.Few != row.Few {
					t.Errorf("cohort %s: %+v, report %+v", co.Period, co, row)
				}
			}
			if common == 0 {
				t.Error("cohorts: no cohort in common with the report")
			}
		})
	}
}
