// Package insight answers "where do we lose them, is it real, and why did it
// change?" from a *model.Dataset: sticky points with honest statistics,
// period comparison, mix shift, propagation down the funnel, channel
// ranking by what reaches the bottom and the planner (its models, and its
// costs from model/money's spend: plancosts.go). Pure functions; results
// marshal to JSON.
package insight

import (
	"math"
	"math/bits"
	"sort"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// resolveAsOf returns asOf, or the data's latest day when it is 0 or NoDay.
func resolveAsOf(ds *model.Dataset, asOf int32) int32 {
	if asOf != 0 && asOf != model.NoDay {
		return asOf
	}
	if hi, ok := ds.LatestDay(); ok {
		return hi
	}
	return model.NoDay
}

// reachedAtLeast reports whether record i reached stage k or any later one.
func reachedAtLeast(ds *model.Dataset, i, k int) bool {
	return bits.Len16(ds.Reached[i])-1 >= k
}

// entryDay is the day record i entered stage k: its date there, or (when
// only a later stage is dated) the first later date, an upper bound. NoDay
// when nothing at or after k is dated.
func entryDay(ds *model.Dataset, i, k int) int32 {
	for j := k; j < len(ds.Days); j++ {
		if d := ds.Days[j][i]; d != model.NoDay {
			return d
		}
	}
	return model.NoDay
}

// cohort is the set of records counted at one transition: they entered the
// from-stage inside the window and long enough before as-of to have had time
// to convert.
type cohort struct {
	idx  []int32 // record indices entering
	conv []bool  // converted by as-of
	// why records that reached the stage were left out
	outside, immature, undated int
	// unknown lists the records in the window whose deepest stage is the
	// from-stage and that may have got further (Dataset.StageUnknown):
	// entered, but neither converted nor not; left out of the rate.
	unknown []int32
}

// transitionCohort builds the cohort for transition k→k+1. from/to bound the
// entry day (inclusive; from 0 = open, to 0 = asOf); records that entered
// less than maturity days before asOf are left out as immature (whether or
// not the window reaches them), the others outside the window as outside. With horizon > 0 a conversion counts only when it came
// within horizon days of entry (so periods of different age compare fairly).
// Without dates every record reaching k is counted.
func transitionCohort(ds *model.Dataset, k int, from, to, asOf int32, maturity, horizon int) cohort {
	var c cohort
	n := ds.Len()
	if to == 0 || to == model.NoDay || to > asOf {
		to = asOf
	}
	last := asOf - int32(maturity)
	for i := 0; i < n; i++ {
		if !reachedAtLeast(ds, i, k) {
			continue
		}
		if !ds.HasDates {
			if ds.StageUnknown != nil && ds.StageUnknown[i] && ds.Deepest(i) == k {
				c.unknown = append(c.unknown, int32(i))
				continue
			}
			c.idx = append(c.idx, int32(i))
			c.conv = append(c.conv, reachedAtLeast(ds, i, k+1))
			continue
		}
		d := entryDay(ds, i, k)
		switch {
		case d == model.NoDay:
			c.undated++
			continue
		case d > last && d <= asOf:
			c.immature++
			continue
		case d < from || d > to:
			c.outside++
			continue
		}
		if ds.StageUnknown != nil && ds.StageUnknown[i] && ds.Deepest(i) == k {
			c.unknown = append(c.unknown, int32(i))
			continue
		}
		conv := reachedAtLeast(ds, i, k+1)
		if conv {
			cd := entryDay(ds, i, k+1)
			if cd != model.NoDay && (cd > asOf || (horizon > 0 && cd-d > int32(horizon))) {
				conv = false
			}
		}
		c.idx = append(c.idx, int32(i))
		c.conv = append(c.conv, conv)
	}
	return c
}

// totals returns how many entered and converted.
func (c cohort) totals() (entered, converted int) {
	for _, v := range c.conv {
		if v {
			converted++
		}
	}
	return len(c.idx), converted
}

// byCode counts entered and converted per code of a key function over the cohort.
func (c cohort) byCode(card int, key func(i int) int) (entered, converted []int) {
	entered, converted = make([]int, card), make([]int, card)
	for j, i := range c.idx {
		code := key(int(i))
		entered[code]++
		if c.conv[j] {
			converted[code]++
		}
	}
	return entered, converted
}

// enteredByCode counts every record that entered, per code: those with a
// rate's outcome and those whose outcome is unknown (volume, not rates).
func (c cohort) enteredByCode(card int, key func(i int) int) []int {
	entered, _ := c.byCode(card, key)
	for _, i := range c.unknown {
		entered[key(int(i))]++
	}
	return entered
}

// parentRest returns, per child code of a nested slicing, the records of
// its parent value that are not of the child (entered, converted): the
// baseline a nested slice is compared with.
func (c cohort) parentRest(n *nesting) (entered, converted []int) {
	pe, pv := c.byCode(n.parentCard, n.parentKey)
	card := len(n.of)
	in, inV := make([]int, card), make([]int, card)
	for j, i := range c.idx {
		a := n.childKey(int(i))
		if p := n.of[a]; p >= 0 && n.parentKey(int(i)) == p {
			in[a]++
			if c.conv[j] {
				inV[a]++
			}
		}
	}
	entered, converted = make([]int, card), make([]int, card)
	for a, p := range n.of {
		if p >= 0 {
			entered[a], converted[a] = pe[p]-in[a], pv[p]-inV[a]
		}
	}
	return entered, converted
}

// avgWonDeal is the mean Amount (cents) of records that reached the last
// stage with an amount, counting those won in the year up to asOf when
// there are any (the current deal size), else all. 0 without amounts.
func avgWonDeal(ds *model.Dataset, asOf int32) (cents int64, deals int, recent bool) {
	if ds.Amount == nil {
		return 0, 0, false
	}
	last := len(ds.Stages) - 1
	var sumAll, sumRecent float64
	var nAll, nRecent int
	for i, a := range ds.Amount {
		if a <= 0 || !reachedAtLeast(ds, i, last) {
			continue
		}
		sumAll += float64(a)
		nAll++
		if d := entryDay(ds, i, last); d != model.NoDay && asOf != model.NoDay && d <= asOf && d > asOf-365 {
			sumRecent += float64(a)
			nRecent++
		}
	}
	if nRecent > 0 {
		return ds.Cents(int64(math.Round(sumRecent / float64(nRecent)))), nRecent, true
	}
	if nAll > 0 {
		return ds.Cents(int64(math.Round(sumAll / float64(nAll)))), nAll, false
	}
	return 0, 0, false
}

// wonCurrencies lists the currencies of the won deals' amounts when the
// data mixes currencies (nil when it has one): an average over several is
// no amount at all.
func wonCurrencies(ds *model.Dataset) []string {
	if ds.Amount == nil || ds.Currencies == nil {
		return nil
	}
	last := len(ds.Stages) - 1
	seen := map[string]bool{}
	var out []string
	for i, a := range ds.Amount {
		if a <= 0 || !reachedAtLeast(ds, i, last) {
			continue
		}
		if c := strings.ToUpper(ds.Currencies.Value(i)); c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// dimLabel is how a dimension value is shown: blank values are "(blank)".
func dimLabel(v string) string {
	if v == "" {
		return "(blank)"
	}
	return v
}

// winShare is the share of records reaching stage k that reached the last
// stage, among those that entered k long enough before asOf to have finished
// (the sum of the downstream maturities); all records when too few are mature.
func winShare(ds *model.Dataset, k int, asOf int32, maturity []int, minSample int) float64 {
	last := len(ds.Stages) - 1
	if k >= last {
		return 1
	}
	wait := 0
	for j := k; j < last; j++ {
		wait += maturity[j]
	}
	var reach, won, reachAll, wonAll int
	for i := range ds.Reached {
		if !reachedAtLeast(ds, i, k) {
			continue
		}
		w := reachedAtLeast(ds, i, last)
		reachAll++
		if w {
			wonAll++
		}
		if d := entryDay(ds, i, k); ds.HasDates && d != model.NoDay && d <= asOf-int32(wait) {
			reach++
			if w {
				won++
			}
		}
	}
	if reach >= minSample {
		return stats.Ratio(won, reach)
	}
	return stats.Ratio(wonAll, reachAll)
}
