package insight

import (
	"fmt"
	"math/rand/v2"

	"github.com/funnel-cli/funnel/model"
)

// synthSpec describes a synthetic funnel with planted effects of known size.
type synthSpec struct {
	rows   int
	seed   uint64
	stages []string
	rates  []float64 // base step rates
	dims   map[string]int
	order  []string // dimension names in column order
	plants []plant
	start  int32 // first entry day
	span   int   // days over which records enter
	// rateAt, when set, overrides the step rate for a record entering the
	// from-stage on day d (period effects).
	rateAt func(step int, day int32, vals map[string]string) (float64, bool)
	// topWeight, when set, weights the entry day (volume changes over time).
	topWeight func(day int32) float64
}

// plant lowers (or raises) one slice's rate at one step to rate.
type plant struct {
	step  int
	dim   string
	value string
	rate  float64
}

// synth builds a dataset: each record picks each dimension value uniformly,
// enters the top on a day in [start, start+span) and passes each step with
// its rate after an exponential delay (mean 5 days).
func synth(s synthSpec) *model.Dataset {
	r := rand.New(rand.NewPCG(s.seed, s.seed*7919+1))
	ns := len(s.stages)
	ds := &model.Dataset{
		Stages: s.stages, Days: make([][]int32, ns), Reached: make([]uint16, s.rows),
		Exit: make([]model.ExitKind, s.rows), ExitDay: make([]int32, s.rows),
		Amount: make([]int64, s.rows), HasDates: true,
	}
	for k := range ds.Days {
		ds.Days[k] = make([]int32, s.rows)
	}
	dims := make([]*model.Dim, len(s.order))
	for j, name := range s.order {
		dims[j] = model.NewDim(name, s.rows)
	}
	ds.Dims = dims
	vals := map[string]string{}
	for i := 0; i < s.rows; i++ {
		for j, name := range s.order {
			v := fmt.Sprintf("%s%d", name[:1], r.IntN(s.dims[name]))
			dims[j].Append(v)
			vals[name] = v
		}
		for k := range ds.Days {
			ds.Days[k][i] = model.NoDay
		}
		day := s.start + int32(r.IntN(s.span))
		if s.topWeight != nil {
			for r.Float64()*2 > s.topWeight(day) {
				day = s.start + int32(r.IntN(s.span))
			}
		}
		ds.Days[0][i] = day
		ds.Reached[i] = 1
		ds.ExitDay[i] = model.NoDay
		for k := 0; k+1 < ns; k++ {
			rate := s.rates[k]
			for _, p := range s.plants {
				if p.step == k && vals[p.dim] == p.value {
					rate = p.rate
				}
			}
			if s.rateAt != nil {
				if v, ok := s.rateAt(k, day, vals); ok {
					rate = v
				}
			}
			if r.Float64() >= rate {
				break
			}
			day += int32(r.ExpFloat64() * 5)
			ds.Days[k+1][i] = day
			ds.Reached[i] |= 1 << (k + 1)
		}
		if ds.Reached[i]&(1<<(ns-1)) != 0 {
			ds.Exit[i] = model.ExitWon
			ds.Amount[i] = 1_000_000 // $10,000
		}
	}
	return ds
}
