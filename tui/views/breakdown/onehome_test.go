package breakdown

import (
	"testing"

	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// TestBreakdownEqualsReport: at every state of viewtest.OneHomeCases the
// breakdown by channel has the report's groups, records and counts.
func TestBreakdownEqualsReport(t *testing.T) {
	c := viewtest.Demo()
	for _, tc := range viewtest.MustCases(c) {
		t.Run(tc.Name, func(t *testing.T) {
			r := tc.Report
			b := New(c, tc.State, "channel")
			viewtest.Run(b, b.Init())
			if b.res == nil {
				t.Fatalf("breakdown: %v", b.err)
			}
			byValue := map[string]report.Group{}
			for _, g := range r.Breakdown.Groups {
				byValue[g.Value] = g
			}
			for _, g := range b.res.Groups {
				rg, ok := byValue[g.Key]
				if !ok {
					t.Errorf("breakdown %s: not in the report", g.Key)
					continue
				}
				for k, s := range g.Stages {
					if s.Reached != rg.Reached[k] || s.Cumulative != rg.ConversionFromTop[k] {
						t.Errorf("breakdown %s stage %d: %d (%.4f), report %d (%.4f)", g.Key, k, s.Reached, s.Cumulative, rg.Reached[k], rg.ConversionFromTop[k])
					}
				}
				if g.Records != rg.Records {
					t.Errorf("breakdown %s: %d records, report %d", g.Key, g.Records, rg.Records)
				}
			}
			if len(b.res.Groups) != len(r.Breakdown.Groups) {
				t.Errorf("breakdown: %d groups, report %d", len(b.res.Groups), len(r.Breakdown.Groups))
			}
		})
	}
}
