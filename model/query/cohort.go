package query

import (
	"fmt"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/model/stats"
)

// CohortQuery groups records by entry period (Query.Period), by a key
// dimension (Query.By: a landing page, an A/B arm, an event) or both, and
// follows each cohort through the stages to Target.
type CohortQuery struct {
	Query
	// Target is the stage whose eventual conversion is estimated ("" = last).
	Target string `json:"target,omitempty"`
}

// CohortMethod is stated in every cohort result.
const CohortMethod = "eventual conversion to each stage is estimated by the Aalen–Johansen estimator over days since " +
	"entry: reaching the stage is the event, leaving before it (disqualified, lost) a competing event, a record still open " +
	"is censored at its age; each open record counts the chance that a record still open at its age reaches the stage " +
	"later (its group's curve, the whole selection's when the group has under 30 that reached it). A cohort is immature " +
	"at a stage when its youngest possible member (period end, or latest entry for a key) is younger than the p90 time " +
	"from entry to that stage among the records that reach it"

// CohortResult is the cohorts of a selection.
type CohortResult struct {
	AsOf     string   `json:"as_of"`
	TimeZone string   `json:"time_zone"`
	Filter   string   `json:"filter,omitempty"`
	Key      string   `json:"key,omitempty"`
	Period   string   `json:"period,omitempty"`
	Target   string   `json:"target"`
	Stages   []string `json:"stages"`
	Method   string   `json:"method"`
	// MatureAfterDays is the p90 entry→target time among the records that
	// reach the target (nil when none did: maturity cannot be judged);
	// StageMatureAfterDays the same for every stage (nil at the top).
	MatureAfterDays      *int     `json:"mature_after_days"`
	StageMatureAfterDays []*int   `json:"stage_mature_after_days"`
	Cohorts              []Cohort `json:"cohorts"`
	// Undated counts the selection's records with no entry date (by
	// period only): they are in no cohort.
	Undated int `json:"undated,omitempty"`
}

// Cohort is one cohort followed through the stages.
type Cohort struct {
	Key    string `json:"key,omitempty"`    // key dimension value
	Period string `json:"period,omitempty"` // entry period label
	Size   int    `json:"size"`
	// AgeDays is the age of the youngest possible member as of the as-of
	// date; OldestDays of the oldest.
	AgeDays    int `json:"age_days"`
	OldestDays int `json:"oldest_days"`
	// Immature: too young to judge conversion to the target;
	// ImmatureStages the same per stage.
	Immature       bool   `json:"immature"`
	ImmatureStages []bool `json:"immature_stages"`
	// Reached per stage and Conversion (Reached / Size) as observed.
	Reached    []int     `json:"reached"`
	Conversion []float64 `json:"conversion"`
	// EstimatedConversion is, per stage, the estimated share of the cohort
	// that reaches it eventually (the observed share plus the open
	// records' chances; CohortMethod).
	EstimatedConversion []float64 `json:"estimated_conversion"`
	// Converted reached the target; Open are still open short of it.
	Converted int `json:"converted"`
	Open      int `json:"open"`
	// Observed is Converted / Size; Estimated the estimated eventual
	// conversion to the target (EstimatedConversion at the target).
	Observed  float64 `json:"observed"`
	Estimated float64 `json:"estimated"`
	Few       bool    `json:"few,omitempty"`
}

// cohortAJ is what the cohort pass counts for the estimates, per group:
// days from entry to each stage reached, to each exit by the deepest
// stage reached, and the open records by deepest stage and entry day.
type cohortAJ struct {
	ns, D, span int
	ev          []int32 // [G+1][ns][D] entry→stage k days (k ≥ 1)
	left        []int32 // [G+1][ns][D] entry→exit days, by deepest stage
	open        []int32 // [G+1][ns][span] open records by deepest stage and entry day
	first, last []int32 // per group, first / last entry day
}

func newCohortAJ(G1, ns, D, span int) *cohortAJ {
	a := &cohortAJ{ns: ns, D: D, span: span, ev: make([]int32, G1*ns*D), left: make([]int32, G1*ns*D),
		open: make([]int32, G1*ns*span), first: make([]int32, G1), last: make([]int32, G1)}
	for g := range a.first {
		a.first[g], a.last[g] = model.MaxDay, model.NoDay
	}
	return a
}

func (a *cohortAJ) add(o *cohortAJ) {
	addRange(a.ev, o.ev)
	addRange(a.left, o.left)
	addRange(a.open, o.open)
	for g := range a.first {
		a.first[g] = min(a.first[g], o.first[g])
		a.last[g] = max(a.last[g], o.last[g])
	}
}

// Cohorts builds the cohort table in one pass.
func (e *Engine) Cohorts(cq CohortQuery) (*CohortResult, error) {
	ds := e.ds
	q := cq.Query
	if q.By == "" && q.Period == PeriodNone {
		q.Period = PeriodMonth
	}
	p, err := e.newPlan(q)
	if err != nil {
		return nil, err
	}
	if !ds.HasDates {
		return nil, fmt.Errorf("the data has no stage dates, so cohorts cannot be followed")
	}
	target := p.ns - 1
	if cq.Target != "" {
		if target = ds.StageIndex(cq.Target); target < 0 {
			return nil, fmt.Errorf("no stage %q%s; stages are %v", cq.Target, filter.Suggest(cq.Target, ds.Stages), ds.Stages)
		}
	}
	G1 := p.G + 1
	D := int(min(max(p.dataHi-p.dataLo, 0), 3660)) + 1
	span := int(max(p.dataHi-p.dataLo, 0)) + 1
	type part struct {
		ct *counter
		aj *cohortAJ
	}
	parts := make([]part, workersFor(ds.Len()))
	p.scan(func(w int) func(*block) {
		ct := p.newCounterNoEvents()
		aj := newCohortAJ(G1, p.ns, D, span)
		parts[w] = part{ct, aj}
		return func(b *block) {
			ct.block(b)
			p.cohortBlock(aj, b)
		}
	})
	for _, pt := range parts {
		pt.ct.finish()
	}
	c, aj := parts[0].ct.c, parts[0].aj
	for _, o := range parts[1:] {
		c.add(o.ct.c)
		aj.add(o.aj)
	}
	return p.cohortResult(cq, q, c, aj, target), nil
}

func (p *plan) cohortBlock(a *cohortAJ, b *block) {
	if p.cut || p.noSigs { // the reference path counts record by record
		p.cohortRows(a, b)
		return
	}
	// Nothing cut: the times are worked out once per dataset (cohortBins);
	// rows the filters reject count in group G, which is never read.
	ns, D, span := a.ns, a.D, a.span
	cb := p.meta.cohortBins(D)
	lo, bi := b.lo, b.lo/blockSize
	group, entry := b.group[:b.n], b.entry[:b.n]
	if p.P == 0 {
		// A new first or last day is rare after the first rows: compare,
		// and store only then (NoDay is below every day: never a last).
		first, last := a.first, a.last
		for _, jj := range b.rows[:b.nRows] {
			e, g := entry[jj], group[jj]
			if e < first[g] && e != model.NoDay {
				first[g] = e
			}
			if e > last[g] {
				last[g] = e
			}
		}
	}
	for k := 1; k < ns; k++ {
		bins := cb.bin[k][cb.reach[k].start[bi]:]
		for x, j := range cb.reach[k].block(lo) {
			a.ev[(int(group[j])*ns+k)*D+int(bins[x])]++
		}
	}
	dps := cb.openDp[cb.open.start[bi]:]
	for x, j := range cb.open.block(lo) {
		a.open[(int(group[j])*ns+int(dps[x]))*span+int(entry[j]-p.dataLo)]++
	}
	dps, bins := cb.leftDp[cb.left.start[bi]:], cb.leftBin[cb.left.start[bi]:]
	for x, j := range cb.left.block(lo) {
		a.left[(int(group[j])*ns+int(dps[x]))*D+int(bins[x])]++
	}
}

// cohortRows counts a block record by record (an as-of date cuts it).
func (p *plan) cohortRows(a *cohortAJ, b *block) {
	ds := p.ds
	ns, D, span := a.ns, a.D, a.span
	for _, jj := range b.rows[:b.nRows] {
		j := int(jj)
		g := int(b.group[j])
		e := b.entry[j]
		if e == model.NoDay {
			continue
		}
		a.first[g] = min(a.first[g], e)
		a.last[g] = max(a.last[g], e)
		i := b.lo + j
		mask, kind := b.mask[j], b.kind[j]
		dp := deepest(mask)
		at := stageTimes(ds, i, mask, e)
		for k := 1; k <= dp; k++ {
			if d := at[k]; d != model.NoDay {
				a.ev[(g*ns+k)*D+min(int(d-e), D-1)]++
			}
		}
		switch kind {
		case model.ExitOpen:
			a.open[(g*ns+dp)*span+int(e-p.dataLo)]++
		case model.ExitDisqualified, model.ExitLost:
			a.left[(g*ns+dp)*D+min(int(exitTime(ds, i, mask, e)-e), D-1)]++
		}
	}
}

// curveBuf is the room stageCurves reuses from one group to the next.
type curveBuf struct {
	ev, left, open, comp, cens []int32
	inc                        []stats.Incidence
}

// stageCurves are the Aalen–Johansen estimates of reaching each stage
// (cause 0) against leaving first (cause 1) for group g (g < 0: all
// groups), by days since entry; [0] is unused. The result lives in buf
// (nil: a new one) until its next use.
func (p *plan) stageCurves(a *cohortAJ, g int, buf *curveBuf) []stats.Incidence {
	ns, D, span := a.ns, a.D, a.span
	if buf == nil {
		buf = &curveBuf{}
	}
	if buf.inc == nil {
		buf.ev, buf.left, buf.open = make([]int32, ns*D), make([]int32, ns*D), make([]int32, ns*span)
		buf.comp, buf.cens, buf.inc = make([]int32, D), make([]int32, D), make([]stats.Incidence, ns)
	}
	ev, left, open, comp, cens := buf.ev, buf.left, buf.open, buf.comp, buf.cens
	if g >= 0 {
		ev, left, open = a.ev[g*ns*D:(g+1)*ns*D], a.left[g*ns*D:(g+1)*ns*D], a.open[g*ns*span:(g+1)*ns*span]
	} else {
		clear(ev)
		clear(left)
		clear(open)
		for gg := 0; gg < p.G; gg++ {
			addRange(ev, a.ev[gg*ns*D:(gg+1)*ns*D])
			addRange(left, a.left[gg*ns*D:(gg+1)*ns*D])
			addRange(open, a.open[gg*ns*span:(gg+1)*ns*span])
		}
	}
	clear(comp)
	clear(cens)
	for k := 1; k < ns; k++ {
		// leaving or still open short of k: below k is stage k-1 and under
		addRange(comp, left[(k-1)*D:k*D])
		for di, n := range open[(k-1)*span : k*span] {
			if n > 0 {
				age := int(p.asOf - (p.dataLo + int32(di)))
				cens[min(max(age, 0), D-1)] += n
			}
		}
		buf.inc[k].Fill([][]int32{ev[k*D : (k+1)*D], comp}, cens)
	}
	return buf.inc
}
