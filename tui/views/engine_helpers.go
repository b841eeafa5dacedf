package views

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// engineQuery turns the explorer's state into an engine query: the filter
// parsed by the engine, the period and the as-of date.
func engineQuery(ds *model.Dataset, st State) (query.Query, error) {
	q := query.Query{Period: statePeriod(st), AsOf: st.AsOf}
	if st.Filter != "" {
		f, err := filter.Parse(st.Filter, ds)
		if err != nil {
			return q, err
		}
		q.Filters = []filter.Filter{f}
	}
	q.LastPeriods = lastPeriods(q.Period)
	return q, nil
}

// statePeriod is the state's period, month when unset or unknown.
func statePeriod(st State) query.Period {
	p, err := query.ParsePeriod(st.Period)
	if err != nil || p == query.PeriodNone {
		return query.PeriodMonth
	}
	return p
}

// lastPeriods is how many periods a trend shows: about two years.
func lastPeriods(p query.Period) int {
	switch p {
	case query.PeriodWeek:
		return 26
	case query.PeriodQuarter:
		return 12
	case query.PeriodYear:
		return 0
	}
	return 24
}

// filteredFunnel is the overview's funnel under the state's filter, from
// the engine: 12 months of entries per stage for the sparklines.
func filteredFunnel(eng *query.Engine, st State) (query.Funnel, error) {
	q, err := engineQuery(eng.Data(), st)
	if err != nil {
		return query.Funnel{}, err
	}
	q.Period, q.LastPeriods = query.PeriodMonth, 12
	r, err := eng.Compute(q)
	if err != nil {
		return query.Funnel{}, err
	}
	return funnelFromResult(r), nil
}

func funnelFromResult(r *query.Result) query.Funnel {
	f := query.Funnel{Records: r.Whole.Records, AsOf: r.AsOf, Warnings: append(r.Warnings, r.Whole.Warnings...)}
	for _, p := range r.Periods {
		f.Months = append(f.Months, p.Label)
	}
	for k, s := range r.Whole.Stages {
		sc := query.StageCount{Name: s.Name, Reached: s.Reached, Implied: s.Implied,
			ConversionFromPrevious: s.Step, ConversionFromTop: s.Cumulative}
		if len(r.Periods) > 0 {
			sc.Monthly = make([]int, len(r.Whole.Trend))
			for i, row := range r.Whole.Trend {
				sc.Monthly[i] = row.Stages[k].Events
			}
		}
		f.Stages = append(f.Stages, sc)
	}
	if len(f.Stages) > 0 && f.Stages[0].Reached > 0 {
		f.Stages[0].ConversionFromPrevious = 1
	}
	return f
}

// days formats an optional day count.
func days(d *int) string {
	if d == nil {
		return "—"
	}
	return fmt.Sprintf("%d d", *d)
}

// daysF formats an optional time in days: a tenth under ten days, whole
// days above.
func daysF(d *float64) string {
	switch {
	case d == nil:
		return "—"
	case *d < 10:
		return fmt.Sprintf("%.1f d", *d)
	}
	return fmt.Sprintf("%.0f d", *d)
}

type overviewFunnelMsg struct {
	gen    int
	funnel query.Funnel
}

// funnelCmd computes the overview's funnel for its state off the event
// loop (a pass over every row): the whole data set without a filter, the
// engine's filtered funnel with one.
func (o *Overview) funnelCmd() tea.Cmd {
	eng, st, gen := o.common.Engine, o.state, o.gen
	return func() tea.Msg {
		return overviewFunnelMsg{gen: gen, funnel: stateFunnel(eng, st)}
	}
}

func stateFunnel(eng *query.Engine, st State) query.Funnel {
	if st.Filter == "" {
		return eng.Funnel(query.FunnelOptions{AsOf: st.AsOf, Months: 12})
	}
	f, err := filteredFunnel(eng, st)
	if err != nil {
		f = eng.Funnel(query.FunnelOptions{AsOf: st.AsOf, Months: 12})
		f.Warnings = append(f.Warnings, "showing all records, the filter does not parse: "+err.Error())
	}
	return f
}
