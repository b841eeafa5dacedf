package query

import (
	"fmt"
	"sort"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// result derives every number of a Result from the dense counts.
func (p *plan) result(q Query, c *counts) *Result {
	ds := p.ds
	r := &Result{
		Total: ds.Len(), AsOf: model.DayString(p.asOf), TimeZone: TimeZoneNote,
		Stages: append([]string(nil), ds.Stages...),
	}
	if p.asOf == model.MaxDay {
		r.AsOf = ""
	}
	var parts []string
	for _, f := range q.Filters {
		if s := f.String(); s != "" {
			parts = append(parts, s)
		}
	}
	for i, s := range parts {
		if i > 0 {
			r.Filter += " "
		}
		r.Filter += s
	}
	if q.By != "" {
		r.By = ds.Dim(q.By).Name
	}
	if q.Period != PeriodNone {
		r.Period, r.Change = q.Period.String(), q.Period.ChangeName()
		r.Periods = p.pt.periods
		if q.Period == PeriodWeek {
			r.WeekStart = model.WeekdayName(q.WeekStart)
		}
	}
	// The whole selection is the sum over groups.
	whole := c.sumGroups()
	r.Whole = p.slice("", whole, 0)
	r.Records = r.Whole.Records
	r.Warnings = append(r.Warnings, r.Whole.Warnings...)
	if q.By != "" {
		for g, key := range p.groups {
			s := p.slice(key, c, g)
			if s.Records == 0 {
				continue
			}
			r.Groups = append(r.Groups, s)
		}
	}
	if !ds.HasDates && p.cut {
		r.Warnings = append(r.Warnings, "the data has no stage dates: as-of cannot exclude later events")
	}
	// Inferred stage dates are the dataset's (ds.DatesInferred): the
	// report's header and the overview say so once, not as a warning too.
	return r
}

// funnelOf turns a deepest-stage histogram and marked counts into stages;
// unknown (nil: none) counts by deepest stage the records that may have
// got further, whom the next step leaves out.
func funnelOf(names []string, deep, marked, unknown []int64) []StageStats {
	ns := len(names)
	st := make([]StageStats, ns)
	run := int64(0)
	for k := ns - 1; k >= 0; k-- {
		run += deep[k+1]
		st[k] = StageStats{Name: names[k], Reached: int(run), Marked: int(marked[k]), Implied: int(run - marked[k])}
		if unknown != nil {
			st[k].Unknown = int(unknown[k])
		}
	}
	stepsOf(st)
	return st
}

// stepsOf sets each stage's Step and Cumulative from Reached, the step
// out of a stage leaving out its Unknown.
func stepsOf(st []StageStats) {
	for k := range st {
		if st[0].Reached == 0 {
			break
		}
		st[k].Step, st[k].Cumulative = 1, 1
		if k > 0 {
			st[k].Step = stats.Ratio(st[k].Reached, st[k-1].Reached-st[k-1].Unknown)
			st[k].Cumulative = stats.Ratio(st[k].Reached, st[0].Reached)
		}
	}
}

func (p *plan) slice(key string, c *counts, g int) Slice {
	ns, P1 := c.ns, c.P1
	s := Slice{Key: key}
	deep := make([]int64, ns+1)
	marked := make([]int64, ns)
	var unknown []int64
	if c.unknown != nil {
		unknown = make([]int64, ns)
	}
	for pi := 0; pi < P1; pi++ {
		cell := g*P1 + pi
		for k := 0; k <= ns; k++ {
			deep[k] += int64(c.deep[cell*(ns+1)+k])
		}
		for k := 0; k < ns; k++ {
			marked[k] += int64(c.marked[cell*ns+k])
			if unknown != nil {
				unknown[k] += int64(c.unknown[cell*ns+k])
			}
		}
	}
	for _, v := range deep {
		s.Records += int(v)
	}
	s.NoStage = int(deep[0])
	if p.P > 0 {
		for k := 0; k <= ns; k++ {
			s.NoPeriod += int(c.deep[(g*P1+P1-1)*(ns+1)+k])
		}
	}
	s.Stages = funnelOf(p.ds.Stages, deep, marked, unknown)
	for k := range s.Stages {
		st := &s.Stages[k]
		e := func(kind model.ExitKind) int { return c.exitCount(g, k+1, kind) }
		st.Left = ExitCounts{Open: e(model.ExitOpen), Disqualified: e(model.ExitDisqualified), Lost: e(model.ExitLost), Churned: e(model.ExitChurned), Won: e(model.ExitWon)}
		if p.ds.Reason != nil {
			for code, n := range c.reasonCounts(g, k+1) {
				if n > 0 {
					st.Reasons = append(st.Reasons, ReasonCount{Reason: p.ds.Reason.Values[code], Count: int(n)})
				}
			}
			sort.SliceStable(st.Reasons, func(a, b int) bool { return st.Reasons[a].Count > st.Reasons[b].Count })
		}
		if k > 0 && marked[k] > marked[k-1] {
			who := "all records"
			if key != "" {
				who = fmt.Sprintf("%q", key)
			}
			s.Warnings = append(s.Warnings, fmt.Sprintf(
				"%s: %d records are marked %s but only %d %s: stage order or data may be off",
				who, marked[k], p.ds.Stages[k], marked[k-1], p.ds.Stages[k-1]))
		}
	}
	if p.P > 0 {
		s.Trend = p.trend(c, g)
	}
	return s
}

func (p *plan) trend(c *counts, g int) []PeriodRow {
	ns, P1 := c.ns, c.P1
	rows := make([]PeriodRow, p.P)
	// one backing array for all relative deltas and changes: a weekly trend
	// by 50 owners would otherwise make tens of thousands of small objects
	rels := make([]float64, 0, p.P*ns*4)
	changes := make([]PeriodChange, p.P*ns)
	stages := make([]PeriodStage, p.P*ns)
	delta := func(cur, prev float64) Delta {
		d := Delta{Abs: cur - prev}
		if prev != 0 {
			rels = append(rels, (cur-prev)/prev)
			d.Rel = &rels[len(rels)-1]
		}
		return d
	}
	deep := make([]int64, ns+1)
	marked := make([]int64, ns)
	var unknown []int64
	if c.unknown != nil {
		unknown = make([]int64, ns)
	}
	for pi := 0; pi < p.P; pi++ {
		cell := g*P1 + pi
		for k := 0; k <= ns; k++ {
			deep[k] = int64(c.deep[cell*(ns+1)+k])
		}
		for k := 0; k < ns; k++ {
			marked[k] = int64(c.marked[cell*ns+k])
			if unknown != nil {
				unknown[k] = int64(c.unknown[cell*ns+k])
			}
		}
		st := funnelOf(p.ds.Stages, deep, marked, unknown)
		row := PeriodRow{Period: p.pt.periods[pi].Label, Stages: stages[pi*ns : (pi+1)*ns : (pi+1)*ns]}
		for _, v := range deep[1:] {
			row.Entered += int(v)
		}
		for k := range st {
			ps := PeriodStage{Reached: st[k].Reached, Step: st[k].Step, Cumulative: st[k].Cumulative,
				Events: int(c.events[cell*ns+k])}
			if row.Entered == 0 {
				ps.Step, ps.Cumulative = 0, 0
			}
			if pi > 0 {
				prev := rows[pi-1].Stages[k]
				ch := &changes[pi*ns+k]
				*ch = PeriodChange{
					Events:     delta(float64(ps.Events), float64(prev.Events)),
					Reached:    delta(float64(ps.Reached), float64(prev.Reached)),
					Step:       delta(ps.Step, prev.Step),
					Cumulative: delta(ps.Cumulative, prev.Cumulative),
				}
				ps.Change = ch
			}
			row.Stages[k] = ps
		}
		rows[pi] = row
	}
	return rows
}
