package insight

import (
	"fmt"
	"sort"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/model/query"
)

// Planner sizes: +10% volume and +5 points of conversion per lever, and
// three months of history behind every rate.
const (
	LeverPercent = 10
	LeverPoints  = 5
	ModelMonths  = 3
)

// PlannerOptions configure Planner.
type PlannerOptions struct {
	AsOf int32 // 0 or NoDay: the last date in the data
	// CostPerLead by channel (cents; "" for all) and Spend by channel over
	// SpendFrom..SpendTo (the ranking's window when set); nil when there is
	// no spend. CostNote says why there is none ("" when there is).
	CostPerLead        map[string]float64
	Spend              map[string]int64
	SpendFrom, SpendTo int32
	CostNote           string
}

// PlannerResult is what the planner shows besides the reverse plan (which
// follows a target: plan.ReverseTarget of Models): the explorer's planner
// and the report's plan section are both this.
type PlannerResult struct {
	AsOf string `json:"as_of"`
	// Dimension is the channel dimension the models are split by ("" when
	// the data has none: one model of all records).
	Dimension string `json:"dimension,omitempty"`
	// Months of history behind each number.
	Months int `json:"months"`
	// Models are per month: volume, step rates with their records.
	Models []plan.Funnel `json:"models"`
	// Now is the funnel's output per month at today's models; Levers each
	// lever pulled alone, most customers first.
	Now    plan.Outcome       `json:"now"`
	Levers []plan.LeverResult `json:"levers"`
	// Ranking is the channels by customers over RankFrom..RankTo (entry months).
	Ranking          []plan.ChannelStat `json:"ranking"`
	RankFrom, RankTo string
	// CostNote says why CAC is missing, RankNote why there is no ranking.
	CostNote string `json:"cost_note,omitempty"`
	RankNote string `json:"rank_note,omitempty"`
	// NoValue says why revenue is not computed ("" when it is): won
	// amounts in several currencies have no average deal, so the models'
	// DealValue is 0 and no revenue (levers, ranking) is a figure.
	NoValue string `json:"no_value,omitempty"`
	// Caveats say what makes the models' rates run high: records with no
	// known stage left out of every step, or a top stage with no date (the
	// rates up to the first dated stage are 100% by construction).
	Caveats []string `json:"caveats,omitempty"`
	// Err says why there is no model (no dates).
	Err error `json:"-"`
}

// Planner builds the funnel models (per channel when the data has a
// channel column), pulls the standard levers and ranks the channels by what
// reaches the bottom, as of opt.AsOf.
func Planner(ds *model.Dataset, opt PlannerOptions) PlannerResult {
	d := PlannerResult{Months: ModelMonths, CostNote: opt.CostNote}
	if ds.Dim("channel") != nil {
		d.Dimension = "channel"
	}
	asOf := resolveAsOf(ds, opt.AsOf)
	dated := ds.HasDates && asOf != model.NoDay
	if dated {
		d.AsOf = model.DayString(asOf)
	}
	d.Models, d.Err = FunnelModels(ds, ModelOptions{AsOf: asOf, Months: ModelMonths, Dim: d.Dimension, CostPerLead: opt.CostPerLead})
	d.Caveats = planCaveats(ds)
	if cur := wonCurrencies(ds); len(cur) > 1 {
		d.NoValue = fmt.Sprintf("won amounts are in %d currencies (%s), not converted: revenue is not computed", len(cur), strings.Join(cur, ", "))
		for i := range d.Models {
			d.Models[i].DealValue = 0
		}
	}
	if d.Err == nil && len(d.Models) > 0 {
		d.Now, d.Levers = plan.Simulate(d.Models, plan.StandardLevers(d.Models, LeverPercent, LeverPoints))
		sort.SliceStable(d.Levers, func(a, b int) bool { return d.Levers[a].DeltaCustomers > d.Levers[b].DeltaCustomers })
		if d.CostNote == "" && !d.Now.CostKnown {
			d.CostNote = "CAC unknown: " + missingCost(d.Models)
		}
	}
	if d.Dimension == "" {
		d.RankNote = "no channel column: no channel ranking"
		return d
	}
	copt := ChannelOptions{AsOf: asOf, Dim: d.Dimension, Cost: opt.Spend}
	if opt.SpendFrom != 0 {
		copt.From, copt.To = opt.SpendFrom, opt.SpendTo
	} else if dated {
		w := Months(model.MonthIndex(DefaultCurrent(asOf).To), 12)
		copt.From, copt.To = w.From, w.To
	}
	if copt.From != 0 {
		d.RankFrom, d.RankTo = model.MonthLabel(model.MonthIndex(copt.From)), model.MonthLabel(model.MonthIndex(copt.To))
	}
	d.Ranking, _ = RankChannels(ds, copt)
	return d
}

func missingCost(fs []plan.Funnel) string {
	var names []string
	for _, f := range fs {
		if !f.CostKnown {
			names = append(names, f.Name)
		}
	}
	return fmt.Sprintf("no spend for %v", names)
}

// DefaultTarget is the planner's first target, before one is typed: a
// fifth more customers a month than the models make now (at least one).
func DefaultTarget(now plan.Outcome) plan.Target {
	return plan.Target{Customers: max(1, float64(int(now.Customers*1.2+0.999))), Period: "month"}
}

// planCaveats say what makes the models' rates run high (Caveats).
func planCaveats(ds *model.Dataset) []string {
	var out []string
	unknown := 0
	for _, u := range ds.StageUnknown {
		if u {
			unknown++
		}
	}
	if unknown > 0 {
		who, verb := query.CountString(unknown)+" records have", "are"
		if unknown == 1 {
			who, verb = "1 record has", "is"
		}
		out = append(out, fmt.Sprintf("%s no known stage (only an outcome) and %s left out of every step rate: "+
			"the rates, and the plan and levers built on them, run high", who, verb))
	}
	if top, first := query.EntryUndated(ds); top != "" && first != "" {
		out = append(out, fmt.Sprintf("no record has a date at %s: the models count each record from its %s date, so every step "+
			"up to %s converts 100%% by construction (only records that reached it are counted); the plan needs more at the top than it says",
			top, first, first))
	}
	return out
}
