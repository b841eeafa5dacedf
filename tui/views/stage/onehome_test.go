package stage

import (
	"fmt"
	"testing"

	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// TestStageEqualsReport: at every state of viewtest.OneHomeCases each
// stage's reached count, time to the next stage and stalled count are the
// report's (its velocity and its stages).
func TestStageEqualsReport(t *testing.T) {
	c := viewtest.Demo()
	for _, tc := range viewtest.MustCases(c) {
		t.Run(tc.Name, func(t *testing.T) {
			r := tc.Report
			for k := 0; k+1 < len(c.Data().Stages); k++ {
				s := New(c, tc.State, k)
				viewtest.Run(s, s.Init())
				res := s.res
				if res == nil || res.err != nil {
					t.Fatalf("stage %d: %+v", k, res)
				}
				if res.stats.Reached != r.Stages[k].Reached {
					t.Errorf("stage %d: %d reached, report %d", k, res.stats.Reached, r.Stages[k].Reached)
				}
				v := r.Velocity[k]
				if res.step == nil {
					t.Fatalf("stage %d: no time to the next stage", k)
				}
				sp := res.step
				if sp.Moved != v.Records || sp.Open != v.Open || sp.Left != v.Left || fmt.Sprint(days64(sp.Median), days64(sp.P75), days64(sp.P90)) !=
					fmt.Sprint(viewtest.Deref(v.MedianDays), viewtest.Deref(v.P75Days), viewtest.Deref(v.P90Days)) {
					t.Errorf("stage %d → next: moved %d open %d %v/%v/%v, report %+v", k, sp.Moved, sp.Open,
						viewtest.Deref(sp.Median), viewtest.Deref(sp.P75), viewtest.Deref(sp.P90), v)
				}
				if th := res.threshold; th != nil && th.P90Days != nil {
					if v.Stalled == nil || *v.Stalled != th.Stalled {
						t.Errorf("stage %d: %d stalled, report %v", k, th.Stalled, viewtest.Deref(v.Stalled))
					}
				}
				if r.Stages[k+1].TimedFromPrevious != sp.Moved || fmt.Sprint(viewtest.Deref(r.Stages[k+1].MedianDaysFromPrevious)) != fmt.Sprint(days64(sp.Median)) {
					t.Errorf("stage %d: the report's stages give another time to the next stage", k)
				}
			}
		})
	}
}

// days64 is a time in days as the report writes it.
func days64(d *float64) any {
	if d == nil {
		return nil
	}
	return *d
}
