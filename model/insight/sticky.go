package insight

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// StickyOptions configure FindSticky. The zero value tests every transition
// and every dimension over all dates up to the last date in the data.
type StickyOptions struct {
	// AsOf is the analysis date; 0 or NoDay means the last date in the data.
	AsOf int32
	// From and To bound the day records entered the from-stage (inclusive);
	// 0 leaves that end open (To 0 means AsOf).
	From, To int32
	// Dims names the dimensions to slice by; nil means all of them.
	Dims []string
	// Pairs also tests every pair of the dimensions (value × value).
	Pairs bool
	// Transitions lists from-stage indices to test (k for k→k+1); nil = all.
	Transitions []int
	// MinSample is the fewest entering records for a slice (and for the rest
	// of the population) to be tested; below it the slice is "too few to
	// tell". Default stats.MinSample.
	MinSample int
	// FDR is the Benjamini–Hochberg false discovery rate. Default 0.05.
	FDR float64
	// MaturityQuantile picks the typical conversion time of each transition
	// (default 0.9, the p90 of the time to move on among the records that
	// do, estimated with exits competing and open records censored):
	// records that entered less than that many days before AsOf are left
	// out as immature, and the transition's window is moved back to end
	// there (so a slow step is tested on as many records as a fast one).
	MaturityQuantile float64
	// MaturityDays, when set (one per transition), overrides the observed delay.
	MaturityDays []int
	// MaxValues skips a dimension (or pair) with more distinct values (default 500).
	MaxValues int
	// RankBy orders the findings: RankLostConversions (default) or
	// RankLostValue (conversions weighted by what they are worth downstream,
	// which makes transitions comparable).
	RankBy RankBy
}

// RankBy names the order of sticky findings.
type RankBy string

const (
	RankLostConversions RankBy = "lost_conversions"
	RankLostValue       RankBy = "lost_value"
)

func (o StickyOptions) withDefaults() StickyOptions {
	if o.MinSample <= 0 {
		o.MinSample = stats.MinSample
	}
	if o.FDR <= 0 {
		o.FDR = stats.DefaultFDR
	}
	if o.MaturityQuantile <= 0 || o.MaturityQuantile >= 1 {
		o.MaturityQuantile = 0.9
	}
	if o.MaxValues <= 0 {
		o.MaxValues = 500
	}
	return o
}

// StickyPoint is one slice at one transition compared with the rest of the
// population at the same transition and window.
type StickyPoint struct {
	Stage     string `json:"stage"` // "SAL→SQL"
	FromStage int    `json:"from_stage"`
	Dimension string `json:"dimension"`
	Value     string `json:"value"`
	// Entered reached the from-stage in the window (mature records only);
	// Converted of them reached the next stage by AsOf.
	Entered   int     `json:"entered"`
	Converted int     `json:"converted"`
	Rate      float64 `json:"rate"`
	CILow     float64 `json:"ci_low"` // 95% Wilson interval of Rate
	CIHigh    float64 `json:"ci_high"`
	// BaselineRate is the rest's rate (BaselineConverted / BaselineEntered)
	// at the same transition and window: the rest of the population, or
	// for a nested slice (a campaign that belongs to one channel) the rest
	// of its parent (Parent).
	BaselineRate      float64 `json:"baseline_rate"`
	BaselineEntered   int     `json:"baseline_entered"`
	BaselineConverted int     `json:"baseline_converted"`
	// Parent is the slice a nested slice is compared within
	// ("channel=outbound"), "" when it is compared with the population.
	Parent string `json:"parent,omitempty"`
	// LostConversions = Entered × (BaselineRate − Rate); negative when the
	// slice does better than the rest. A nested slice's are within its
	// parent's: never add lost conversions across nested dimensions.
	LostConversions float64 `json:"lost_conversions"`
	// LostValue (cents) = LostConversions × ValuePerConversion.
	LostValue int64 `json:"lost_value"`
	// ValuePerConversion (cents) is the average won deal times the share of
	// records reaching the next stage that go on to win.
	ValuePerConversion int64   `json:"value_per_conversion"`
	PValue             float64 `json:"p_value"`
	QValue             float64 `json:"q_value"`
	Test               string  `json:"test,omitempty"`
	// Significant: survived Benjamini–Hochberg at the chosen FDR.
	Significant bool `json:"significant"`
	// TooFew: fewer than MinSample entered (in the slice or the rest); not tested.
	TooFew bool `json:"too_few"`
}

// Finding reports whether the point is a sticky point: significant and
// converting below the rest.
func (p StickyPoint) Finding() bool { return p.Significant && p.LostConversions > 0 }

// TransitionInfo says what was counted at one transition.
type TransitionInfo struct {
	Stage     string  `json:"stage"`
	FromStage int     `json:"from_stage"`
	Entered   int     `json:"entered"`
	Converted int     `json:"converted"`
	Rate      float64 `json:"rate"`
	// MaturityDays: records entering within this many days of AsOf were left
	// out (Immature of them); the p90 time to move on unless set.
	MaturityDays int `json:"maturity_days"`
	Immature     int `json:"immature"`
	Outside      int `json:"outside_window"`
	Undated      int `json:"undated"`
	// WindowFrom and WindowTo are the entry days counted at this
	// transition: the window asked for, moved back to end MaturityDays
	// before AsOf ("" for an open start).
	WindowFrom string `json:"window_from,omitempty"`
	WindowTo   string `json:"window_to,omitempty"`
	from, to   int32
	// WinShare is the share of records reaching the next stage that went on
	// to the last stage (mature records), used to value a lost conversion.
	WinShare float64 `json:"win_share"`
}

// StickyResult is the ranked list of sticky points and what was counted.
type StickyResult struct {
	AsOf        string  `json:"as_of,omitempty"`
	From        string  `json:"from,omitempty"`
	To          string  `json:"to,omitempty"`
	MinSample   int     `json:"min_sample"`
	FDR         float64 `json:"fdr"`
	Comparisons int     `json:"comparisons"`
	Findings    int     `json:"findings"`
	AvgDeal     int64   `json:"avg_deal"` // cents
	// NoValue says why lost value is not computed (no won amounts, or won
	// amounts in several currencies); "" when it is.
	NoValue string `json:"no_value,omitempty"`
	// Proxies are the dimensions left out because their values restate
	// the outcome (a forecast category: Omitted on every lost deal).
	Proxies     []string         `json:"outcome_proxies,omitempty"`
	Transitions []TransitionInfo `json:"transitions"`
	// Points: findings first (by lost conversions, largest first), then
	// other significant differences, then the rest by p-value, then the
	// slices too small to tell.
	Points []StickyPoint `json:"points"`
	Notes  []string      `json:"notes,omitempty"`

	asOf int32
	opt  StickyOptions
}

// FindSticky tests every transition × dimension value (and optionally pairs)
// against the rest of the population, corrects for multiple comparisons and
// ranks the sticky points by conversions lost.
func FindSticky(ds *model.Dataset, opt StickyOptions) StickyResult {
	opt = opt.withDefaults()
	asOf := resolveAsOf(ds, opt.AsOf)
	res := StickyResult{MinSample: opt.MinSample, FDR: opt.FDR, AsOf: model.DayString(asOf), asOf: asOf, opt: opt}
	if opt.From != 0 {
		res.From = model.DayString(opt.From)
	}
	if opt.To != 0 && opt.To != model.NoDay {
		res.To = model.DayString(opt.To)
	}
	if !ds.HasDates {
		res.AsOf, res.From, res.To = "", "", ""
		res.Notes = append(res.Notes, "the data has no stage dates: every record counted, no window and no maturity check")
	}
	deal, deals, recent := avgWonDeal(ds, asOf)
	mixed := wonCurrencies(ds)
	if len(mixed) > 1 {
		deal = 0
	}
	res.AvgDeal = deal
	switch {
	case len(mixed) > 1:
		res.NoValue = fmt.Sprintf("won amounts are in %d currencies (%s), not converted: lost value is not computed",
			len(mixed), strings.Join(mixed, ", "))
		res.Notes = append(res.Notes, res.NoValue)
	case deals == 0:
		res.NoValue = "no won deal amounts: lost value is not computed"
		res.Notes = append(res.Notes, res.NoValue)
	case recent:
		res.Notes = append(res.Notes, fmt.Sprintf("average deal from %d deals won in the year to %s", deals, res.AsOf))
	default:
		res.Notes = append(res.Notes, fmt.Sprintf("average deal from all %d won deals (none in the last year)", deals))
	}
	dims := pickDims(ds, opt.Dims)
	if opt.Dims == nil {
		dims, res.Proxies = outcomeProxies(ds, dims, opt.MaxValues)
		if len(res.Proxies) > 0 {
			res.Notes = append(res.Notes, proxyNote(res.Proxies))
		}
	}
	ns := len(ds.Stages)
	maturity := make([]int, ns)
	cv := newCurves(ds, asOf)
	for k := 0; k+1 < ns; k++ {
		maturity[k] = opt.maturityFor(cv, k)
	}
	sls := slicers(ds, dims, opt.Pairs, opt.MaxValues)
	parents := nestedParents(ds, sls)
	transitions := opt.Transitions
	if transitions == nil {
		for k := 0; k+1 < ns; k++ {
			transitions = append(transitions, k)
		}
	}
	for _, k := range transitions {
		if k < 0 || k+1 >= ns {
			continue
		}
		from, to := opt.window(asOf, maturity[k])
		c := transitionCohort(ds, k, from, to, asOf, maturity[k], 0)
		ent, conv := c.totals()
		info := TransitionInfo{
			Stage: ds.Stages[k] + "→" + ds.Stages[k+1], FromStage: k, Entered: ent, Converted: conv,
			Rate: stats.Ratio(conv, ent), MaturityDays: maturity[k], Immature: c.immature,
			Outside: c.outside, Undated: c.undated, WinShare: winShare(ds, k+1, asOf, maturity, opt.MinSample),
			from: from, to: to,
		}
		if ds.HasDates {
			if from != 0 {
				info.WindowFrom = model.DayString(from)
			}
			info.WindowTo = model.DayString(to)
		}
		res.Transitions = append(res.Transitions, info)
		vpc := int64(math.Round(float64(deal) * info.WinShare))
		for si, sl := range sls {
			e, v := c.byCode(sl.card, sl.key)
			var pe, pv []int
			par := parents[si]
			if par != nil {
				pe, pv = c.parentRest(par)
			}
			for code := range e {
				if e[code] == 0 {
					continue
				}
				be, bv, parent := ent-e[code], conv-v[code], ""
				if par != nil && par.of[code] >= 0 {
					be, bv, parent = pe[code], pv[code], par.label(code)
				}
				p := slicePoint(info, sl.dim, sl.label(code), e[code], v[code], be, bv, vpc, opt.MinSample)
				p.Parent = parent
				res.Points = append(res.Points, p)
			}
		}
	}
	var ps []float64
	var at []int
	for i, p := range res.Points {
		if !p.TooFew {
			ps = append(ps, p.PValue)
			at = append(at, i)
		}
	}
	for j, q := range stats.BH(ps) {
		p := &res.Points[at[j]]
		p.QValue = q
		p.Significant = q <= opt.FDR
		if p.Finding() {
			res.Findings++
		}
	}
	res.Comparisons = len(ps)
	byValue := opt.RankBy == RankLostValue
	sort.SliceStable(res.Points, func(a, b int) bool { return lessPoint(res.Points[a], res.Points[b], byValue) })
	if ds.HasDates {
		immature := 0
		for _, ti := range res.Transitions {
			immature += ti.Immature
		}
		res.Notes = append(res.Notes, fmt.Sprintf(
			"records that entered a stage less than its p%.0f time to the next stage before %s are left out as immature (%d record-transitions); "+
				"each transition's window ends there (see transitions)",
			opt.MaturityQuantile*100, res.AsOf, immature))
	}
	for _, par := range parents {
		if par != nil {
			res.Notes = append(res.Notes, fmt.Sprintf("%s is nested in %s: each %s is compared with the rest of its %s, and its lost conversions are part of that %s's",
				par.child, par.parent, par.child, par.parent, par.parent))
		}
	}
	res.Notes = append(res.Notes, fmt.Sprintf(
		"%d comparisons, Benjamini–Hochberg at FDR %.0f%%; slices with fewer than %d entering are too few to tell",
		res.Comparisons, opt.FDR*100, opt.MinSample))
	return res
}

func (o StickyOptions) maturityFor(c *curves, k int) int {
	if k < len(o.MaturityDays) {
		return o.MaturityDays[k]
	}
	if !c.ds.HasDates {
		return 0
	}
	return c.maturity(k, o.MaturityQuantile)
}

// window is a transition's entry window: the options' window (To 0 or
// past asOf: asOf), moved back as a whole so that it ends no later than
// maturity days before asOf. An open start (From 0) stays open.
func (o StickyOptions) window(asOf int32, maturity int) (from, to int32) {
	from, to = o.From, o.To
	if to == 0 || to == model.NoDay || to > asOf {
		to = asOf
	}
	if shift := to - (asOf - int32(maturity)); shift > 0 {
		to -= shift
		if from != 0 {
			from -= shift
		}
	}
	return from, to
}

// slicePoint compares a slice (e entered, v converted) with its baseline
// (be entered, bv converted: the rest of the population or of its parent).
func slicePoint(info TransitionInfo, dim, value string, e, v, be, bv int, vpc int64, minSample int) StickyPoint {
	p := StickyPoint{
		Stage: info.Stage, FromStage: info.FromStage, Dimension: dim, Value: value,
		Entered: e, Converted: v, Rate: stats.Ratio(v, e),
		BaselineEntered: be, BaselineConverted: bv, PValue: 1, QValue: 1,
		ValuePerConversion: vpc,
	}
	p.CILow, p.CIHigh = stats.Wilson95(v, e)
	p.BaselineRate = stats.Ratio(p.BaselineConverted, p.BaselineEntered)
	p.LostConversions = float64(e) * (p.BaselineRate - p.Rate)
	p.LostValue = int64(math.Round(p.LostConversions * float64(vpc)))
	if e < minSample || p.BaselineEntered < minSample {
		p.TooFew = true
		return p
	}
	pv, test := stats.CompareProportions(v, e, p.BaselineConverted, p.BaselineEntered)
	p.PValue, p.Test = pv, string(test)
	return p
}

func tier(p StickyPoint) int {
	switch {
	case p.TooFew:
		return 3
	case p.Finding():
		return 0
	case p.Significant:
		return 1
	}
	return 2
}

func lessPoint(a, b StickyPoint, byValue bool) bool {
	ta, tb := tier(a), tier(b)
	if ta != tb {
		return ta < tb
	}
	if byValue && ta <= 1 && a.LostValue != b.LostValue {
		return (a.LostValue > b.LostValue) == (ta == 0)
	}
	switch ta {
	case 0:
		return a.LostConversions > b.LostConversions
	case 1:
		return a.LostConversions < b.LostConversions
	case 2:
		return a.PValue < b.PValue
	}
	return a.Entered > b.Entered
}
