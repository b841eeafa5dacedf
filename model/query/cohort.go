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

// stageTimes is, per stage up to the deepest in mask, the day record i
// reached it: its date there, or the next dated stage's when its own is
// missing (an upper bound); NoDay when none is known or it is before e.
func stageTimes(ds *model.Dataset, i int, mask uint16, e int32) (at [model.MaxStages]int32) {
	next := model.NoDay
	for k := deepest(mask); k >= 0; k-- {
		if mask&(1<<k) != 0 {
			if d := ds.Days[k][i]; d != model.NoDay {
				next = d
			}
		}
		at[k] = next
		if next != model.NoDay && next < e {
			at[k] = model.NoDay
		}
	}
	return at
}

// exitTime is the day a disqualified or lost record left: its exit day,
// or without one the last date it is known to have been in the funnel
// (entry e at the latest).
func exitTime(ds *model.Dataset, i int, mask uint16, e int32) int32 {
	x := ds.ExitDay[i]
	for k := deepest(mask); k >= 0 && x == model.NoDay; k-- {
		if mask&(1<<k) != 0 {
			x = ds.Days[k][i]
		}
	}
	if x == model.NoDay || x < e {
		x = e
	}
	return x
}

// cohortBins are a dataset's cohort times, worked out once: per stage
// k ≥ 1 the records that passed it with a known time and their days from
// entry (bin[k], aligned with reach[k]); the open records with their
// deepest stage; the disqualified or lost ones with their deepest stage
// and days from entry to leaving.
type cohortBins struct {
	reach          []stageList
	bin            [][]uint16
	open, left     stageList
	openDp, leftDp []uint8
	leftBin        []uint16
}

func (m *dsMeta) cohortBins(D int) *cohortBins {
	m.cohOnce.Do(func() { m.coh = buildCohortBins(m, D) })
	return m.coh
}

func buildCohortBins(m *dsMeta, D int) *cohortBins {
	ds := m.ds
	n, ns := ds.Len(), len(ds.Stages)
	cb := &cohortBins{reach: make([]stageList, ns), bin: make([][]uint16, ns)}
	// Two halves of the blocks at once; the second's lists are appended
	// to the first's.
	type part struct {
		reach          []stageList
		bin            [][]uint16
		open, left     stageList
		openDp, leftDp []uint8
		leftBin        []uint16
	}
	var parts [2]part
	inBlockHalves(n, func(h, bLo, bHi int) {
		pt := &parts[h]
		pt.reach, pt.bin = make([]stageList, ns), make([][]uint16, ns)
		for k := 1; k < ns; k++ { // at most the records marked at k
			c := int(m.stages[k].start[bHi] - m.stages[k].start[bLo])
			pt.reach[k].off, pt.bin[k] = model.ColumnCap[uint16](c), model.ColumnCap[uint16](c)
		}
		nOpen, nLeft := 0, 0
		for _, k := range m.kind[bLo*blockSize : min(bHi*blockSize, n)] {
			nOpen += int(b2u(k == model.ExitOpen))
			nLeft += int(b2u(k == model.ExitDisqualified || k == model.ExitLost))
		}
		pt.open.off, pt.openDp = model.ColumnCap[uint16](nOpen), model.ColumnCap[uint8](nOpen)
		pt.left.off, pt.leftDp, pt.leftBin = model.ColumnCap[uint16](nLeft), model.ColumnCap[uint8](nLeft), model.ColumnCap[uint16](nLeft)
		for bi := bLo; bi < bHi; bi++ {
			lo := bi * blockSize
			for j, e := range m.entry[lo:min(lo+blockSize, n)] {
				i := lo + j
				mask := ds.Reached[i]
				if e == model.NoDay || mask == 0 {
					continue
				}
				dp := deepest(mask)
				if dp > 0 {
					at := stageTimes(ds, i, mask, e)
					for k := 1; k <= dp; k++ {
						if d := at[k]; d != model.NoDay {
							pt.reach[k].off = append(pt.reach[k].off, uint16(j))
							pt.bin[k] = append(pt.bin[k], uint16(min(int(d-e), D-1)))
						}
					}
				}
				switch m.kind[i] {
				case model.ExitOpen:
					pt.open.off = append(pt.open.off, uint16(j))
					pt.openDp = append(pt.openDp, uint8(dp))
				case model.ExitDisqualified, model.ExitLost:
					pt.left.off = append(pt.left.off, uint16(j))
					pt.leftDp = append(pt.leftDp, uint8(dp))
					pt.leftBin = append(pt.leftBin, uint16(min(int(exitTime(ds, i, mask, e)-e), D-1)))
				}
			}
			for k := 1; k < ns; k++ {
				pt.reach[k].start = append(pt.reach[k].start, int32(len(pt.reach[k].off)))
			}
			pt.open.start = append(pt.open.start, int32(len(pt.open.off)))
			pt.left.start = append(pt.left.start, int32(len(pt.left.off)))
		}
	})
	a, b := &parts[0], &parts[1]
	if b.reach == nil { // one part
		b.reach, b.bin = make([]stageList, ns), make([][]uint16, ns)
	}
	for k := 1; k < ns; k++ {
		cb.reach[k] = joinLists(a.reach[k], b.reach[k])
		cb.bin[k] = append(a.bin[k], b.bin[k]...)
	}
	cb.open, cb.left = joinLists(a.open, b.open), joinLists(a.left, b.left)
	cb.openDp, cb.leftDp = append(a.openDp, b.openDp...), append(a.leftDp, b.leftDp...)
	cb.leftBin = append(a.leftBin, b.leftBin...)
	return cb
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

func (p *plan) cohortResult(cq CohortQuery, q Query, c *counts, a *cohortAJ, target int) *CohortResult {
	ds := p.ds
	ns, span := a.ns, a.span
	r := &CohortResult{AsOf: model.DayString(p.asOf), TimeZone: TimeZoneNote, Target: ds.Stages[target],
		Stages: append([]string(nil), ds.Stages...), Method: CohortMethod, Cohorts: []Cohort{},
		StageMatureAfterDays: make([]*int, ns)}
	for _, f := range q.Filters {
		r.Filter = joinSpace(r.Filter, f.String())
	}
	if q.By != "" {
		r.Key = ds.Dim(q.By).Name
	}
	pooled := p.stageCurves(a, -1, nil)
	mature := make([]int, ns)
	for k := range mature {
		mature[k] = -1
		if k == 0 {
			continue
		}
		if d, ok := pooled[k].QuantileDays(0, 0.9); ok {
			mature[k] = d
			r.StageMatureAfterDays[k] = &d
		}
	}
	r.MatureAfterDays = r.StageMatureAfterDays[target]
	if p.P > 0 {
		r.Period = q.Period.String()
	}
	// open[g][k][d]: open records short of stage k that entered on day d
	below := make([]int32, ns*span)
	var buf curveBuf
	curves := make([]stats.Incidence, ns)
	for g := 0; g < p.G; g++ {
		if p.P == 0 && a.last[g] == model.NoDay || p.P > 0 && c.groupEmpty(g, ns) {
			continue
		}
		copy(curves, p.stageCurves(a, g, &buf))
		for k := 1; k < ns; k++ {
			if curves[k].Events[0] < stats.MinSample {
				curves[k] = pooled[k]
			}
		}
		clear(below)
		for k := 1; k < ns; k++ {
			copy(below[k*span:(k+1)*span], below[(k-1)*span:k*span])
			addRange(below[k*span:(k+1)*span], a.open[(g*ns+k-1)*span:(g*ns+k)*span])
		}
		cells := p.P
		if cells == 0 {
			cells = 1
		}
		for pi := 0; pi < cells; pi++ {
			lo, hi := a.first[g], a.last[g]
			var co Cohort
			if p.P > 0 {
				per := p.pt.periods[pi]
				lo, hi = max(per.start, p.dataLo), min(per.end, p.asOf, p.dataHi)
				co.Period = per.Label
			}
			if q.By != "" {
				co.Key = p.groups[g]
			}
			deep := make([]int64, ns+1)
			marked := make([]int64, ns)
			cell := g*c.P1 + pi
			for k := 0; k <= ns; k++ {
				deep[k] = int64(c.deep[cell*(ns+1)+k])
			}
			for k := 0; k < ns; k++ {
				marked[k] = int64(c.marked[cell*ns+k])
			}
			for _, v := range deep {
				co.Size += int(v)
			}
			if co.Size == 0 {
				continue
			}
			st := funnelOf(ds.Stages, deep, marked, nil)
			co.AgeDays, co.OldestDays = int(max(p.asOf-hi, 0)), int(max(p.asOf-lo, 0))
			co.ImmatureStages = make([]bool, ns)
			co.EstimatedConversion = make([]float64, ns)
			for k, s := range st {
				co.Reached = append(co.Reached, s.Reached)
				co.Conversion = append(co.Conversion, stats.Ratio(s.Reached, co.Size))
				expect := float64(s.Reached)
				if k > 0 {
					row := below[k*span : (k+1)*span]
					for d := lo; d <= hi; d++ {
						if n := row[int(d-p.dataLo)]; n > 0 {
							expect += float64(n) * curves[k].Later(0, int(p.asOf-d))
						}
					}
				}
				co.EstimatedConversion[k] = expect / float64(co.Size)
				co.ImmatureStages[k] = mature[k] >= 0 && co.AgeDays < mature[k]
			}
			co.Converted = st[target].Reached
			for d := lo; d <= hi; d++ {
				co.Open += int(below[target*span+int(d-p.dataLo)])
			}
			co.Observed = stats.Ratio(co.Converted, co.Size)
			co.Estimated = co.EstimatedConversion[target]
			co.Immature = co.ImmatureStages[target]
			co.Few = co.Size < stats.MinSample
			r.Cohorts = append(r.Cohorts, co)
		}
	}
	return r
}

// groupEmpty reports whether group g has no record in any period.
func (c *counts) groupEmpty(g, ns int) bool {
	for _, v := range c.deep[g*c.P1*(ns+1) : (g+1)*c.P1*(ns+1)] {
		if v != 0 {
			return false
		}
	}
	return true
}

// StepRate is the cohort's observed conversion from stage k to k+1
// (Reached[k+1] / Reached[k]); false when none reached stage k.
func (c Cohort) StepRate(k int) (float64, bool) {
	if k < 0 || k+1 >= len(c.Reached) || c.Reached[k] == 0 {
		return 0, false
	}
	return stats.Ratio(c.Reached[k+1], c.Reached[k]), true
}

// EstimatedStepRate is the cohort's estimated eventual conversion from
// stage k to k+1 (EstimatedConversion[k+1] / EstimatedConversion[k]);
// false when none is expected at stage k.
func (c Cohort) EstimatedStepRate(k int) (float64, bool) {
	if k < 0 || k+1 >= len(c.EstimatedConversion) || c.EstimatedConversion[k] <= 0 {
		return 0, false
	}
	return min(1, c.EstimatedConversion[k+1]/c.EstimatedConversion[k]), true
}
