package views

import (
	"fmt"
	"sort"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/plan"
)

// Planner sizes: +10% volume and +5 points of conversion per lever, and
// three months of history behind every rate.
const (
	leverPercent = 10
	leverPoints  = 5
	modelMonths  = 3
)

// plannerData is everything the planner shows except the reverse plan,
// which follows the target the user types.
type plannerData struct {
	gen int // the computation this is the result of
	// scope says which records the models are of under a filter ("" for
	// all), spendNotes what was done to the spend to match, filterErr is a
	// filter that could not be applied (nothing is computed then).
	scope      string
	spendNotes []string
	filterErr  error
	asOf       string
	dim        string // the channel dimension, "" when the data has none
	models     []plan.Funnel
	err        error // why there is no model (no dates)
	base       plan.Outcome
	levers     []plan.LeverResult
	costNote   string // why CAC is missing, "" when cost is known
	// ranking: channels by customers over rankFrom..rankTo (entry months)
	ranking          []plan.ChannelStat
	rankFrom, rankTo string
	rankNote         string
}

// computePlannerFor builds the planner's models from the records the
// state's filter selects, as of its date, in the whole data's calendar;
// the spend is scoped to the selection as the money view scopes it
// (spendFor), and what was left out is said.
func computePlannerFor(c Common, st State, gen int) plannerData {
	sel, err := stateSelection(c.Engine, st)
	if err != nil {
		return plannerData{gen: gen, filterErr: err}
	}
	cs := onSelection(c, sel, st)
	var notes []string
	cs.Spend, notes = spendFor(c, sel, st)
	d := computePlanner(cs, analysisDay(c.Data(), st))
	d.gen, d.scope, d.spendNotes = gen, scopeNote(sel, st.Filter), notes
	return d
}

// computePlanner builds the funnel models (per channel when the data has a
// channel column), pulls the standard levers and ranks the channels, as of
// asOf (NoDay: the data has no dates).
func computePlanner(c Common, asOf int32) plannerData {
	ds := c.Data()
	var d plannerData
	if ds.Dim("channel") != nil {
		d.dim = "channel"
	}
	ok := asOf != model.NoDay && asOf != 0
	if ok {
		d.asOf = model.DayString(asOf)
	}
	cpl, spendBy, win, costNote := spendCosts(c, d.dim)
	d.costNote = costNote
	d.models, d.err = insight.FunnelModels(ds, insight.ModelOptions{AsOf: asOf, Months: modelMonths, Dim: d.dim, CostPerLead: cpl})
	if d.err == nil && len(d.models) > 0 {
		d.base, d.levers = plan.Simulate(d.models, plan.StandardLevers(d.models, leverPercent, leverPoints))
		sort.SliceStable(d.levers, func(a, b int) bool { return d.levers[a].DeltaCustomers > d.levers[b].DeltaCustomers })
		if d.costNote == "" && !d.base.CostKnown {
			d.costNote = "CAC unknown: " + missingCost(d.models)
		}
	}
	if d.dim == "" {
		d.rankNote = "no channel column: no channel ranking"
		return d
	}
	copt := insight.ChannelOptions{AsOf: asOf, Dim: d.dim, Cost: spendBy}
	if win.From != 0 {
		copt.From, copt.To = win.From, win.To
	} else if ds.HasDates && ok {
		w := insight.Months(model.MonthIndex(insight.DefaultCurrent(asOf).To), 12)
		copt.From, copt.To = w.From, w.To
	}
	if copt.From != 0 {
		d.rankFrom, d.rankTo = model.MonthLabel(model.MonthIndex(copt.From)), model.MonthLabel(model.MonthIndex(copt.To))
	}
	d.ranking, _ = insight.RankChannels(ds, copt)
	return d
}

// spendCosts turns the spend table into cost per lead and spend per channel
// (over the spend's months), or says why there is none.
func spendCosts(c Common, dim string) (cpl map[string]float64, spend map[string]int64, win insight.Period, note string) {
	if c.Spend == nil {
		return nil, nil, win, "add --spend for CAC"
	}
	if dim == "" {
		return nil, nil, win, "spend needs a channel column to be joined"
	}
	ue, err := money.ComputeUnitEconomics(c.Data(), c.Spend, "channel", c.Money)
	if err != nil {
		return nil, nil, win, "spend not used: " + err.Error()
	}
	cpl, spend = map[string]float64{}, map[string]int64{}
	for _, g := range ue.Groups {
		spend[g.Name] = g.Spend
		if len(g.CostPer) > 0 && g.CostPer[0].CostPer != nil {
			cpl[g.Name] = float64(*g.CostPer[0].CostPer)
		}
	}
	if ue.WindowFrom != "" {
		var y1, m1, y2, m2 int
		fmt.Sscanf(ue.WindowFrom, "%d-%d", &y1, &m1)
		fmt.Sscanf(ue.WindowTo, "%d-%d", &y2, &m2)
		a, b := y1*12+m1-1, y2*12+m2-1 // model.MonthIndex form
		if b >= a && a > 0 {
			win = insight.Months(b, b-a+1)
		}
	}
	return cpl, spend, win, ""
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
