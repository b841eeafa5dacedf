package query

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

// An outcome-only export (Opportunity > Won, a close date but no created
// date) has no time between its stages; NoTimes says which stage has no
// date instead of leaving a table of zeros unexplained.
func TestNoTimesNamesTheUndatedStage(t *testing.T) {
	n := model.NoDay
	ds := &model.Dataset{Stages: []string{"Opportunity", "Won"}, Days: [][]int32{{n, n, n}, {10, n, 12}},
		Reached: []uint16{0b11, 0b01, 0b11}, HasDates: true}
	if got := NoTimes(ds); !strings.Contains(got, "no date for Opportunity") {
		t.Errorf("NoTimes = %q", got)
	}
	ds.Days[0][0] = 3
	if got := NoTimes(ds); got != "" {
		t.Errorf("a dated step: NoTimes = %q", got)
	}
}
