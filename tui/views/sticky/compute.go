package sticky

import (
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
)

// data is one finished ranking (insight.FindSticky) and what it was asked.
type data struct {
	opt    insight.StickyOptions
	window insight.Period
	dated  bool
	res    insight.StickyResult
	// findings: significant and converting below the rest, in res order
	findings []insight.StickyPoint
	tooFew   int // slices below the minimum sample
	better   int // significant, converting above the rest
	// sel is the records the ranking is about (the state's filter, cut at
	// its as-of date); filter is that filter ("" for none); err is a filter
	// that could not be applied (nothing is ranked then).
	sel    *query.Selection
	filter string
	err    error
}

// computeFor ranks the sticky points of the records the state's filter
// selects, as of its date, in the whole data's calendar (the window is the
// same with or without a filter).
func computeFor(eng *query.Engine, st views.State) data {
	sel, err := views.Selection(eng, st)
	if err != nil {
		return data{err: err, filter: st.Filter}
	}
	d := compute(sel.Data, views.AnalysisDay(eng.Data(), st))
	d.sel, d.filter = sel, st.Filter
	return d
}

func compute(ds *model.Dataset, asOf int32) data {
	opt := insight.StickyOptionsFor(ds, asOf)
	w, _, dated := insight.StickyWindow(ds, asOf)
	d := data{opt: opt, window: w, dated: dated, res: insight.FindSticky(ds, opt)}
	for _, p := range d.res.Points {
		switch {
		case p.TooFew:
			d.tooFew++
		case p.Finding():
			d.findings = append(d.findings, p)
		case p.Significant:
			d.better++
		}
	}
	return d
}
