package insight

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// SliceRate is one slice's entries and conversions in a period.
type SliceRate struct {
	Value     string `json:"value"`
	Entered   int    `json:"entered"`
	Converted int    `json:"converted"`
}

// MixSlice is one slice's part of a rate change.
type MixSlice struct {
	Value      string  `json:"value"`
	ShareThen  float64 `json:"share_then"` // of entries
	ShareNow   float64 `json:"share_now"`
	RateThen   float64 `json:"rate_then"`
	RateNow    float64 `json:"rate_now"`
	MixPart    float64 `json:"mix_part"`  // (ShareNow − ShareThen) × mean rate
	RatePart   float64 `json:"rate_part"` // (RateNow − RateThen) × mean share
	EnteredNow int     `json:"entered_now"`
}

// MixShift splits an overall rate change into the part due to the mix of
// slices changing (mix effect) and the part due to rates within slices
// changing (rate effect); the two add up to the change exactly.
type MixShift struct {
	Stage      string  `json:"stage,omitempty"`
	Dimension  string  `json:"dimension,omitempty"`
	Then       string  `json:"then,omitempty"`
	Now        string  `json:"now,omitempty"`
	RateThen   float64 `json:"rate_then"`
	RateNow    float64 `json:"rate_now"`
	Change     float64 `json:"change"` // points
	MixEffect  float64 `json:"mix_effect"`
	RateEffect float64 `json:"rate_effect"`
	Dominant   string  `json:"dominant"` // "mix", "rate" or "none"
	// Simpson: the overall rate moved one way while every slice (with
	// records in both periods, at least two) moved the other.
	Simpson     bool       `json:"simpson"`
	Slices      []MixSlice `json:"slices"`
	Explanation string     `json:"explanation"`
}

// DecomposeMix splits the change from then to now. A slice present in only
// one period takes its rate from the other (so its whole part is mix).
// Slices are matched by Value.
func DecomposeMix(then, now []SliceRate) MixShift {
	type pair struct{ t, n SliceRate }
	var order []string
	m := map[string]*pair{}
	for _, s := range then {
		if m[s.Value] == nil {
			m[s.Value] = &pair{}
			order = append(order, s.Value)
		}
		m[s.Value].t = s
	}
	for _, s := range now {
		if m[s.Value] == nil {
			m[s.Value] = &pair{}
			order = append(order, s.Value)
		}
		m[s.Value].n = s
	}
	var et, en, ct, cn int
	for _, v := range order {
		p := m[v]
		et, en, ct, cn = et+p.t.Entered, en+p.n.Entered, ct+p.t.Converted, cn+p.n.Converted
	}
	ms := MixShift{RateThen: stats.Ratio(ct, et), RateNow: stats.Ratio(cn, en)}
	ms.Change = ms.RateNow - ms.RateThen
	up, down, both := 0, 0, 0
	for _, v := range order {
		p := m[v]
		s := MixSlice{Value: v, ShareThen: stats.Ratio(p.t.Entered, et), ShareNow: stats.Ratio(p.n.Entered, en),
			RateThen: stats.Ratio(p.t.Converted, p.t.Entered), RateNow: stats.Ratio(p.n.Converted, p.n.Entered), EnteredNow: p.n.Entered}
		switch {
		case p.t.Entered == 0:
			s.RateThen = s.RateNow
		case p.n.Entered == 0:
			s.RateNow = s.RateThen
		default:
			both++
			if s.RateNow > s.RateThen {
				up++
			} else if s.RateNow < s.RateThen {
				down++
			}
		}
		s.MixPart = (s.ShareNow - s.ShareThen) * (s.RateThen + s.RateNow) / 2
		s.RatePart = (s.RateNow - s.RateThen) * (s.ShareThen + s.ShareNow) / 2
		ms.MixEffect += s.MixPart
		ms.RateEffect += s.RatePart
		ms.Slices = append(ms.Slices, s)
	}
	switch {
	case ms.MixEffect == 0 && ms.RateEffect == 0:
		ms.Dominant = "none"
	case math.Abs(ms.MixEffect) > math.Abs(ms.RateEffect):
		ms.Dominant = "mix"
	default:
		ms.Dominant = "rate"
	}
	ms.Simpson = both >= 2 && ((ms.Change < 0 && up == both) || (ms.Change > 0 && down == both))
	ms.Explanation = explainMix(ms, both, up, down)
	return ms
}

func explainMix(ms MixShift, both, up, down int) string {
	dir := "rose"
	if ms.Change < 0 {
		dir = "fell"
	} else if ms.Change == 0 {
		dir = "did not move"
	}
	s := fmt.Sprintf("the rate %s %.1f points: %+.1f from the mix, %+.1f from rates within slices",
		dir, math.Abs(ms.Change)*100, ms.MixEffect*100, ms.RateEffect*100)
	switch ms.Dominant {
	case "mix":
		s += "; mostly the mix changed"
	case "rate":
		s += "; mostly rates within slices changed"
	}
	if ms.Simpson {
		other := "rose"
		if down == both {
			other = "fell"
		}
		s += fmt.Sprintf(" (Simpson's paradox: every one of the %d slices %s)", both, other)
	}
	return s
}

// MixShiftFor decomposes the change in the k→k+1 rate between two periods
// over one dimension's values, counting records that entered stage k in each
// period and converted within the transition's typical time (records too
// young to have had it left out).
func MixShiftFor(ds *model.Dataset, k int, dim string, then, now Period, asOf int32) (MixShift, error) {
	if k < 0 || k+1 >= len(ds.Stages) {
		return MixShift{}, fmt.Errorf("no transition from stage %d", k)
	}
	d := ds.Dim(dim)
	if d == nil {
		return MixShift{}, fmt.Errorf("no dimension %q (have %v)", dim, ds.DimNames())
	}
	asOf = resolveAsOf(ds, asOf)
	h := StickyOptions{}.withDefaults().maturityFor(newCurves(ds, asOf), k)
	sl := slicers(ds, []*model.Dim{d}, false, math.MaxInt32)
	count := func(p Period) []SliceRate {
		c := periodCounts(ds, k, p, asOf, h, sl)[1]
		var out []SliceRate
		for code := range c.ent {
			if c.ent[code] > 0 {
				out = append(out, SliceRate{Value: c.label(code), Entered: c.ent[code], Converted: c.cnv[code]})
			}
		}
		return out
	}
	ms := DecomposeMix(count(then), count(now))
	ms.Stage, ms.Dimension, ms.Then, ms.Now = ds.Stages[k]+"→"+ds.Stages[k+1], d.Name, then.String(), now.String()
	return ms, nil
}
