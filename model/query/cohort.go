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
const CohortMethod = "a cohort is immature when its youngest possible member (period end, or latest entry for a key) " +
	"is younger than the p90 time from entry to the target among records that reach it; eventual conversion is " +
	"estimated with Kaplan–Meier: still-open records are censored at their age and given the chance the cohort's " +
	"group curve assigns to converting later; records that left count as never converting"

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
	// MatureAfterDays is the p90 entry→target time among converters (nil
	// when no record converted: maturity cannot be judged).
	MatureAfterDays *int     `json:"mature_after_days"`
	Cohorts         []Cohort `json:"cohorts"`
}

// Cohort is one cohort followed through the stages.
type Cohort struct {
	Key    string `json:"key,omitempty"`    // key dimension value
	Period string `json:"period,omitempty"` // entry period label
	Size   int    `json:"size"`
	// AgeDays is the age of the youngest possible member as of the as-of
	// date; OldestDays of the oldest.
	AgeDays    int  `json:"age_days"`
	OldestDays int  `json:"oldest_days"`
	Immature   bool `json:"immature"`
	// Reached per stage and Conversion (Reached / Size) as observed.
	Reached    []int     `json:"reached"`
	Conversion []float64 `json:"conversion"`
	// Converted reached the target; Open are still open short of it.
	Converted int `json:"converted"`
	Open      int `json:"open"`
	// Observed is Converted / Size; Estimated the Kaplan–Meier estimate
	// of the eventual conversion to the target.
	Observed  float64 `json:"observed"`
	Estimated float64 `json:"estimated"`
	Few       bool    `json:"few,omitempty"`
}

type cohortKM struct {
	ev    []int32 // [G+1][D] entry→target days of converters
	open  []int32 // [G+1][span] open non-converters by entry day
	never []int
	first []int32 // per group, first / last entry day
	last  []int32
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
		km *cohortKM
	}
	parts := make([]part, workersFor(ds.Len()))
	p.scan(func(w int) func(*block) {
		ct := p.newCounter()
		km := &cohortKM{ev: make([]int32, G1*D), open: make([]int32, G1*span), never: make([]int, G1),
			first: make([]int32, G1), last: make([]int32, G1)}
		for g := range km.first {
			km.first[g], km.last[g] = model.MaxDay, model.NoDay
		}
		parts[w] = part{ct, km}
		return func(b *block) {
			ct.block(b)
			p.cohortBlock(km, b, target, D)
		}
	})
	for _, pt := range parts {
		pt.ct.finish()
	}
	c, km := parts[0].ct.c, parts[0].km
	for _, o := range parts[1:] {
		c.add(o.ct.c)
		addRange(km.ev, o.km.ev)
		addRange(km.open, o.km.open)
		for g := range km.never {
			km.never[g] += o.km.never[g]
			km.first[g] = min(km.first[g], o.km.first[g])
			km.last[g] = max(km.last[g], o.km.last[g])
		}
	}
	return p.cohortResult(cq, q, c, km, target, D, span), nil
}

func (p *plan) cohortBlock(km *cohortKM, b *block, target, D int) {
	ds := p.ds
	span := len(km.open) / (p.G + 1)
	for _, jj := range b.rows[:b.nRows] {
		j := int(jj)
		g := int(b.group[j])
		e := b.entry[j]
		if e == model.NoDay {
			continue
		}
		km.first[g] = min(km.first[g], e)
		km.last[g] = max(km.last[g], e)
		switch {
		case b.mask[j]&(1<<target) != 0:
			if d := ds.Days[target][b.lo+j]; d != model.NoDay && d >= e {
				km.ev[g*D+min(int(d-e), D-1)]++
			}
		case b.kind[j] == model.ExitOpen:
			km.open[g*span+int(e-p.dataLo)]++
		default:
			km.never[g]++
		}
	}
}

// curve builds group g's entry→target curve (g < 0: all groups).
func (p *plan) curve(km *cohortKM, g, D, span int) Survival {
	ev, ce := make([]int32, D), make([]int32, D)
	never := 0
	for gg := 0; gg < p.G; gg++ {
		if g >= 0 && gg != g {
			continue
		}
		addRange(ev, km.ev[gg*D:(gg+1)*D])
		never += km.never[gg]
		for di, n := range km.open[gg*span : (gg+1)*span] {
			if n > 0 {
				age := int(p.asOf - (p.dataLo + int32(di)))
				ce[min(max(age, 0), D-1)] += n
			}
		}
	}
	return KaplanMeier(ev, ce, never)
}

func (p *plan) cohortResult(cq CohortQuery, q Query, c *counts, km *cohortKM, target, D, span int) *CohortResult {
	ds := p.ds
	r := &CohortResult{AsOf: model.DayString(p.asOf), TimeZone: TimeZoneNote, Target: ds.Stages[target],
		Stages: append([]string(nil), ds.Stages...), Method: CohortMethod, Cohorts: []Cohort{}}
	for _, f := range q.Filters {
		r.Filter = joinSpace(r.Filter, f.String())
	}
	if q.By != "" {
		r.Key = ds.Dim(q.By).Name
	}
	pooled := p.curve(km, -1, D, span)
	mature := -1
	if d, ok := pooled.QuantileAmongEvents(0.9); ok {
		mature = d
		r.MatureAfterDays = &d
	}
	if p.P > 0 {
		r.Period = q.Period.String()
	}
	ns := p.ns
	for g := 0; g < p.G; g++ {
		if km.last[g] == model.NoDay {
			continue
		}
		cv := p.curve(km, g, D, span)
		cells := p.P
		if cells == 0 {
			cells = 1
		}
		for pi := 0; pi < cells; pi++ {
			lo, hi := km.first[g], km.last[g]
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
			st := funnelOf(ds.Stages, deep, marked)
			for _, s := range st {
				co.Reached = append(co.Reached, s.Reached)
				co.Conversion = append(co.Conversion, stats.Ratio(s.Reached, co.Size))
			}
			co.Converted = st[target].Reached
			co.AgeDays, co.OldestDays = int(max(p.asOf-hi, 0)), int(max(p.asOf-lo, 0))
			expect := float64(co.Converted)
			for d := lo; d <= hi; d++ {
				if n := km.open[g*span+int(d-p.dataLo)]; n > 0 {
					co.Open += int(n)
					expect += float64(n) * cv.EventuallyAfter(int(p.asOf-d))
				}
			}
			co.Observed = stats.Ratio(co.Converted, co.Size)
			co.Estimated = expect / float64(co.Size)
			co.Immature = mature >= 0 && co.AgeDays < mature
			co.Few = co.Size < stats.MinSample
			r.Cohorts = append(r.Cohorts, co)
		}
	}
	return r
}
