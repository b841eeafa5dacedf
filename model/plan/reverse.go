package plan

import (
	"fmt"
	"math"
)

// Target is what the plan must deliver per period: customers, or revenue
// (cents) which the deal value turns into customers. Set one.
type Target struct {
	Customers float64 `json:"customers,omitempty"`
	Revenue   float64 `json:"revenue,omitempty"`
	// Period names the period the target is per ("month", "quarter").
	Period string `json:"period,omitempty"`
}

// StageNeed is how many must reach one stage per period.
type StageNeed struct {
	Stage  string  `json:"stage"`
	Needed float64 `json:"needed"`
	// Low and High come from the rate intervals: High at the low end of
	// every rate (the pessimistic plan), Low at the high end. Equal to
	// Needed when the funnel has no intervals.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// Plan is the reverse funnel for one channel (or all).
type Plan struct {
	Name      string      `json:"name,omitempty"`
	Target    Target      `json:"target"`
	Customers float64     `json:"customers"` // customers needed
	Stages    []StageNeed `json:"stages"`    // top first
	// Leads is Stages[0].Needed; Budget is Leads × cost per lead + fixed
	// cost (cents), with BudgetLow/High from the lead range. Zero and
	// CostKnown false when cost is unknown.
	Leads      float64 `json:"leads"`
	Budget     float64 `json:"budget"`
	BudgetLow  float64 `json:"budget_low"`
	BudgetHigh float64 `json:"budget_high"`
	CostKnown  bool    `json:"cost_known"`
	// Unbounded: some rate's interval reaches 0%, so the pessimistic plan
	// has no upper bound; the affected High values and BudgetHigh are 0.
	Unbounded bool `json:"unbounded,omitempty"`
	// Channels holds a plan per channel when several were given: the target
	// is split by each channel's current share of customers and worked back
	// at that channel's own rates.
	Channels []Plan   `json:"channels,omitempty"`
	Notes    []string `json:"notes,omitempty"`
}

// Reverse works back from a target, stage by stage at the funnel's rates,
// to how many must enter every stage and the budget at its cost per lead.
func Reverse(f Funnel, t Target) (Plan, error) {
	if err := f.validate(); err != nil {
		return Plan{}, err
	}
	cust, err := customersFor(f, t)
	if err != nil {
		return Plan{}, err
	}
	n := len(f.Rates) + 1
	p := Plan{Name: f.Name, Target: t, Customers: cust, Stages: make([]StageNeed, n), CostKnown: f.CostKnown}
	need, lo, hi := cust, cust, cust
	for k := n - 1; k >= 0; k-- {
		p.Stages[k] = StageNeed{Stage: f.stageName(k), Needed: need, Low: lo, High: hi}
		if k == 0 {
			break
		}
		r := f.Rates[k-1]
		if r <= 0 && need > 0 {
			return Plan{}, fmt.Errorf("%s→%s converts 0%%: no volume at the top reaches the target", f.stageName(k-1), f.stageName(k))
		}
		need = ratio(need, r)
		rl, rh := r, r
		if f.RateLow != nil {
			rl = f.RateLow[k-1]
		}
		if f.RateHigh != nil {
			rh = f.RateHigh[k-1]
		}
		lo = ratio(lo, rh)
		if rl <= 0 {
			hi = math.Inf(1)
		} else {
			hi /= rl
		}
	}
	p.Leads = p.Stages[0].Needed
	if f.CostKnown {
		p.Budget = p.Leads*f.CostPerLead + f.FixedCost
		p.BudgetLow = p.Stages[0].Low*f.CostPerLead + f.FixedCost
		p.BudgetHigh = p.Stages[0].High*f.CostPerLead + f.FixedCost
	}
	if math.IsInf(p.Stages[0].High, 1) {
		p.Unbounded = true
		p.BudgetHigh = 0
		for k := range p.Stages {
			if math.IsInf(p.Stages[k].High, 1) {
				p.Stages[k].High = 0
			}
		}
		p.Notes = append(p.Notes, "a rate interval reaches 0%: the pessimistic plan is unbounded (high shown as 0)")
	}
	return p, nil
}

func customersFor(f Funnel, t Target) (float64, error) {
	switch {
	case t.Customers < 0 || t.Revenue < 0:
		return 0, fmt.Errorf("target must not be negative")
	case t.Customers > 0 && t.Revenue > 0:
		return 0, fmt.Errorf("target: set customers or revenue, not both")
	case t.Customers > 0:
		return t.Customers, nil
	case t.Revenue > 0:
		if f.DealValue <= 0 {
			return 0, fmt.Errorf("a revenue target needs a deal value (no won amounts)")
		}
		return t.Revenue / f.DealValue, nil
	}
	return 0, fmt.Errorf("target: set customers or revenue")
}

// ReverseChannels plans the target across channels: the blended plan (all
// channels merged) plus one plan per channel, the target split by each
// channel's current share of customers. Per-channel leads add up to what the
// current mix needs; they differ from the blended plan only in the range.
func ReverseChannels(channels []Funnel, t Target) (Plan, error) {
	if len(channels) == 0 {
		return Plan{}, fmt.Errorf("no channels to plan")
	}
	all := Merge("all", channels)
	total, err := Reverse(all, t)
	if err != nil {
		return Plan{}, err
	}
	base := ForwardAll(channels)
	if base.Customers <= 0 {
		return total, nil
	}
	for _, f := range channels {
		share := Forward(f).Customers / base.Customers
		if share <= 0 {
			total.Notes = append(total.Notes, fmt.Sprintf("%s delivers no customers at its current rates: no plan for it", f.Name))
			continue
		}
		cp, err := Reverse(f, Target{Customers: total.Customers * share, Period: t.Period})
		if err != nil {
			return Plan{}, fmt.Errorf("channel %q: %w", f.Name, err)
		}
		total.Channels = append(total.Channels, cp)
	}
	// the blended range ignores channel intervals; use the channels' sum
	var blo, bhi float64
	for _, c := range total.Channels {
		total.Unbounded = total.Unbounded || c.Unbounded
	}
	for k := range total.Stages {
		total.Stages[k].Low, total.Stages[k].High = 0, 0
		for _, c := range total.Channels {
			total.Stages[k].Low += c.Stages[k].Low
			total.Stages[k].High += c.Stages[k].High
		}
	}
	for _, c := range total.Channels {
		blo += c.BudgetLow
		bhi += c.BudgetHigh
	}
	if total.CostKnown {
		total.BudgetLow, total.BudgetHigh = blo, bhi
	}
	total.Notes = append(total.Notes, "channel plans split the target by each channel's current share of customers")
	return total, nil
}
