package views

import (
	"fmt"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/scope"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// stateSelection is the part of the data the state asks about: the
// records the filter selects, cut at the as-of date (Engine.Select, cached
// per filter and as-of, so views switching back and forth share
// one copy). It runs a pass over every row the first time: call it from a
// Cmd, never from Update or View.
func stateSelection(eng *query.Engine, st State) (*query.Selection, error) {
	var f filter.Filter
	if st.Filter != "" {
		var err error
		if f, err = filter.Parse(st.Filter, eng.Data()); err != nil {
			return nil, err
		}
	}
	return eng.Select(f, st.AsOf)
}

// analysisDay is the as-of day handed to the insight functions: the
// state's, or the last stage date of the whole data. A filtered subset
// thus keeps the whole data's calendar (its current month, its sticky
// window) instead of ending on its own last record.
func analysisDay(ds *model.Dataset, st State) int32 {
	if st.AsOf != model.NoDay && st.AsOf != 0 {
		return st.AsOf
	}
	if _, hi, ok := ds.DayRange(); ok {
		return hi
	}
	return model.NoDay
}

// scopeNote says which records a view's numbers are about when a filter is
// set: "where channel=chat: 4,012 of 20,000 records" ("" without a filter).
func scopeNote(sel *query.Selection, filter string) string {
	if filter == "" || sel == nil {
		return ""
	}
	return fmt.Sprintf("where %s: %s of %s records", widgets.Clean(filter), widgets.Count(sel.Records), widgets.Count(sel.Total))
}

// onSelection is c with its data replaced by the selection's, for the
// money functions that take a Common; money is counted as of the
// selection's day when a filter or an as-of date is set (the whole data's
// last day otherwise, as before).
func onSelection(c Common, sel *query.Selection, st State) Common {
	c.Engine = sel.Engine
	c.Money = scope.MoneyOptions(c.Money, sel, st.AsOf)
	return c
}

// filteredTitle names a view and, when one is set, the filter its numbers
// are under: "Money where channel=chat".
func filteredTitle(name, filter string) string {
	if filter == "" {
		return name
	}
	return name + " where " + widgets.Clean(filter)
}
