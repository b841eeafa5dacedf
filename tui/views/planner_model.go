package views

import (
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/tui/scope"
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
// asOf (NoDay: the data has no dates): insight.Planner, the report's plan
// section's numbers.
func computePlanner(c Common, asOf int32) plannerData {
	ds := c.Data()
	dim := ""
	if ds.Dim("channel") != nil {
		dim = "channel"
	}
	po := scope.PlanCosts(ds, c.Spend, c.Money, dim)
	po.AsOf = asOf
	r := insight.Planner(ds, po)
	return plannerData{asOf: r.AsOf, dim: r.Dimension, models: r.Models, err: r.Err, base: r.Now, levers: r.Levers,
		costNote: r.CostNote, ranking: r.Ranking, rankFrom: r.RankFrom, rankTo: r.RankTo, rankNote: r.RankNote}
}
