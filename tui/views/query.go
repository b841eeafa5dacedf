package views

import (
	"fmt"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/format"
)

// How the explorer's State becomes a question to the model layer; every
// view's compute.go starts here.

// Query turns the explorer's state into an engine query: the filter
// parsed by the engine, the period and the as-of date.
func Query(ds *model.Dataset, st State) (query.Query, error) {
	q := query.Query{Period: Period(st), AsOf: st.AsOf}
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

// Period is the state's period, month when unset or unknown.
func Period(st State) query.Period {
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

// Selection is the part of the data the state asks about: the records
// the filter selects, cut at the as-of date (Engine.Select, cached per
// filter and as-of, so views switching back and forth share one copy). It
// runs a pass over every row the first time: call it from a Cmd, never
// from Update or View.
func Selection(eng *query.Engine, st State) (*query.Selection, error) {
	var f filter.Filter
	if st.Filter != "" {
		var err error
		if f, err = filter.Parse(st.Filter, eng.Data()); err != nil {
			return nil, err
		}
	}
	return eng.Select(f, st.AsOf)
}

// AnalysisDay is the as-of day handed to the insight functions: the
// state's, or the whole data's latest day (Dataset.LatestDay). A filtered subset
// thus keeps the whole data's calendar (its current month, its sticky
// window) instead of ending on its own last record.
func AnalysisDay(ds *model.Dataset, st State) int32 {
	if st.AsOf != model.NoDay && st.AsOf != 0 {
		return st.AsOf
	}
	if hi, ok := ds.LatestDay(); ok {
		return hi
	}
	return model.NoDay
}

// ScopeNote says which records a view's numbers are about when a filter is
// set: "where channel=chat: 4,012 of 20,000 records" ("" without a filter).
func ScopeNote(sel *query.Selection, filter string) string {
	if filter == "" || sel == nil {
		return ""
	}
	return fmt.Sprintf("where %s: %s of %s records", format.Clean(filter), format.Count(sel.Records), format.Count(sel.Total))
}

// OnSelection is c with its data replaced by the selection's, for the
// money functions that take a Common; money is counted as of the
// selection's day when a filter or an as-of date is set (the whole data's
// last day otherwise, as before).
func OnSelection(c Common, sel *query.Selection, st State) Common {
	c.Engine = sel.Engine
	c.Money = money.ScopeOptions(c.Money, sel, st.AsOf)
	return c
}

// SpendFor is the spend that belongs with a selection (money.ScopeSpend: the
// report's money section scopes it the same way) and notes saying what
// was left out.
func SpendFor(c Common, sel *query.Selection, st State) ([]money.SpendRow, []string) {
	return money.ScopeSpend(c.Data(), c.Spend, sel, st.Filter, st.AsOf, c.Money)
}

// FilteredTitle names a view and, when one is set, the filter its numbers
// are under: "Money where channel=chat".
func FilteredTitle(name, filter string) string {
	if filter == "" {
		return name
	}
	return name + " where " + format.Clean(filter)
}
