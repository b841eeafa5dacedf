package report

import (
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/insight"
)

// stickyPoints lists the sticky points of ds exactly as the explorer's
// sticky view and overview do (insight.StickyOptionsFor: the same window,
// test and ranking): only the findings, by lost conversions. ds is the
// selection's data and asOf its day (the whole data's calendar, as in the
// explorer; model.NoDay when the data has no dates).
func stickyPoints(ds *model.Dataset, asOf int32) []StickyPoint {
	res := insight.FindSticky(ds, insight.StickyOptionsFor(ds, asOf))
	out := []StickyPoint{}
	for _, p := range res.Found() {
		out = append(out, StickyPoint{Stage: p.Stage, Dimension: p.Dimension, Value: p.Value, Parent: p.Parent, Entered: p.Entered,
			Converted: p.Converted, Rate: p.Rate, CILow: p.CILow, CIHigh: p.CIHigh, BaselineRate: p.BaselineRate,
			LostConversions: p.LostConversions, QValue: p.QValue})
	}
	return out
}
