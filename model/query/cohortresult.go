package query

import (
	"fmt"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// cohortResult turns a cohort pass into the result: per cohort its counts,
// its observed and estimated rates and whether it is still maturing.
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
		for g := 0; g < p.G; g++ {
			cell := g*c.P1 + p.P // the row of records in no period
			for _, v := range c.deep[cell*(ns+1) : (cell+1)*(ns+1)] {
				r.Undated += int(v)
			}
		}
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

// UndatedNote says how many of the selection's records are in no cohort
// for want of an entry date ("" when none is).
func (r *CohortResult) UndatedNote() string {
	switch {
	case r.Undated == 0:
		return ""
	case r.Undated == 1:
		return "1 record has no entry date and is in no cohort"
	}
	return fmt.Sprintf("%s records have no entry date and are in no cohort", countString(r.Undated))
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

// countString writes n with thousands separators (12,345), as the screens
// and the report write counts.
func countString(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + countString(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
