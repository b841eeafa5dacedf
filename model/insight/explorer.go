package insight

import "github.com/funnel-cli/funnel/model"

// The sticky points every screen and the report show: one window, one
// ranking, so the overview's top three are the sticky view's first three
// and the report's list.

// StickyWindow is the window of the sticky points the explorer and the
// report show: the last three complete calendar months on or before asOf
// (the day records entered the from-stage; DefaultCurrent). resolved is
// the as-of day (the data's last date for NoDay or 0); ok is false when
// the data has no dates.
func StickyWindow(ds *model.Dataset, asOf int32) (w Period, resolved int32, ok bool) {
	if !ds.HasDates {
		return Period{}, model.NoDay, false
	}
	if asOf == model.NoDay || asOf == 0 {
		hi, found := ds.LatestDay()
		if !found {
			return Period{}, model.NoDay, false
		}
		asOf = hi
	}
	last := DefaultCurrent(asOf)
	return Months(model.MonthIndex(last.To), 3), asOf, true
}

// StickyOptionsFor are the options of those sticky points: StickyWindow,
// every dimension, the default sample, FDR and ranking (lost conversions).
func StickyOptionsFor(ds *model.Dataset, asOf int32) StickyOptions {
	w, resolved, ok := StickyWindow(ds, asOf)
	if !ok {
		return StickyOptions{AsOf: asOf}
	}
	return StickyOptions{AsOf: resolved, From: w.From, To: w.To}
}

// Found lists the points that are findings (significant and converting
// below the rest), in the result's ranking.
func (r StickyResult) Found() []StickyPoint {
	var out []StickyPoint
	for _, p := range r.Points {
		if p.Finding() {
			out = append(out, p)
		}
	}
	return out
}
