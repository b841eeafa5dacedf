package overview

import (
	"math"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/views"
)

// Where the overview's numbers come from: the stage table is
// Engine.FunnelWhere, the vs-prev column insight.ComparePeriods, the
// sticky points insight.FindSticky, the `$` columns money.ByStage. Each
// runs in a Cmd (views.Job), off the event loop.

// funnelCmd computes the overview's funnel for its state (a pass over
// every row).
func (o *Model) funnelCmd() tea.Cmd {
	eng, st := o.common.Engine, o.state
	return o.funnelJob.Start(func() query.Funnel { return stateFunnel(eng, st) })
}

// stateFunnel is the overview's funnel for the state: the records its
// filter selects, as of its date (Engine.FunnelWhere, the engine's counts).
func stateFunnel(eng *query.Engine, st views.State) query.Funnel {
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

// insights is what the overview shows beyond counts: each stage's change
// against the previous period and the top sticky points.
type insights struct {
	compare insight.Comparison
	sticky  insight.StickyResult
	// mix explains the biggest significant rate change (mix shift by
	// channel or rates within channels) and propagation how the count
	// change travelled down the funnel.
	mix         *insight.MixShift
	propagation insight.Propagation
	// dimsLater: worked out on a deferred load's first part (no
	// dimension): sticky and mix are not computed yet (dimsCmd).
	dimsLater bool
	// sel is the selection the insights are about; scope says so ("" when
	// unfiltered); err is a filter that could not be applied.
	sel   *query.Selection
	scope string
	err   error
}

// insightsCmd runs the period comparison and sticky finder on the records
// the state's filter selects as of its date.
func (o *Model) insightsCmd() tea.Cmd {
	eng, st := o.common.Engine, o.state
	return o.insightJob.Start(func() insights { return computeInsights(eng, st) })
}

func computeInsights(eng *query.Engine, st views.State) insights {
	whole := eng.Data()
	sel, err := views.Selection(eng, st)
	if err != nil {
		return insights{err: err}
	}
	ds, asOf := sel.Data, views.AnalysisDay(whole, st)
	cmp := insight.ComparePeriods(ds, insight.CompareOptions{AsOf: asOf, Dims: []string{}, SkipYearBefore: true})
	cur := insight.DefaultCurrent(asOf)
	res := insights{compare: cmp, sel: sel, scope: views.ScopeNote(sel, st.Filter)}
	res.propagation = insight.TracePropagation(ds, insight.PropagationOptions{AsOf: asOf, Current: cur})
	if whole.Load.DimsSkipped {
		// A deferred load's first part has no dimension, so no slice to
		// test: the sticky points and the mix shift wait for the engine
		// with them (a CommonMsg), never "no slice converts worse".
		res.dimsLater = true
		return res
	}
	// the sticky view's points (same window, test and ranking)
	res.sticky = insight.FindSticky(ds, insight.StickyOptionsFor(ds, asOf))
	res.mix = mixShift(ds, cmp, asOf)
	return res
}

// mixShift explains the biggest significant rate change by channel (nil
// when there is none, or no channel).
func mixShift(ds *model.Dataset, cmp insight.Comparison, asOf int32) *insight.MixShift {
	d, ok := biggestRateChange(cmp)
	if !ok || ds.Dim("channel") == nil {
		return nil
	}
	cur := insight.DefaultCurrent(asOf)
	m, err := insight.MixShiftFor(ds, d.FromStage, "channel", cur.Previous(), cur, asOf)
	if err != nil {
		return nil
	}
	return &m
}

// dimsCmd works out the sticky points and the mix shift once the
// dimensions of a deferred load are in (they arrive with the engine in a
// CommonMsg); the period comparison and the propagation, which no
// dimension changes, are kept.
func (o *Model) dimsCmd() tea.Cmd {
	in := o.insights
	if in == nil || in.err != nil || !in.dimsLater || o.common.Data().Load.DimsSkipped {
		return nil
	}
	eng, st, kept := o.common.Engine, o.state, *in
	return o.insightJob.Start(func() insights {
		sel, err := views.Selection(eng, st)
		if err != nil {
			return insights{err: err}
		}
		ds, asOf := sel.Data, views.AnalysisDay(eng.Data(), st)
		r := kept
		r.sel, r.dimsLater = sel, false
		r.sticky = insight.FindSticky(ds, insight.StickyOptionsFor(ds, asOf))
		r.mix = mixShift(ds, r.compare, asOf)
		return r
	})
}

// biggestRateChange is the whole-population step whose rate moved most
// among those that changed significantly against the previous period.
func biggestRateChange(c insight.Comparison) (insight.PeriodDelta, bool) {
	var best insight.PeriodDelta
	found := false
	for _, d := range c.Deltas {
		if d.Dimension == "" && d.Against == "previous" && d.RateSig && (!found || math.Abs(d.RateChange) > math.Abs(best.RateChange)) {
			best, found = d, true
		}
	}
	return best, found
}

// stageMoney is the overview's money columns (the `$` toggle), per stage
// (money.ByStage), or why there are none.
type stageMoney struct {
	money.StageValues
	err error
}

// moneyCmd computes the money columns on the records the state's filter
// selects as of its date.
func (o *Model) moneyCmd() tea.Cmd {
	c, st := o.common, o.state
	return o.moneyJob.Start(func() stageMoney {
		sel, err := views.Selection(c.Engine, st)
		if err != nil {
			return stageMoney{err: err}
		}
		return computeStageMoney(views.OnSelection(c, sel, st))
	})
}

// computeStageMoney is the money per stage of c's data.
func computeStageMoney(c views.Common) stageMoney {
	sv, err := money.ByStage(c.Data(), c.Money)
	return stageMoney{StageValues: sv, err: err}
}

// recordsCmd opens the records at stage k or past it, among those the
// filter selects as of the state's date. Selecting is a pass over every
// row (cached once the insights have run), so it runs in a Cmd.
func (o *Model) recordsCmd(k int) tea.Cmd {
	c, st := o.common, o.state
	return func() tea.Msg {
		sel, err := views.Selection(c.Engine, st)
		if err != nil {
			return nil
		}
		title := "reached " + c.Data().Stages[k]
		if st.Filter != "" {
			title += " where " + st.Filter
		}
		return views.DrillMsg{To: views.DrillRecords, Title: title, Rows: sel.OriginalRows(reachedRows(sel.Data, k))}
	}
}

// reachedRows lists the records of ds at stage k or past it.
func reachedRows(ds *model.Dataset, k int) []int32 {
	var rows []int32
	for i := range ds.Reached {
		if ds.Deepest(i) >= k {
			rows = append(rows, int32(i))
		}
	}
	return rows
}
