package insight

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/model/stats"
)

// ChannelOptions configure RankChannels.
type ChannelOptions struct {
	AsOf int32 // 0 or NoDay: the last date in the data
	// From and To bound the day leads entered the top (0 = open; To 0 = AsOf).
	From, To int32
	// Dim is the channel dimension (default "channel").
	Dim string
	// Cost is each channel's spend over the window (cents); channels not in
	// the map have unknown cost.
	Cost map[string]int64
}

// RankChannels counts, per channel, the leads that entered in the window,
// how many became customers by AsOf and their revenue, and ranks channels by
// customers, revenue and ROI rather than lead volume.
func RankChannels(ds *model.Dataset, opt ChannelOptions) ([]plan.ChannelStat, error) {
	name := opt.Dim
	if name == "" {
		name = "channel"
	}
	d := ds.Dim(name)
	if d == nil {
		return nil, fmt.Errorf("no dimension %q (have %v)", name, ds.DimNames())
	}
	asOf := resolveAsOf(ds, opt.AsOf)
	to := opt.To
	if to == 0 || to == model.NoDay || to > asOf {
		to = asOf
	}
	card := d.Cardinality()
	cs := make([]plan.ChannelStat, card)
	last := len(ds.Stages) - 1
	for i := range ds.Reached {
		if !reachedAtLeast(ds, i, 0) {
			continue
		}
		if ds.HasDates {
			e := entryDay(ds, i, 0)
			if e == model.NoDay || e < opt.From || e > to {
				continue
			}
		}
		c := &cs[d.Codes.At(i)]
		c.Leads++
		if reachedAtLeast(ds, i, last) {
			if w := entryDay(ds, i, last); w != model.NoDay && w > asOf {
				continue
			}
			c.Customers++
			if ds.Amount != nil {
				c.Revenue += ds.Amount[i]
			}
		}
	}
	var out []plan.ChannelStat
	for code := range cs {
		if cs[code].Leads == 0 {
			continue
		}
		c := cs[code]
		c.Revenue = ds.Cents(c.Revenue) // summed in the data's units, rounded once
		c.Name = dimLabel(d.Values[code])
		if cost, ok := opt.Cost[d.Values[code]]; ok {
			c.Cost, c.CostKnown = cost, true
		}
		out = append(out, c)
	}
	return plan.RankChannels(out), nil
}

// ModelOptions configure FunnelModels.
type ModelOptions struct {
	AsOf int32 // 0 or NoDay: the last date in the data
	// Months of history behind each number (default 3): volume is leads per
	// month over the last Months whole months; each rate comes from the
	// records that entered its from-stage over the Months ending at the
	// step's maturity before AsOf (the p90 time to move on among those who
	// do), counting besides their conversions the expected later
	// conversions of those still open (the step's Aalen–Johansen incidence
	// at their age, exits competing).
	Months int
	// Dim splits the model by a dimension (a funnel per value); "" gives one.
	Dim string
	// CostPerLead by dimension value, or under "" for all (cents).
	CostPerLead map[string]float64
}

// minCurveEvents is the fewest moves a slice's own step curve needs; with
// fewer its open records get the whole population's chances.
const minCurveEvents = 30

// FunnelModels builds plan funnels (per month) from the data: volume, step
// rates with the records behind them (for the plan's intervals) and 95%
// Wilson intervals, the current average deal and cost per lead.
func FunnelModels(ds *model.Dataset, opt ModelOptions) ([]plan.Funnel, error) {
	if !ds.HasDates {
		return nil, fmt.Errorf("the data has no stage dates: rates per month cannot be modelled")
	}
	months := opt.Months
	if months <= 0 {
		months = 3
	}
	asOf := resolveAsOf(ds, opt.AsOf)
	var sl slicer
	if opt.Dim != "" {
		d := ds.Dim(opt.Dim)
		if d == nil {
			return nil, fmt.Errorf("no dimension %q (have %v)", opt.Dim, ds.DimNames())
		}
		sl = slicers(ds, []*model.Dim{d}, false, math.MaxInt32)[0]
	} else {
		sl = slicer{card: 1, key: func(int) int { return 0 }, label: func(int) string { return "all" }}
	}
	ns := len(ds.Stages)
	deal, _, _ := avgWonDeal(ds, asOf)
	fs := make([]plan.Funnel, sl.card)
	for code := range fs {
		fs[code] = plan.Funnel{Name: sl.label(code), Stages: ds.Stages, Rates: make([]float64, ns-1),
			RateLow: make([]float64, ns-1), RateHigh: make([]float64, ns-1), DealValue: float64(deal),
			Entered: make([]float64, ns-1), Converted: make([]float64, ns-1)}
	}
	top := DefaultCurrent(asOf)
	top = Months(model.MonthIndex(top.To), months)
	leads := transitionCohort(ds, 0, top.From, top.To, asOf, 0, 0)
	ent := leads.enteredByCode(sl.card, sl.key) // volume: with the records whose stage is unknown
	span := int32(float64(months) * 30.44)
	sopt := StickyOptions{}.withDefaults()
	cv := newCurves(ds, asOf)
	for k := 0; k+1 < ns; k++ {
		m := sopt.maturityFor(cv, k)
		to := asOf - int32(m)
		c := transitionCohort(ds, k, to-span+1, to, asOf, m, 0)
		e, v := c.byCode(sl.card, sl.key)
		// the records still open convert later at the step's rate for
		// their age (exits competing), their own slice's: counted as
		// expected conversions. A slice with few moves uses the whole's.
		pooled := cv.step(k)
		incs := stepCurves(ds, k, asOf, sl.card, sl.key)
		for code, inc := range incs {
			if inc.Events[0] < minCurveEvents {
				incs[code] = pooled
			}
		}
		later := make([]float64, sl.card)
		for j, i := range c.idx {
			if c.conv[j] || !openAt(ds, int(i), asOf) {
				continue
			}
			if d := entryDay(ds, int(i), k); d != model.NoDay {
				code := sl.key(int(i))
				later[code] += incs[code].Later(0, int(asOf-d))
			}
		}
		for code := range fs {
			f := &fs[code]
			conv := float64(v[code]) + later[code]
			f.Rates[k] = min(1, ratio(conv, float64(e[code])))
			f.Entered[k], f.Converted[k] = float64(e[code]), conv
			f.RateLow[k], f.RateHigh[k] = stats.Wilson95(int(math.Round(conv)), e[code])
		}
	}
	var out []plan.Funnel
	for code := range fs {
		f := fs[code]
		f.Top = float64(ent[code]) / float64(months)
		f.TopCount = float64(ent[code])
		if f.Top == 0 && opt.Dim != "" {
			continue
		}
		key := ""
		if opt.Dim != "" {
			key = f.Name
		}
		if cpl, ok := opt.CostPerLead[key]; ok {
			f.CostPerLead, f.CostKnown = cpl, true
		} else if cpl, ok := opt.CostPerLead[""]; ok {
			f.CostPerLead, f.CostKnown = cpl, true
		}
		out = append(out, f)
	}
	return out, nil
}
