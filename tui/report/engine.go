package report

import (
	"fmt"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/model/stats"
	"github.com/funnel-cli/funnel/tui/format"
)

// This file is the report's use of the query engine (Engine.Compute and
// Engine.Cohorts): the stage counts as of a date, trends by week, quarter
// or year, and the cohorts section with its immature flags.

// period is the report's period: month unless the options name another.
func (o Options) period() query.Period {
	if o.Period == query.PeriodNone {
		return query.PeriodMonth
	}
	return o.Period
}

// asOf is the options' as-of day, model.NoDay for the last date in the data.
func (o Options) asOf() int32 {
	if o.AsOf == 0 {
		return model.NoDay
	}
	return o.AsOf
}

// asked is what the report's engine queries share, as the explorer's
// views ask them: the whole data's engine, the --where filter and the
// as-of date (q.Filters, q.AsOf).
type asked struct {
	e *query.Engine
	q query.Query
}

// query is a copy of the shared query to add to.
func (s asked) query() query.Query {
	q := s.q
	q.Filters = append([]filter.Filter(nil), s.q.Filters...)
	return q
}

// funnelAsOf is the overview's funnel of the selection as of the date
// (Engine.FunnelWhere: stage counts and 12 months of entries).
func funnelAsOf(s asked) (query.Funnel, error) {
	if s.q.AsOf != model.NoDay && !s.e.Data().HasDates {
		return query.Funnel{}, fmt.Errorf("--as-of needs stage dates; this data has none")
	}
	var f filter.Filter
	if len(s.q.Filters) > 0 {
		f = s.q.Filters[0]
	}
	return s.e.FunnelWhere(f, query.FunnelOptions{AsOf: s.q.AsOf, Months: 12})
}

// engineTrends counts, per period, the records reaching each stage with a
// date in the period (the explorer's trends view), up to the as-of date.
func engineTrends(s asked, p query.Period) (*Trends, error) {
	q := s.query()
	q.Period = p
	res, err := s.e.Compute(q)
	if err != nil {
		return nil, err
	}
	t := &Trends{Period: res.Period, Change: res.Change, Periods: []string{}, Stages: []TrendStage{}}
	for _, pi := range res.Periods {
		t.Periods = append(t.Periods, pi.Label)
	}
	for k, name := range res.Stages {
		e := make([]int, 0, len(res.Whole.Trend))
		for _, row := range res.Whole.Trend {
			e = append(e, row.Stages[k].Events)
		}
		t.Stages = append(t.Stages, TrendStage{Name: name, Entries: e})
	}
	return t, nil
}

// cohorts follows each entry period's cohort through the stages to the
// last stage: observed conversion, immaturity and the estimated eventual
// conversion (the cohorts view's numbers).
func cohorts(s asked, p query.Period) (*Cohorts, error) {
	q := s.query()
	q.Period = p
	res, err := s.e.Cohorts(query.CohortQuery{Query: q})
	if err != nil {
		return nil, err
	}
	c := &Cohorts{Period: res.Period, Target: res.Target, Stages: append([]string{}, res.Stages...),
		MatureAfterDays: res.MatureAfterDays, StageMatureAfterDays: res.StageMatureAfterDays, Method: res.Method, Rows: []CohortRow{},
		Undated: res.Undated, UndatedNote: res.UndatedNote()}
	for _, co := range res.Cohorts {
		c.Rows = append(c.Rows, CohortRow{Cohort: co.Period, Entered: co.Size,
			Reached: append([]int{}, co.Reached...), ConversionFromTop: append([]float64{}, co.Conversion...),
			Immature: co.Immature, ImmatureStages: co.ImmatureStages, EstimatedConversion: co.EstimatedConversion,
			Converted: co.Converted, Open: co.Open, Observed: co.Observed, Estimated: co.Estimated, Few: co.Few})
	}
	return c, nil
}

// immatureFrom lists the immature cohorts and states the rule.
func immatureFrom(c *Cohorts, asOf string) ([]string, string) {
	out := []string{}
	for _, r := range c.Rows {
		if r.Immature {
			out = append(out, r.Cohort)
		}
	}
	if c.MatureAfterDays == nil {
		return out, fmt.Sprintf("maturity unknown: no record reached %s", c.Target)
	}
	return out, fmt.Sprintf("an entry %s is immature when its youngest possible member is younger than %s "+
		"(90th percentile of entry to %s time among records that reached it) on %s", c.Period, format.Plural(*c.MatureAfterDays, "day", "days"), c.Target, asOf)
}

// breakdown is the engine's breakdown by a dimension, every
// value its own group, the top values kept and the rest merged
// (Result.Top).
func breakdown(s asked, by string, top int) (*Breakdown, error) {
	dm := s.e.Data().Dim(by)
	q := s.query()
	q.By, q.MaxGroups = dm.Name, dm.Cardinality()+1
	res, err := s.e.Compute(q)
	if err != nil {
		return nil, err
	}
	kept, rest, merged := res.Top(top)
	b := &Breakdown{Dimension: dm.Name, Stages: append([]string{}, res.Stages...), MinRecords: stats.MinSample,
		OtherValues: merged, Groups: []Group{}}
	for _, g := range kept {
		b.Groups = append(b.Groups, group(g))
	}
	if rest != nil {
		b.Groups = append(b.Groups, group(*rest))
	}
	return b, nil
}

func group(s query.Slice) Group {
	v := s.Key
	if v == "" {
		v = "(blank)"
	}
	g := Group{Value: v, Records: s.Records, Small: s.Records < stats.MinSample}
	for _, st := range s.Stages {
		g.Reached = append(g.Reached, st.Reached)
		g.ConversionFromTop = append(g.ConversionFromTop, st.Cumulative)
	}
	return g
}

// times are the engine's step times and stalled counts: the
// stage detail's numbers (nil, nil without stage dates).
func times(s asked) (*query.VelocityResult, *query.StalledResult, error) {
	if !s.e.Data().HasDates {
		return nil, nil, nil
	}
	v, err := s.e.Velocity(s.query())
	if err != nil {
		return nil, nil, err
	}
	st, err := s.e.Stalled(s.query(), 1) // the counts; the list is the explorer's
	if err != nil {
		return nil, nil, err
	}
	return v, st, nil
}

// velocity is one row per step: the engine's times and, at the step's
// first stage, the open records past its p90 (null when no record has
// moved on, so none can be called stalled).
func velocity(ds *model.Dataset, vel *query.VelocityResult, stalled *query.StalledResult) []Velocity {
	out := []Velocity{}
	for k := 1; k < len(ds.Stages); k++ {
		v := Velocity{From: ds.Stages[k-1], To: ds.Stages[k]}
		if vel != nil && k-1 < len(vel.Whole.Steps) {
			st := vel.Whole.Steps[k-1]
			v.Records, v.Open, v.Left = st.Moved, st.Open, st.Left
			v.MedianDays, v.P75Days, v.P90Days = days(st.Median), days(st.P75), days(st.P90)
		}
		if stalled != nil && k-1 < len(stalled.Thresholds) {
			if th := stalled.Thresholds[k-1]; th.P90Days != nil {
				n := th.Stalled
				v.Stalled = &n
			}
		}
		out = append(out, v)
	}
	return out
}

// days copies a time in days (nil stays nil).
func days(d *float64) *float64 {
	if d == nil {
		return nil
	}
	v := *d
	return &v
}
