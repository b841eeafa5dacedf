package insight

import (
	"math"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// LostRecords lists the records behind a sticky point that did not
// convert: of the slice, entered the from-stage in the transition's window
// (mature), not at the next stage by the as-of date. They are counted as
// FindSticky counts them, so there are Entered − Converted of them. res
// must be FindSticky's result for ds.
func LostRecords(ds *model.Dataset, res StickyResult, p StickyPoint) []int32 {
	var ti *TransitionInfo
	for i := range res.Transitions {
		if res.Transitions[i].FromStage == p.FromStage {
			ti = &res.Transitions[i]
		}
	}
	if ti == nil {
		return nil
	}
	var dims []*model.Dim
	for _, name := range strings.Split(p.Dimension, " × ") {
		d := ds.Dim(name)
		if d == nil {
			return nil
		}
		dims = append(dims, d)
	}
	var sl *slicer
	for _, s := range slicers(ds, dims, len(dims) > 1, math.MaxInt32) {
		if s.dim == p.Dimension {
			sl = &s
		}
	}
	if sl == nil {
		return nil
	}
	code := -1
	for c := 0; c < sl.card && code < 0; c++ {
		if sl.label(c) == p.Value {
			code = c
		}
	}
	if code < 0 {
		return nil
	}
	c := transitionCohort(ds, p.FromStage, ti.from, ti.to, res.asOf, ti.MaturityDays, 0)
	var rows []int32
	for j, i := range c.idx {
		if !c.conv[j] && sl.key(int(i)) == code {
			rows = append(rows, i)
		}
	}
	return rows
}
