package plan

import "fmt"

// LeverKind is one of the two levers a funnel has.
type LeverKind string

const (
	// LeverVolume adds Percent % more records at the top.
	LeverVolume LeverKind = "volume"
	// LeverRate adds Points percentage points of conversion at step Step.
	LeverRate LeverKind = "rate"
)

// Lever is one change to simulate, optionally within one channel (Slice).
type Lever struct {
	Kind LeverKind `json:"kind"`
	// Slice names the channel the lever acts on; "" means every channel.
	Slice string `json:"slice,omitempty"`
	// Percent is the volume increase (10 = +10% at the top).
	Percent float64 `json:"percent,omitempty"`
	// Step is the transition Step→Step+1 a rate lever improves, by Points
	// percentage points (5 = +5 points), capped at 100%.
	Step   int     `json:"step,omitempty"`
	Points float64 `json:"points,omitempty"`
	// ExtraCost is what pulling the lever costs per period beyond the cost
	// per lead of added volume (cents; e.g. an SDR hire for a rate lever).
	ExtraCost float64 `json:"extra_cost,omitempty"`
}

// Label describes the lever in words, using the funnel's stage names.
func (l Lever) Label(stages []string) string {
	where := "all channels"
	if l.Slice != "" {
		where = l.Slice
	}
	if l.Kind == LeverVolume {
		return fmt.Sprintf("+%g%% volume, %s", l.Percent, where)
	}
	f := Funnel{Stages: stages}
	return fmt.Sprintf("+%g pts %s→%s, %s", l.Points, f.stageName(l.Step), f.stageName(l.Step+1), where)
}

// LeverResult is the outcome of one lever next to the baseline.
type LeverResult struct {
	Lever   Lever   `json:"lever"`
	Label   string  `json:"label"`
	Outcome Outcome `json:"outcome"`
	// Deltas against the baseline.
	DeltaCustomers float64 `json:"delta_customers"`
	DeltaRevenue   float64 `json:"delta_revenue"`
	DeltaCost      float64 `json:"delta_cost"`
	DeltaCAC       float64 `json:"delta_cac"`
	// CostPerExtraCustomer is DeltaCost / DeltaCustomers (cents), 0 when
	// unknown or when no customers are gained.
	CostPerExtraCustomer float64 `json:"cost_per_extra_customer"`
}

// Apply returns the channels with the lever pulled (the input is not changed).
func Apply(channels []Funnel, l Lever) []Funnel {
	out := make([]Funnel, len(channels))
	for i, f := range channels {
		g := f
		g.Rates = append([]float64(nil), f.Rates...)
		if l.Slice == "" || l.Slice == f.Name {
			switch l.Kind {
			case LeverVolume:
				g.Top = f.Top * (1 + l.Percent/100)
			case LeverRate:
				if l.Step >= 0 && l.Step < len(g.Rates) {
					g.Rates[l.Step] = clamp01(g.Rates[l.Step] + l.Points/100)
				}
			}
		}
		out[i] = g
	}
	return out
}

// Simulate pulls each lever on its own and reports every outcome next to
// the baseline, in the order given, so the cheapest lever is visible.
func Simulate(channels []Funnel, levers []Lever) (base Outcome, results []LeverResult) {
	base = ForwardAll(channels)
	var stages []string
	if len(channels) > 0 {
		stages = channels[0].Stages
	}
	for _, l := range levers {
		o := ForwardAll(Apply(channels, l))
		if o.CostKnown {
			o.Cost += l.ExtraCost
			o.finish()
		}
		r := LeverResult{
			Lever: l, Label: l.Label(stages), Outcome: o,
			DeltaCustomers: o.Customers - base.Customers,
			DeltaRevenue:   o.Revenue - base.Revenue,
		}
		if o.CostKnown {
			r.DeltaCost = o.Cost - base.Cost
			r.DeltaCAC = o.CAC - base.CAC
			if r.DeltaCustomers > 0 {
				r.CostPerExtraCustomer = r.DeltaCost / r.DeltaCustomers
			}
		}
		results = append(results, r)
	}
	return base, results
}

// StandardLevers lists, for the given sizes, +percent volume for every
// channel and for all, and +points at every step for all channels.
func StandardLevers(channels []Funnel, percent, points float64) []Lever {
	var ls []Lever
	ls = append(ls, Lever{Kind: LeverVolume, Percent: percent})
	if len(channels) > 1 {
		for _, f := range channels {
			ls = append(ls, Lever{Kind: LeverVolume, Slice: f.Name, Percent: percent})
		}
	}
	if len(channels) > 0 {
		for k := range channels[0].Rates {
			ls = append(ls, Lever{Kind: LeverRate, Step: k, Points: points})
		}
	}
	return ls
}
