package plan

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/model/stats"
)

// StageNeed is how many must reach one stage per period.
type StageNeed struct {
	Stage  string  `json:"stage"`
	Needed float64 `json:"needed"`
	// Low and High are the 95% interval of Needed: the uncertainty of the
	// rates (and of the channel mix) behind it, propagated on the log scale
	// (IntervalMethod). Equal to Needed when the funnel carries no counts or
	// intervals, and at the bottom of a customer target (it is the target).
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// IntervalMethod is stated in every plan with intervals.
const IntervalMethod = "95% intervals by the delta method on the log scale: each rate's uncertainty from the records behind it " +
	"(binomial, half a conversion added), each channel's volume as a Poisson count, channels combined before the interval is taken"

// Plan is the reverse funnel for one channel (or all).
type Plan struct {
	Name      string      `json:"name,omitempty"`
	Target    Target      `json:"target"`
	Customers float64     `json:"customers"` // customers needed
	Stages    []StageNeed `json:"stages"`    // top first
	// Leads is Stages[0].Needed; Budget is Leads × cost per lead + fixed
	// cost (cents), BudgetLow/High its 95% interval. Zero and CostKnown
	// false when cost is unknown.
	Leads      float64 `json:"leads"`
	Budget     float64 `json:"budget"`
	BudgetLow  float64 `json:"budget_low"`
	BudgetHigh float64 `json:"budget_high"`
	CostKnown  bool    `json:"cost_known"`
	// Method says how Low and High were found ("" when there are none).
	Method string `json:"interval_method,omitempty"`
	// Channels holds a plan per channel when several were given: the target
	// is split by each channel's current share of customers and worked back
	// at that channel's own rates; their intervals come from the same model
	// as the whole (they do not add up to the whole's interval).
	Channels []Plan   `json:"channels,omitempty"`
	Notes    []string `json:"notes,omitempty"`
}

// Reverse works back from a target, stage by stage at the funnel's rates,
// to how many must enter every stage and the budget at its cost per lead.
func Reverse(f Funnel, t Target) (Plan, error) {
	p, err := ReverseChannels([]Funnel{f}, t)
	p.Name = f.Name
	return p, err
}

// ReverseTarget plans a target given per its period (month, quarter, year
// or week) from models given per month: one channel is Reverse, several
// ReverseChannels.
func ReverseTarget(monthly []Funnel, t Target) (Plan, error) {
	factor, err := t.Months()
	if err != nil {
		return Plan{}, err
	}
	fs := make([]Funnel, len(monthly))
	for i, f := range monthly {
		fs[i] = f.Scaled(factor)
	}
	if len(fs) == 1 {
		return Reverse(fs[0], t)
	}
	return ReverseChannels(fs, t)
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

// ReverseChannels plans the target across channels at their current mix:
// the whole plan plus one per channel, the target split by each channel's
// current share of customers. Per-channel needs add up to the whole's; the
// intervals are each taken from one model of all channels (the rates and
// volumes of every channel, with their uncertainty), never by adding the
// channels' extremes.
func ReverseChannels(channels []Funnel, t Target) (Plan, error) {
	if len(channels) == 0 {
		return Plan{}, fmt.Errorf("no channels to plan")
	}
	for _, f := range channels {
		if err := f.validate(); err != nil {
			return Plan{}, err
		}
		if len(f.Rates) != len(channels[0].Rates) {
			return Plan{}, fmt.Errorf("channel %q has %d steps, %q %d", f.Name, len(f.Rates), channels[0].Name, len(channels[0].Rates))
		}
	}
	all := Merge("all", channels)
	cust, err := customersFor(all, t)
	if err != nil {
		return Plan{}, err
	}
	for k, r := range all.Rates {
		if r <= 0 {
			return Plan{}, fmt.Errorf("%s→%s converts 0%%: no volume at the top reaches the target", all.stageName(k), all.stageName(k+1))
		}
	}
	m := newRevModel(channels, t)
	val, se := stats.DeltaLog(m.eval, m.theta, m.vars)
	n, J := m.n, len(channels)
	interval := func(i int) (float64, float64) { return stats.LogInterval(val[i], se[i], stats.Z95) }
	stagesOf := func(off int, stages []string) []StageNeed {
		out := make([]StageNeed, n)
		for k := range out {
			lo, hi := interval(off + k)
			out[k] = StageNeed{Stage: Funnel{Stages: stages}.stageName(k), Needed: val[off+k], Low: lo, High: hi}
		}
		return out
	}
	p := Plan{Name: all.Name, Target: t, Customers: cust, Stages: stagesOf(0, all.Stages), CostKnown: all.CostKnown}
	if t.Customers > 0 { // the bottom is the target itself, not an estimate
		last := &p.Stages[n-1]
		last.Needed, last.Low, last.High = cust, cust, cust
	}
	p.Leads = p.Stages[0].Needed
	if m.withIntervals {
		p.Method = IntervalMethod
	}
	if all.CostKnown {
		p.Budget = val[m.budget]
		p.BudgetLow, p.BudgetHigh = interval(m.budget)
	}
	if J == 1 {
		return p, nil
	}
	for j, f := range channels {
		share := val[m.customers+j]
		if share <= 0 {
			p.Notes = append(p.Notes, fmt.Sprintf("%s delivers no customers at its current rates: no plan for it", f.Name))
			continue
		}
		cp := Plan{Name: f.Name, Target: Target{Customers: share, Period: t.Period}, Customers: share,
			Stages: stagesOf(m.channel+j*n, f.Stages), CostKnown: f.CostKnown, Method: p.Method}
		cp.Leads = cp.Stages[0].Needed
		if f.CostKnown {
			cp.Budget = val[m.chBudget+j]
			cp.BudgetLow, cp.BudgetHigh = interval(m.chBudget + j)
		}
		p.Channels = append(p.Channels, cp)
	}
	p.Notes = append(p.Notes, "channel plans split the target by each channel's current share of customers")
	return p, nil
}

// revModel is the reverse funnel as a function of its parameters: per
// channel the log of its volume and of each step's rate. eval gives every
// number the plan shows, so one delta-method pass gives all intervals.
type revModel struct {
	fs            []Funnel
	t             Target
	n             int
	theta, vars   []float64
	withIntervals bool
	// output offsets: whole stages [0,n), channel stages, whole budget,
	// channel budgets, channel customers.
	channel, budget, chBudget, customers, size int
}

func newRevModel(fs []Funnel, t Target) *revModel {
	n := len(fs[0].Rates) + 1
	J := len(fs)
	m := &revModel{fs: fs, t: t, n: n}
	m.channel = n
	m.budget = n + J*n
	m.chBudget = m.budget + 1
	m.customers = m.chBudget + J
	m.size = m.customers + J
	for _, f := range fs {
		m.theta = append(m.theta, math.Log(f.Top))
		v := 0.0
		if J > 1 { // one funnel's needs do not depend on its volume
			v = stats.LogCountVar(f.TopCount)
		}
		m.vars = append(m.vars, v)
		for k, r := range f.Rates {
			m.theta = append(m.theta, math.Log(r))
			m.vars = append(m.vars, f.logRateVar(k))
		}
	}
	for _, v := range m.vars {
		m.withIntervals = m.withIntervals || v > 0
	}
	return m
}

// logRateVar is the variance of log Rates[k]: from the counts behind it,
// else from its interval (as if normal on the log scale), else 0.
func (f Funnel) logRateVar(k int) float64 {
	if k < len(f.Entered) && k < len(f.Converted) && f.Entered[k] > 0 {
		return stats.LogRateVar(f.Converted[k], f.Entered[k])
	}
	if k < len(f.RateLow) && k < len(f.RateHigh) && f.RateLow[k] > 0 && f.RateHigh[k] > f.RateLow[k] {
		s := (math.Log(f.RateHigh[k]) - math.Log(f.RateLow[k])) / (2 * stats.Z95)
		return s * s
	}
	return 0
}

func (m *revModel) eval(theta []float64) []float64 {
	out := make([]float64, m.size)
	n, J := m.n, len(m.fs)
	// B: customers per period at the current volumes; reach[j][k]: channel
	// j's records reaching stage k per period.
	reach := make([]float64, J*n)
	var B, revenue float64
	for j, f := range m.fs {
		th := theta[j*n : (j+1)*n]
		c := math.Exp(th[0])
		for k := 0; k < n; k++ {
			if k > 0 {
				c *= math.Min(1, math.Exp(th[k]))
			}
			reach[j*n+k] = c
		}
		B += c
		revenue += c * f.DealValue
	}
	if B <= 0 {
		return out
	}
	cust := m.t.Customers
	if cust <= 0 && revenue > 0 {
		cust = m.t.Revenue * B / revenue
	}
	scale := cust / B
	for j, f := range m.fs {
		for k := 0; k < n; k++ {
			need := reach[j*n+k] * scale
			out[k] += need
			out[m.channel+j*n+k] = need
		}
		lead := reach[j*n] * scale
		if f.CostKnown {
			b := lead*f.CostPerLead + f.FixedCost
			out[m.chBudget+j] = b
			out[m.budget] += b
		}
		out[m.customers+j] = reach[j*n+n-1] * scale
	}
	return out
}
