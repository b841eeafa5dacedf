// Package plan holds the funnel arithmetic behind the lever simulator, the
// reverse-funnel planner and the channel ranking: pure functions over a
// stage-rate vector and a top-of-funnel volume. Money is in minor units
// (cents) as float64; counts are per period (whatever period Top is per).
package plan

import (
	"fmt"
	"math"
)

// Funnel is a funnel model for one channel (or all): how many enter the top
// per period and the step conversion rates.
type Funnel struct {
	Name   string   `json:"name,omitempty"`
	Stages []string `json:"stages"`
	// Top is the number entering the first stage per period.
	Top float64 `json:"top"`
	// Rates[k] is the step conversion from stage k to k+1 (len(Stages)-1).
	Rates []float64 `json:"rates"`
	// RateLow and RateHigh are the 95% interval of each rate (optional).
	RateLow  []float64 `json:"rate_low,omitempty"`
	RateHigh []float64 `json:"rate_high,omitempty"`
	// Entered[k] and Converted[k] are the records behind Rates[k]: how many
	// entered stage k in the model's window and how many of them converted
	// (fractional when it includes the expected conversions of records
	// still open). They give the plan its intervals; without them the rate
	// interval is used, and without that the plan has no range.
	Entered   []float64 `json:"entered,omitempty"`
	Converted []float64 `json:"converted,omitempty"`
	// TopCount is how many records Top was measured from (Top is TopCount
	// over the months of history); 0 takes the volume as exact.
	TopCount float64 `json:"top_count,omitempty"`
	// DealValue is the revenue per customer (cents); 0 when unknown.
	DealValue float64 `json:"deal_value"`
	// CostPerLead (cents) is what one record at the top costs; 0 with
	// CostKnown false means unknown. FixedCost is other spend per period.
	CostPerLead float64 `json:"cost_per_lead"`
	FixedCost   float64 `json:"fixed_cost,omitempty"`
	CostKnown   bool    `json:"cost_known"`
}

// Outcome is what a funnel produces per period.
type Outcome struct {
	Counts    []float64 `json:"counts"` // per stage
	Customers float64   `json:"customers"`
	Revenue   float64   `json:"revenue"` // cents
	Cost      float64   `json:"cost"`    // cents; 0 when unknown
	CostKnown bool      `json:"cost_known"`
	// CAC is Cost / Customers (cents); 0 when cost is unknown or no customers.
	CAC float64 `json:"cac"`
}

// Forward runs the funnel: counts at every stage, customers at the bottom,
// revenue and cost.
func Forward(f Funnel) Outcome {
	n := len(f.Rates) + 1
	o := Outcome{Counts: make([]float64, n), CostKnown: f.CostKnown}
	c := f.Top
	o.Counts[0] = c
	for k, r := range f.Rates {
		c *= clamp01(r)
		o.Counts[k+1] = c
	}
	o.Customers = c
	o.Revenue = c * f.DealValue
	if f.CostKnown {
		o.Cost = f.Top*f.CostPerLead + f.FixedCost
	}
	o.finish()
	return o
}

func (o *Outcome) finish() {
	o.CAC = 0
	if o.CostKnown && o.Customers > 0 {
		o.CAC = o.Cost / o.Customers
	}
}

// ForwardAll runs every channel and sums them (the channels must share
// stages). Cost is known only when every channel's cost is.
func ForwardAll(fs []Funnel) Outcome {
	var total Outcome
	total.CostKnown = len(fs) > 0
	for _, f := range fs {
		o := Forward(f)
		if total.Counts == nil {
			total.Counts = make([]float64, len(o.Counts))
		}
		for k := range o.Counts {
			if k < len(total.Counts) {
				total.Counts[k] += o.Counts[k]
			}
		}
		total.Customers += o.Customers
		total.Revenue += o.Revenue
		total.Cost += o.Cost
		total.CostKnown = total.CostKnown && o.CostKnown
	}
	if !total.CostKnown {
		total.Cost = 0
	}
	total.finish()
	return total
}

// Merge blends channels into one funnel with the same totals: Top is the
// sum, each rate the ratio of summed stage counts, deal value revenue per
// customer and cost per lead total cost per lead.
func Merge(name string, fs []Funnel) Funnel {
	if len(fs) == 0 {
		return Funnel{Name: name}
	}
	o := ForwardAll(fs)
	m := Funnel{Name: name, Stages: fs[0].Stages, Top: o.Counts[0], Rates: make([]float64, len(o.Counts)-1), CostKnown: o.CostKnown}
	for k := range m.Rates {
		m.Rates[k] = ratio(o.Counts[k+1], o.Counts[k])
	}
	m.DealValue = ratio(o.Revenue, o.Customers)
	if o.CostKnown {
		var fixed float64
		for _, f := range fs {
			fixed += f.FixedCost
		}
		m.FixedCost = fixed
		m.CostPerLead = ratio(o.Cost-fixed, m.Top)
	}
	return m
}

// Scaled returns the funnel over a period factor times as long (3 turns a
// monthly funnel into a quarterly one): volume and fixed cost scale; rates
// and the counts they were measured from do not.
func (f Funnel) Scaled(factor float64) Funnel {
	f.Top *= factor
	f.FixedCost *= factor
	return f
}

// validate checks the funnel's shape.
func (f Funnel) validate() error {
	if len(f.Rates) == 0 {
		return fmt.Errorf("funnel %q has no conversion steps", f.Name)
	}
	if len(f.Stages) != 0 && len(f.Stages) != len(f.Rates)+1 {
		return fmt.Errorf("funnel %q has %d stages but %d rates (want stages-1)", f.Name, len(f.Stages), len(f.Rates))
	}
	for k, r := range f.Rates {
		if math.IsNaN(r) || r < 0 || r > 1 {
			return fmt.Errorf("funnel %q: rate %d is %v, want 0..1", f.Name, k, r)
		}
	}
	if (f.RateLow != nil && len(f.RateLow) != len(f.Rates)) || (f.RateHigh != nil && len(f.RateHigh) != len(f.Rates)) {
		return fmt.Errorf("funnel %q: rate intervals do not match the rates", f.Name)
	}
	if (f.Entered != nil && len(f.Entered) != len(f.Rates)) || (f.Converted != nil && len(f.Converted) != len(f.Rates)) {
		return fmt.Errorf("funnel %q: rate counts do not match the rates", f.Name)
	}
	if math.IsNaN(f.Top) || math.IsInf(f.Top, 0) || f.Top < 0 {
		return fmt.Errorf("funnel %q: volume %v, want a number ≥ 0", f.Name, f.Top)
	}
	return nil
}

// Whole is a number of records needed, rounded up to a whole one; float
// noise (30.000000001 customers) does not round up.
func Whole(x float64) int { return int(math.Ceil(x - 1e-9*math.Max(1, math.Abs(x)))) }

// WholeRange rounds an interval outwards to whole records (the low end
// down, the high end up), float noise aside.
func WholeRange(lo, hi float64) (int, int) {
	return int(math.Floor(lo + 1e-9*math.Max(1, math.Abs(lo)))), Whole(hi)
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// stageName returns the k-th stage name or "stage k".
func (f Funnel) stageName(k int) string {
	if k < len(f.Stages) {
		return f.Stages[k]
	}
	return fmt.Sprintf("stage %d", k)
}
