// Package demo generates a deterministic, realistic B2B lead funnel: the
// embedded demo dataset, test fixtures and benchmark inputs.
//
// What is planted (documented in the README so a consultant can demo it):
//   - channels of different shapes: a small live-chat channel that converts
//     well at the bottom, a large paid-social channel with many leads and few
//     customers, and organic, events, outbound and partner in between;
//   - seasonality (a December dip, a summer lull, an autumn peak) and growth;
//   - a sticky point: outbound's SAL→SQL rate collapses (55% → 15%) for leads
//     accepted in the last four months before the end date;
//   - recent cohorts still maturing (the data ends mid-flight);
//   - disqualification and lost reasons, deal amounts by segment, owners,
//     companies (several leads each) and some stalled, never-closed records.
package demo

import (
	"math"
	"math/rand/v2"

	"github.com/funnel-cli/funnel/model"
)

// Stages of the demo funnel, top first.
var Stages = []string{"Lead", "MQL", "SAL", "SQL", "Opportunity", "Won"}

// Options control the generator. The zero value gives the embedded demo.
type Options struct {
	Rows   int    // leads (default 50,000)
	Seed   uint64 // default 1
	Months int    // months of history (default 24)
	End    int32  // last day of data (default 2026-11-15)
	// Steady leaves out the planted sticky point, so every rate is the
	// same over time (simulation tests that need a fixed truth).
	Steady bool
}

// DefaultEnd is the last day of the demo data.
var DefaultEnd = model.DayFromCivil(2026, 11, 15)

// StickyChannel, StickyFrom and StickyTo describe the planted sticky point.
const (
	StickyChannel    = "outbound"
	StickyTransition = 2 // SAL→SQL (from stage index 2 to 3)
	StickyMonths     = 4
)

type channel struct {
	name   string
	weight float64
	rates  [5]float64 // Lead→MQL, MQL→SAL, SAL→SQL, SQL→Opp, Opp→Won
	camps  []string
}

var channels = []channel{
	{"paid_social", 0.38, [5]float64{0.30, 0.50, 0.35, 0.40, 0.12}, []string{"linkedin-abm", "meta-retarget", "linkedin-webinar"}},
	{"organic", 0.22, [5]float64{0.45, 0.70, 0.55, 0.55, 0.25}, []string{"blog", "seo-pricing", "docs"}},
	{"events", 0.12, [5]float64{0.40, 0.55, 0.45, 0.50, 0.22}, []string{"saastr", "dreamforce-booth", "meetup"}},
	{"outbound", 0.14, [5]float64{0.35, 0.75, 0.55, 0.55, 0.20}, []string{"sdr-sequence-a", "sdr-sequence-b"}},
	{"partner", 0.10, [5]float64{0.60, 0.80, 0.60, 0.65, 0.35}, []string{"reseller", "integration-directory"}},
	{"chat", 0.04, [5]float64{0.85, 0.90, 0.85, 0.85, 0.75}, []string{"pricing-page-chat", "docs-chat"}},
}

var (
	segments     = []string{"SMB", "Mid-market", "Enterprise"}
	segWeights   = []float64{0.6, 0.3, 0.1}
	segMedianUSD = []float64{8000, 25000, 80000}
	segWin       = []float64{1.1, 1.0, 0.8}
	owners       = []string{"Ana Silva", "Ben Okafor", "Chloe Martin", "Dev Patel", "Elif Yilmaz", "Finn Larsen", "Grace Kim", "Hugo Moreau"}
	dqReasons    = []string{"Not ICP", "No budget", "No response", "Student or personal", "Duplicate", "Competitor employee"}
	lostReasons  = []string{"Price", "Chose competitor", "No decision", "Timing", "Missing feature"}
	// days between stages: median, for Lead→MQL … Opp→Won
	delayMedian = [5]float64{4, 3, 8, 12, 40}
	// seasonality by calendar month (Jan..Dec)
	season = [12]float64{0.9, 1.0, 1.05, 1.0, 1.0, 0.95, 0.8, 0.8, 1.15, 1.2, 1.1, 0.7}
)

// Generate builds the demo dataset.
func Generate(opt Options) *model.Dataset { return generate(opt, nil) }

func generate(opt Options, truth *Truth) *model.Dataset {
	opt = opt.withDefaults()
	r := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	n := opt.Rows
	ns := len(Stages)
	ds := &model.Dataset{
		Stages:   append([]string(nil), Stages...),
		Days:     make([][]int32, ns),
		Reached:  make([]uint16, n),
		Exit:     make([]model.ExitKind, n),
		ExitDay:  make([]int32, n),
		Reason:   model.NewDim("reason", n),
		Amount:   make([]int64, n),
		Currency: "USD",
		HasDates: true,
	}
	for k := range ds.Days {
		ds.Days[k] = make([]int32, n)
	}
	dChan := model.NewDim("channel", n)
	dCamp := model.NewDim("campaign", n)
	dSeg := model.NewDim("segment", n)
	dOwner := model.NewDim("owner", n)
	dComp := model.NewDim("company", n)
	ds.Dims = []*model.Dim{dChan, dCamp, dSeg, dOwner, dComp}
	emails := &ds.Emails

	months := opt.Months
	lastMonth := model.MonthIndex(opt.End)
	firstMonth := lastMonth - months + 1
	mw := make([]float64, months)
	for i := range mw {
		mw[i] = season[(firstMonth+i)%12] * math.Pow(1.015, float64(i))
	}
	// the last month is partial: only the days up to End get leads
	lastStart := model.MonthStart(lastMonth)
	mw[months-1] *= float64(opt.End-lastStart+1) / float64(model.MonthStart(lastMonth+1)-lastStart)
	stickyFrom := model.MonthStart(lastMonth - StickyMonths + 1)
	companies := newCompanies(r, max(50, n/4))
	ids := idWriter{}

	for i := 0; i < n; i++ {
		ds.IDs.Append(ids.next(i))
		ch := &channels[pick(r, channelWeights)]
		dChan.Append(ch.name)
		dCamp.Append(ch.camps[r.IntN(len(ch.camps))])
		seg := pick(r, segWeights)
		dSeg.Append(segments[seg])
		dOwner.Append(owners[r.IntN(len(owners))])
		comp := companies.pick(r)
		dComp.Append(comp.name)
		emails.Append(comp.email(r))

		mi := pick(r, mw)
		lo := model.MonthStart(firstMonth + mi)
		hi := model.MonthStart(firstMonth+mi+1) - 1
		hi = min(hi, opt.End)
		day := lo + int32(r.IntN(int(hi-lo+1)))

		for k := range ds.Days {
			ds.Days[k][i] = model.NoDay
		}
		ds.Days[0][i] = day
		ds.Reached[i] = 1
		ds.ExitDay[i] = model.NoDay
		stage := 0
		step := stepper{ch: ch, seg: seg, stickyFrom: stickyFrom, steady: opt.Steady}
		for stage < ns-1 {
			rate := step.rate(stage, day)
			delay := lognormal(r, delayMedian[stage], 0.8)
			if r.Float64() < rate {
				next := day + int32(delay)
				if next > opt.End {
					if truth != nil {
						truth.follow(i, opt, step, stage+1, next)
					}
					break // converts later: still open, censored
				}
				stage++
				day = next
				ds.Days[stage][i] = day
				ds.Reached[i] |= 1 << stage
				continue
			}
			if r.Float64() < 0.12 {
				break // never closed: stalled in this stage
			}
			exit := day + int32(lognormal(r, delayMedian[stage]*1.5, 0.9))
			if exit > opt.End {
				if truth != nil {
					truth.Exit[i], truth.ExitDay[i] = exitKind(stage), exit
				}
				break // will be closed later: still open
			}
			ds.ExitDay[i] = exit
			if stage >= 4 {
				ds.Exit[i] = model.ExitLost
				ds.Reason.Append(lostReasons[pickSkewed(r, len(lostReasons))])
			} else {
				ds.Exit[i] = model.ExitDisqualified
				ds.Reason.Append(dqReasons[pickSkewed(r, len(dqReasons))])
			}
			if truth != nil {
				truth.Exit[i], truth.ExitDay[i] = ds.Exit[i], exit
			}
			break
		}
		if ds.Reason.Codes.Len() == i {
			ds.Reason.Append("")
		}
		if stage >= 4 {
			ds.Amount[i] = int64(math.Round(lognormal(r, segMedianUSD[seg], 0.6))) * 100
		}
		if truth != nil {
			for k := 0; k <= stage; k++ {
				truth.Days[k][i] = ds.Days[k][i]
			}
		}
		if stage == ns-1 {
			if truth != nil {
				truth.Exit[i], truth.ExitDay[i] = model.ExitWon, day
			}
			ds.Exit[i] = model.ExitWon
			ds.ExitDay[i] = day
			// about 1.2% of customers churn each month
			m := int32(-math.Log(1-r.Float64()) / 0.012 * 30.4)
			if day+m <= opt.End {
				ds.Exit[i] = model.ExitChurned
				ds.ExitDay[i] = day + m
				ds.Reason.Codes.Set(i, ds.Reason.Intern("Churned"))
			}
		}
	}
	for _, d := range append(ds.Dims, ds.Reason) {
		d.Freeze()
	}
	ds.Load = model.LoadInfo{Files: []string{"demo (embedded)"}, Read: n, Used: n}
	return ds
}

var channelWeights = func() []float64 {
	w := make([]float64, len(channels))
	for i, c := range channels {
		w[i] = c.weight
	}
	return w
}()

func (o Options) withDefaults() Options {
	if o.Rows <= 0 {
		o.Rows = 50000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Months <= 0 {
		o.Months = 24
	}
	if o.End == 0 {
		o.End = DefaultEnd
	}
	return o
}

func pick(r *rand.Rand, w []float64) int {
	total := 0.0
	for _, x := range w {
		total += x
	}
	u := r.Float64() * total
	for i, x := range w {
		if u < x {
			return i
		}
		u -= x
	}
	return len(w) - 1
}

// pickSkewed favours the first entries (reasons are rarely uniform).
func pickSkewed(r *rand.Rand, n int) int {
	u := r.Float64()
	return min(n-1, int(u*u*float64(n)))
}

func lognormal(r *rand.Rand, median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}
