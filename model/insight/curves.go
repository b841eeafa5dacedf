package insight

import (
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// Step curves: for a transition k→k+1, the Aalen–Johansen incidence of
// moving on (cause 0) and of leaving at stage k (cause 1) by days since
// the record reached k, records still open at k censored at their age on
// the as-of date. They give each transition's maturity (the p90 time to
// move on among those who do) and the expected later conversions of
// records still open, the same rules as the engine's time to the next
// stage (model/query velocity).

// stepCurve estimates transition k→k+1 from the records that reached k by
// asOf with a date there. A record counts as moving on when its date at
// k+1 is known and on or before asOf; as leaving when it left at k (exit
// day on or before asOf; an exit without a date is placed on its date at
// k, the last day it is known to have been there).
func stepCurve(ds *model.Dataset, k int, asOf int32) stats.Incidence {
	return stepCurves(ds, k, asOf, 1, func(int) int { return 0 })[0]
}

// stepCurves is stepCurve per group of records (key gives a record's
// group, 0 ≤ group < groups).
func stepCurves(ds *model.Dataset, k int, asOf int32, groups int, key func(i int) int) []stats.Incidence {
	out := make([]stats.Incidence, groups)
	lo, _, ok := ds.DayRange()
	if !ds.HasDates || k+1 >= len(ds.Stages) || !ok {
		for g := range out {
			out[g] = stats.AalenJohansen(nil, nil)
		}
		return out
	}
	D := int(min(max(asOf-lo, 0), 3660)) + 1
	hist := make([]int32, groups*3*D) // [group][moved|left|open][D]
	put := func(i, h int, d int32) {
		if d >= 0 {
			hist[(key(i)*3+h)*D+min(int(d), D-1)]++
		}
	}
	from, next := ds.Days[k], ds.Days[k+1]
	for i, d0 := range from {
		if d0 == model.NoDay || d0 > asOf {
			continue
		}
		switch {
		case ds.Deepest(i) > k:
			// moved on; without a date at k+1 (implied) its time is unknown
			switch d1 := next[i]; {
			case d1 == model.NoDay:
			case d1 <= asOf:
				put(i, 0, d1-d0)
			default:
				put(i, 2, asOf-d0)
			}
		case leftBy(ds, i, asOf):
			x := ds.ExitDay[i]
			if x == model.NoDay {
				x = d0
			}
			put(i, 1, x-d0)
		default:
			put(i, 2, asOf-d0)
		}
	}
	for g := range out {
		h := hist[g*3*D : (g+1)*3*D]
		out[g] = stats.AalenJohansen([][]int32{h[:D], h[D : 2*D]}, h[2*D:])
	}
	return out
}

// leftBy reports whether record i had left (disqualified, lost) by asOf.
// A won record counts as moved on, not left.
func leftBy(ds *model.Dataset, i int, asOf int32) bool {
	switch ds.Exit[i] {
	case model.ExitDisqualified, model.ExitLost:
		x := ds.ExitDay[i]
		return x == model.NoDay || x <= asOf
	}
	return false
}

// openAt reports whether record i, which reached stage k and had not
// reached k+1 by asOf, was still open then (could still convert).
func openAt(ds *model.Dataset, i int, asOf int32) bool {
	switch ds.Exit[i] {
	case model.ExitDisqualified, model.ExitLost:
		x := ds.ExitDay[i]
		return x != model.NoDay && x > asOf
	}
	return true
}

// curves are the step curves of a dataset as of a date, built on demand.
type curves struct {
	ds   *model.Dataset
	asOf int32
	inc  map[int]stats.Incidence
}

func newCurves(ds *model.Dataset, asOf int32) *curves {
	return &curves{ds: ds, asOf: asOf, inc: map[int]stats.Incidence{}}
}

func (c *curves) step(k int) stats.Incidence {
	if inc, ok := c.inc[k]; ok {
		return inc
	}
	inc := stepCurve(c.ds, k, c.asOf)
	c.inc[k] = inc
	return inc
}

// maturity is the q-quantile (0.9: the p90) of the time to move on from k
// among the records that do, in whole days (0 when nothing moved on).
func (c *curves) maturity(k int, q float64) int {
	d, _ := c.step(k).QuantileDays(0, q)
	return d
}
