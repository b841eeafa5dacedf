package money

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/model"
)

// SegmentEconomics is spend set against ICP segments. Spend is kept per
// channel, not per segment, so each channel's spend in the window is
// shared among the segments of its leads in the window, in proportion to
// their count (a channel of 3 leads, 2 of them mid-market, gives that
// segment 2/3 of its spend). Unallocated is spend no lead in the window
// could take: unmatched rows and channels with no lead in the window.
type SegmentEconomics struct {
	Currency   string `json:"currency"`
	WindowFrom string `json:"window_from"`
	WindowTo   string `json:"window_to"`
	AsOf       string `json:"as_of,omitempty"`
	// Groups are the segments' unit economics over their leads that entered
	// in the window (Name is the segment; Spend the allocated spend).
	Groups []Economics `json:"groups"`
	// Total is all spend, shared or not, over all leads in the window (as
	// in UnitEconomics).
	Total       Economics `json:"total"`
	Spend       int64     `json:"spend"`       // all spend in the window
	Allocated   int64     `json:"allocated"`   // of it, shared among segments
	Unallocated int64     `json:"unallocated"` // Spend − Allocated
	Method      string    `json:"method"`
	Undated     int       `json:"undated"` // records left out: no entry date
}

// ComputeSegmentEconomics allocates the channel spend of rows to the
// segments of seg (from AssignSegments over the same ds) and computes each
// segment's cost per stage, CAC, pipeline per cost and ROI, as
// ComputeUnitEconomics does per channel.
func ComputeSegmentEconomics(ds *model.Dataset, seg Segments, rows []SpendRow, o Options) (SegmentEconomics, error) {
	if len(seg.Of) != ds.Len() {
		return SegmentEconomics{}, fmt.Errorf("segments cover %d records, the data has %d", len(seg.Of), ds.Len())
	}
	j, err := JoinSpend(ds, rows, "channel", o)
	if err != nil {
		return SegmentEconomics{}, err
	}
	amt, cur, err := amounts(ds, o)
	if err != nil {
		return SegmentEconomics{}, err
	}
	out := SegmentEconomics{Currency: cur, Spend: j.Total,
		Method: "each channel's spend in the window is shared among the segments of its leads that entered in the window, by count"}
	lo, hi := 1<<30, -1
	for _, r := range j.Rows {
		lo, hi = min(lo, r.Month), max(hi, r.Month)
	}
	if hi < 0 {
		out.Total = newEconAcc("Total", len(ds.Stages)).result(ds, o)
		return out, nil
	}
	out.WindowFrom, out.WindowTo = model.MonthLabel(lo), model.MonthLabel(hi)
	asOf := o.asOf(ds)
	out.AsOf = model.DayString(asOf)
	dayLo, dayHi := model.MonthStart(lo), model.MonthStart(hi+1)-1
	chSpend := map[string]int64{}
	for g, r := range j.Rows {
		if name := j.Group[g]; name != "" {
			chSpend[name] += r.Amount
		}
	}
	ch := o.channel(ds)
	segName := func(i int) string { return labelOr(seg.Of[i]) }
	inWindow := make([]bool, ds.Len())
	leads := map[string]int{}              // channel → leads in the window
	leadsBy := map[string]map[string]int{} // channel → segment → leads
	for i := range inWindow {
		if ds.HasDates {
			d := ds.Days[0][i]
			if d == model.NoDay {
				out.Undated++
				continue
			}
			if d < dayLo || d > dayHi {
				continue
			}
		}
		inWindow[i] = true
		if ch == nil {
			continue
		}
		c := ch.Value(i)
		leads[c]++
		if leadsBy[c] == nil {
			leadsBy[c] = map[string]int{}
		}
		leadsBy[c][segName(i)]++
	}
	acc := map[string]*econAcc{}
	get := func(name string) *econAcc {
		if acc[name] == nil {
			acc[name] = newEconAcc(name, len(ds.Stages))
		}
		return acc[name]
	}
	for _, s := range seg.Segments {
		get(s.Segment)
	}
	for c, spend := range chSpend {
		n := leads[c]
		if n == 0 {
			continue
		}
		// shares in integer cents; the rounding remainder goes to the
		// largest segment so the shares add up to the channel's spend
		given, biggest, bigN := int64(0), "", -1
		for s, k := range leadsBy[c] {
			share := int64(math.Round(float64(spend) * float64(k) / float64(n)))
			get(s).spend += share
			given += share
			if k > bigN || k == bigN && s < biggest {
				biggest, bigN = s, k
			}
		}
		get(biggest).spend += spend - given
		out.Allocated += spend
	}
	out.Unallocated = out.Spend - out.Allocated
	last, opp := len(ds.Stages)-1, o.oppStage(ds)
	total := newEconAcc("Total", len(ds.Stages))
	total.spend = out.Spend
	for i, ok := range inWindow {
		if !ok {
			continue
		}
		var a int64
		if amt != nil {
			a = amt[i]
		}
		get(segName(i)).add(ds, i, a, last, opp, asOf)
		total.add(ds, i, a, last, opp, asOf)
	}
	for _, s := range seg.Segments { // the segments' order
		out.Groups = append(out.Groups, acc[s.Segment].result(ds, o))
	}
	out.Total = total.result(ds, o)
	return out, nil
}
