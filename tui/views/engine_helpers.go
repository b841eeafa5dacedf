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
// loop (a pass over every row).
func (o *Overview) funnelCmd() tea.Cmd {
	eng, st, gen := o.common.Engine, o.state, o.gen
	return func() tea.Msg {
		return overviewFunnelMsg{gen: gen, funnel: stateFunnel(eng, st)}
	}
}

// stateFunnel is the overview's funnel for the state: the records its
// filter selects, as of its date (Engine.FunnelWhere, the engine's counts).
func stateFunnel(eng *query.Engine, st State) query.Funnel {
	opt := query.FunnelOptions{AsOf: st.AsOf, Months: 12}
	var flt filter.Filter
	if st.Filter != "" {
		var err error
		if flt, err = filter.Parse(st.Filter, eng.Data()); err != nil {
			f := eng.Funnel(opt)
			f.Warnings = append(f.Warnings, "showing all records, the filter does not parse: "+err.Error())
			return f
		}
	}
	f, err := eng.FunnelWhere(flt, opt)
	if err != nil {
		f = eng.Funnel(opt)
		f.Warnings = append(f.Warnings, "showing all records: "+err.Error())
	}
	return f
}
