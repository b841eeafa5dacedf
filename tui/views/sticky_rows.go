package views

import (
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/insight"
)

// StickyWindow is the default window of the sticky points: the last three
// complete calendar months on or before asOf (the day records entered the
// from-stage). ok is false when the data has no dates.
func StickyWindow(ds *model.Dataset, asOf int32) (w insight.Period, resolved int32, ok bool) {
	if !ds.HasDates {
		return insight.Period{}, model.NoDay, false
	}
	if asOf == model.NoDay || asOf == 0 {
		_, hi, found := ds.DayRange()
		if !found {
			return insight.Period{}, model.NoDay, false
		}
		asOf = hi
	}
	last := insight.DefaultCurrent(asOf)
	return insight.Months(model.MonthIndex(last.To), 3), asOf, true
}

// StickyOptionsFor are the options the sticky view and the report use.
func StickyOptionsFor(ds *model.Dataset, asOf int32) insight.StickyOptions {
	w, resolved, ok := StickyWindow(ds, asOf)
	if !ok {
		return insight.StickyOptions{AsOf: asOf}
	}
	return insight.StickyOptions{AsOf: resolved, From: w.From, To: w.To}
}
