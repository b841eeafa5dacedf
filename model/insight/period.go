package insight

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// Period is a range of days, both ends included.
type Period struct {
	From int32 `json:"-"`
	To   int32 `json:"-"`
}

// Days is the period's length in days.
func (p Period) Days() int { return int(p.To-p.From) + 1 }

// String formats the period as "YYYY-MM-DD..YYYY-MM-DD" (or "YYYY-MM" for a
// whole month).
func (p Period) String() string {
	if mi := model.MonthIndex(p.From); p.From == model.MonthStart(mi) && p.To == model.MonthStart(mi+1)-1 {
		return model.MonthLabel(mi)
	}
	return model.DayString(p.From) + ".." + model.DayString(p.To)
}

// Months is the run of `months` whole calendar months ending with month index last.
func Months(last, months int) Period {
	return Period{From: model.MonthStart(last - months + 1), To: model.MonthStart(last+1) - 1}
}

// monthAligned reports whether p is whole months, and which and how many.
func (p Period) monthAligned() (last, months int, ok bool) {
	a, b := model.MonthIndex(p.From), model.MonthIndex(p.To)
	if p.From == model.MonthStart(a) && p.To == model.MonthStart(b+1)-1 {
		return b, b - a + 1, true
	}
	return 0, 0, false
}

// Previous is the period of the same length just before p (the previous
// months when p is whole months).
func (p Period) Previous() Period {
	if last, n, ok := p.monthAligned(); ok {
		return Months(last-n, n)
	}
	d := p.To - p.From + 1
	return Period{From: p.From - d, To: p.To - d}
}

// YearBefore is the same period one year earlier.
func (p Period) YearBefore() Period {
	if last, n, ok := p.monthAligned(); ok {
		return Months(last-12, n)
	}
	shift := func(z int32) int32 {
		y, m, d := model.CivilFromDay(z)
		if m == 2 && d == 29 {
			d = 28
		}
		return model.DayFromCivil(y-1, m, d)
	}
	return Period{From: shift(p.From), To: shift(p.To)}
}

// CompareOptions configure ComparePeriods.
type CompareOptions struct {
	// AsOf: 0 or NoDay means the last date in the data.
	AsOf int32
	// Current is the period to explain; zero means the last whole calendar
	// month ending on or before AsOf.
	Current Period
	// Dims to slice by (nil = all with at most 500 values; empty = totals only).
	Dims              []string
	MinSample         int     // default stats.MinSample
	FDR               float64 // default 0.05
	MaturityQuantile  float64 // default 0.9
	SkipYearBefore    bool
	SkipPreviousMonth bool
}

// PeriodDelta compares one stage (and slice) in the current period with a
// reference period. Counts are records entering the stage in each period;
// rates are the step conversion to the next stage within the horizon, over
// records that entered long enough before AsOf to have had that time.
type PeriodDelta struct {
	Stage     string `json:"stage"`
	FromStage int    `json:"from_stage"`
	Dimension string `json:"dimension,omitempty"` // "" for the whole population
	Value     string `json:"value,omitempty"`
	Against   string `json:"against"` // "previous" or "year_before"

	CountNow    int     `json:"count_now"`
	CountThen   int     `json:"count_then"`
	CountChange float64 `json:"count_change"` // relative, per day of each period
	CountP      float64 `json:"count_p"`
	CountQ      float64 `json:"count_q"`
	CountSig    bool    `json:"count_significant"`

	HorizonDays int     `json:"horizon_days,omitempty"`
	EnteredNow  int     `json:"entered_now"` // mature, for the rate
	EnteredThen int     `json:"entered_then"`
	RateNow     float64 `json:"rate_now"`
	RateThen    float64 `json:"rate_then"`
	RateChange  float64 `json:"rate_change"` // points (0.05 = +5 points)
	RateP       float64 `json:"rate_p"`
	RateQ       float64 `json:"rate_q"`
	RateSig     bool    `json:"rate_significant"`
	// TooFew: the rate (or count) had fewer than MinSample records and was not tested.
	RateTooFew  bool `json:"rate_too_few"`
	CountTooFew bool `json:"count_too_few"`
}

// Comparison is the period comparison.
type Comparison struct {
	AsOf        string        `json:"as_of"`
	Current     string        `json:"current"`
	Previous    string        `json:"previous,omitempty"`
	YearBefore  string        `json:"year_before,omitempty"`
	Comparisons int           `json:"comparisons"`
	FDR         float64       `json:"fdr"`
	Deltas      []PeriodDelta `json:"deltas"`
	Notes       []string      `json:"notes,omitempty"`
}

// DefaultCurrent is the last whole calendar month ending on or before asOf.
func DefaultCurrent(asOf int32) Period {
	mi := model.MonthIndex(asOf)
	if asOf != model.MonthStart(mi+1)-1 {
		mi--
	}
	return Months(mi, 1)
}

// ComparePeriods compares every stage, in total and per slice, between the
// current period and the previous one and the same period a year before,
// with a count test (Poisson, per day) and a rate test (two-proportion or
// exact), Benjamini–Hochberg across all of them.
func ComparePeriods(ds *model.Dataset, opt CompareOptions) Comparison {
	sopt := StickyOptions{MinSample: opt.MinSample, FDR: opt.FDR, MaturityQuantile: opt.MaturityQuantile}.withDefaults()
	if !ds.HasDates {
		return Comparison{FDR: sopt.FDR, Notes: []string{"the data has no stage dates: periods cannot be compared"}}
	}
	asOf := resolveAsOf(ds, opt.AsOf)
	cur := opt.Current
	if cur.From == 0 && cur.To == 0 {
		cur = DefaultCurrent(asOf)
	}
	res := Comparison{AsOf: model.DayString(asOf), Current: cur.String(), FDR: sopt.FDR}
	type ref struct {
		name string
		p    Period
	}
	var refs []ref
	if !opt.SkipPreviousMonth {
		refs = append(refs, ref{"previous", cur.Previous()})
		res.Previous = cur.Previous().String()
	}
	if !opt.SkipYearBefore {
		refs = append(refs, ref{"year_before", cur.YearBefore()})
		res.YearBefore = cur.YearBefore().String()
	}
	ns := len(ds.Stages)
	sl := slicers(ds, pickDims(ds, opt.Dims), false, sopt.MaxValues)
	eff := cur // counts per day use the days up to as-of only
	if eff.To > asOf {
		eff.To = asOf
		res.Notes = append(res.Notes, fmt.Sprintf("the current period runs past %s: counts compared per day over %d days", res.AsOf, eff.Days()))
	}
	cv := newCurves(ds, asOf)
	for k := 0; k < ns; k++ {
		horizon := 0
		if k+1 < ns {
			horizon = sopt.maturityFor(cv, k)
		}
		now := periodCounts(ds, k, cur, asOf, horizon, sl)
		for _, r := range refs {
			then := periodCounts(ds, k, r.p, asOf, horizon, sl)
			for s := range now {
				for code := range now[s].count {
					d := periodDelta(ds, k, r.name, now[s], then[s], code, eff, r.p, horizon, sopt.MinSample)
					if d != nil {
						res.Deltas = append(res.Deltas, *d)
					}
				}
			}
		}
		if k+1 < ns && cur.To > asOf-int32(horizon) {
			res.Notes = append(res.Notes, fmt.Sprintf("%s→%s: records entering within %d days of %s are too young to judge and left out of the rate",
				ds.Stages[k], ds.Stages[k+1], horizon, res.AsOf))
		}
	}
	var ps []float64
	var ptr []*float64
	for i := range res.Deltas {
		d := &res.Deltas[i]
		if !d.CountTooFew {
			ps, ptr = append(ps, d.CountP), append(ptr, &d.CountQ)
		}
		if !d.RateTooFew {
			ps, ptr = append(ps, d.RateP), append(ptr, &d.RateQ)
		}
	}
	for i, q := range stats.BH(ps) {
		*ptr[i] = q
	}
	for i := range res.Deltas {
		d := &res.Deltas[i]
		d.CountSig = !d.CountTooFew && d.CountQ <= sopt.FDR
		d.RateSig = !d.RateTooFew && d.RateQ <= sopt.FDR
	}
	res.Comparisons = len(ps)
	return res
}

// sliceCounts holds per-code counts for one slicer (slicer nil = total).
type sliceCounts struct {
	dim             string
	label           func(int) string
	count, ent, cnv []int
}

// periodCounts counts entries into stage k during p, and the mature cohort
// and its conversions within horizon, for the total (index 0) and each slicer.
func periodCounts(ds *model.Dataset, k int, p Period, asOf int32, horizon int, sl []slicer) []sliceCounts {
	out := []sliceCounts{{label: func(int) string { return "" }, count: make([]int, 1)}}
	for _, s := range sl {
		out = append(out, sliceCounts{dim: s.dim, label: s.label, count: make([]int, s.card)})
	}
	to := min(p.To, asOf)
	for i := range ds.Reached {
		if d := ds.Days[k][i]; d != model.NoDay && d >= p.From && d <= to {
			out[0].count[0]++
			for j, s := range sl {
				out[j+1].count[s.key(i)]++
			}
		}
	}
	if k+1 < len(ds.Stages) {
		c := transitionCohort(ds, k, p.From, to, asOf, horizon, horizon)
		out[0].ent, out[0].cnv = c.byCode(1, func(int) int { return 0 })
		for j, s := range sl {
			out[j+1].ent, out[j+1].cnv = c.byCode(s.card, s.key)
		}
	}
	return out
}

func periodDelta(ds *model.Dataset, k int, against string, now, then sliceCounts, code int, pn, pt Period, horizon, minSample int) *PeriodDelta {
	cn, ct := now.count[code], then.count[code]
	var en, et, vn, vt int
	if now.ent != nil {
		en, et, vn, vt = now.ent[code], then.ent[code], now.cnv[code], then.cnv[code]
	}
	if cn+ct+en+et == 0 {
		return nil
	}
	d := &PeriodDelta{
		Stage: ds.Stages[k], FromStage: k, Dimension: now.dim, Against: against,
		CountNow: cn, CountThen: ct, CountP: 1, CountQ: 1, RateP: 1, RateQ: 1,
		EnteredNow: en, EnteredThen: et, RateNow: stats.Ratio(vn, en), RateThen: stats.Ratio(vt, et),
	}
	if now.dim != "" {
		d.Value = now.label(code)
	}
	if k+1 < len(ds.Stages) {
		d.Stage = ds.Stages[k] + "→" + ds.Stages[k+1]
		d.HorizonDays = horizon
	}
	dn, dt := float64(pn.Days()), float64(pt.Days())
	if ct > 0 {
		d.CountChange = (float64(cn)/dn)/(float64(ct)/dt) - 1
	} else if cn > 0 {
		d.CountChange = math.Inf(1)
	}
	if math.IsInf(d.CountChange, 0) {
		d.CountChange = 0 // JSON has no infinity; CountThen == 0 says it
	}
	d.CountTooFew = cn+ct < minSample
	if !d.CountTooFew {
		d.CountP = stats.CountRatioTest(cn, dn, ct, dt)
	}
	d.RateChange = d.RateNow - d.RateThen
	d.RateTooFew = k+1 >= len(ds.Stages) || en < minSample || et < minSample
	if !d.RateTooFew {
		d.RateP, _ = stats.CompareProportions(vn, en, vt, et)
	}
	return d
}
