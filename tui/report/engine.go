package report

import (
	"fmt"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
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

// funnelAsOf is the funnel of ds counting only stage dates on or before
// asOf: the stage counts come from the engine, the monthly entries from
// Engine.Funnel (which honours asOf already). Without an as-of date it is
// Engine.Funnel alone, the overview's numbers.
func funnelAsOf(e *query.Engine, asOf int32) (query.Funnel, error) {
	ds := e.Data()
	f := e.Funnel(query.FunnelOptions{AsOf: asOf, Months: 12})
	if asOf == model.NoDay {
		return f, nil
	}
	if !ds.HasDates {
		return f, fmt.Errorf("--as-of needs stage dates; this data has none")
	}
	res, err := e.Compute(query.Query{AsOf: asOf})
	if err != nil {
		return f, err
	}
	f.Records = res.Records
	for k, s := range res.Whole.Stages {
		if k < len(f.Stages) {
			st := &f.Stages[k]
			st.Reached, st.Implied = s.Reached, s.Implied
			st.ConversionFromPrevious, st.ConversionFromTop = s.Step, s.Cumulative
		}
	}
	f.AsOf = res.AsOf
	return f, nil
}

// engineTrends counts, per period, the records reaching each stage with a
// date in the period (the explorer's trends view), up to the as-of date.
func engineTrends(e *query.Engine, p query.Period, asOf int32) (*Trends, error) {
	res, err := e.Compute(query.Query{Period: p, AsOf: asOf})
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
func cohorts(e *query.Engine, p query.Period, asOf int32) (*Cohorts, error) {
	res, err := e.Cohorts(query.CohortQuery{Query: query.Query{Period: p, AsOf: asOf}})
	if err != nil {
		return nil, err
	}
	c := &Cohorts{Period: res.Period, Target: res.Target, Stages: append([]string{}, res.Stages...),
		MatureAfterDays: res.MatureAfterDays, StageMatureAfterDays: res.StageMatureAfterDays, Method: res.Method, Rows: []CohortRow{}}
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
	return out, fmt.Sprintf("an entry %s is immature when its youngest possible member is younger than %d days "+
		"(90th percentile of entry to %s time among records that reached it) on %s", c.Period, *c.MatureAfterDays, c.Target, asOf)
}

// groupsAsOf fills records and reached per value code of dm from the
// engine's breakdown as of asOf (every value its own group: the report
// folds the small ones itself).
func groupsAsOf(e *query.Engine, dm *model.Dim, asOf int32, records []int, reached [][]int) error {
	ds := e.Data()
	res, err := e.Compute(query.Query{By: dm.Name, AsOf: asOf, MaxGroups: dm.Cardinality() + 1})
	if err != nil {
		return err
	}
	for _, g := range res.Groups {
		code, ok := dm.Code(g.Key)
		if !ok && g.Key == "(blank)" {
			code, ok = dm.Code("")
		}
		if !ok {
			return fmt.Errorf("breakdown as of %s: the engine's group %q is no value of %s", res.AsOf, g.Key, dm.Name)
		}
		records[code] = g.Records
		reached[code] = make([]int, len(ds.Stages))
		for k, st := range g.Stages {
			reached[code][k] = st.Reached
		}
	}
	return nil
}
