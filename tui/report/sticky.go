package report

import (
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/insight"
)

// stickyPoints lists the sticky points of ds the way the explorer's sticky
// view does: every transition × dimension value whose records entered the
// from-stage in the last three complete months before the as-of date
// (immature records left out), tested against the rest of the population
// with Benjamini–Hochberg at 5%, at least stats.MinSample entering; only the findings
// (significant and converting below the rest), by lost conversions. ds is
// the selection's data and asOf its day (the whole data's calendar, as in
// the explorer; model.NoDay when the data has no dates).
func stickyPoints(ds *model.Dataset, asOf int32) []StickyPoint {
	opt := insight.StickyOptions{}
	if ds.HasDates && asOf != model.NoDay && asOf != 0 {
		w := insight.Months(model.MonthIndex(insight.DefaultCurrent(asOf).To), 3)
		opt = insight.StickyOptions{AsOf: asOf, From: w.From, To: w.To}
	}
	res := insight.FindSticky(ds, opt)
	out := []StickyPoint{}
	for _, p := range res.Points {
		if !p.Finding() {
			continue
		}
		out = append(out, StickyPoint{Stage: p.Stage, Dimension: p.Dimension, Value: p.Value, Parent: p.Parent, Entered: p.Entered,
			Converted: p.Converted, Rate: p.Rate, CILow: p.CILow, CIHigh: p.CIHigh, BaselineRate: p.BaselineRate,
			LostConversions: p.LostConversions, QValue: p.QValue})
	}
	return out
}
