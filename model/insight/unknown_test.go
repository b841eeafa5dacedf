package insight

import (
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/internal/fixture"
)

// A record whose data does not say how far it got past its deepest stage
// is left out of the rate from that stage (sticky points, the planner's
// rates), not counted as failing it; the planner's volume keeps it.
func TestTransitionLeavesOutUnknownStage(t *testing.T) {
	ds := fixture.Hand()
	asOf := model.DayFromCivil(2025, 3, 25)
	before0, _ := transitionCohort(ds, 0, 0, 0, asOf, 0, 0).totals()
	before1, _ := transitionCohort(ds, 1, 0, 0, asOf, 0, 0).totals()
	ds.StageUnknown = make([]bool, ds.Len())
	for _, i := range []int{1, 2, 6} { // r1 at MQL, r2 and r6 at Lead
		ds.StageUnknown[i] = true
	}
	c0 := transitionCohort(ds, 0, 0, 0, asOf, 0, 0)
	e0, _ := c0.totals()
	e1, _ := transitionCohort(ds, 1, 0, 0, asOf, 0, 0).totals()
	if e0 != before0-2 || e1 != before1-1 || len(c0.unknown) != 2 {
		t.Errorf("entered %d→%d at Lead, %d→%d at MQL, unknown %v", before0, e0, before1, e1, c0.unknown)
	}
	if v := c0.enteredByCode(1, func(int) int { return 0 }); v[0] != before0 {
		t.Errorf("volume %d, want %d", v[0], before0)
	}
}
