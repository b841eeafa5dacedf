package sticky

import (
	"math/bits"

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

// lostRows lists the records behind a sticky point that did not convert:
// in the slice, entered the from-stage in the window, old enough to have
// converted (the transition's maturity) and not at the next stage by as-of.
// It counts the way insight.FindSticky does, so len = Entered − Converted.
func lostRows(ds *model.Dataset, res insight.StickyResult, opt insight.StickyOptions, p insight.StickyPoint) []int32 {
	d := ds.Dim(p.Dimension)
	if d == nil {
		return nil
	}
	want := p.Value
	if want == "(blank)" {
		want = ""
	}
	code, found := d.Code(want)
	if !found {
		return nil
	}
	k := p.FromStage
	maturity := 0
	for _, ti := range res.Transitions {
		if ti.FromStage == k {
			maturity = ti.MaturityDays
		}
	}
	asOf := opt.AsOf
	if asOf == 0 || asOf == model.NoDay {
		if _, hi, ok := ds.DayRange(); ok {
			asOf = hi
		}
	}
	to := opt.To
	if to == 0 || to == model.NoDay || to > asOf {
		to = asOf
	}
	last := asOf - int32(maturity)
	var rows []int32
	for i := range ds.Reached {
		if d.Codes.At(i) != code || !reachedAtLeast(ds, i, k) {
			continue
		}
		if ds.HasDates {
			e := entryDay(ds, i, k)
			if e == model.NoDay || e < opt.From || e > to || e > last {
				continue
			}
			if reachedAtLeast(ds, i, k+1) {
				if c := entryDay(ds, i, k+1); c == model.NoDay || c <= asOf {
					continue
				}
			}
		} else if reachedAtLeast(ds, i, k+1) {
			continue
		}
		rows = append(rows, int32(i))
	}
	return rows
}

func reachedAtLeast(ds *model.Dataset, i, k int) bool { return bits.Len16(ds.Reached[i])-1 >= k }

// entryDay is record i's date at stage k, or the first later date.
func entryDay(ds *model.Dataset, i, k int) int32 {
	for j := k; j < len(ds.Days); j++ {
		if d := ds.Days[j][i]; d != model.NoDay {
			return d
		}
	}
	return model.NoDay
}
