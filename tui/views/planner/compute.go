package planner

import (
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/tui/views"
)

// data is everything the planner shows except the reverse plan,
// which follows the target the user types.
type data struct {
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
	costNote   string   // why CAC is missing, "" when cost is known
	noValue    string   // why revenue is not computed (mixed currencies)
	caveats    []string // what makes the rates run high (insight.PlannerResult.Caveats)
	// ranking: channels by customers over rankFrom..rankTo (entry months)
	ranking          []plan.ChannelStat
	rankFrom, rankTo string
	rankNote         string
}

// computeFor builds the planner's models from the records the
// state's filter selects, as of its date, in the whole data's calendar;
// the spend is scoped to the selection as the money view scopes it
// (views.SpendFor), and what was left out is said.
func computeFor(c views.Common, st views.State) data {
	sel, err := views.Selection(c.Engine, st)
	if err != nil {
		return data{filterErr: err}
	}
	cs := views.OnSelection(c, sel, st)
	var notes []string
	cs.Spend, notes = views.SpendFor(c, sel, st)
	d := compute(cs, views.AnalysisDay(c.Data(), st))
	d.scope, d.spendNotes = views.ScopeNote(sel, st.Filter), notes
	return d
}

// compute builds the funnel models (per channel when the data has a
// channel column), pulls the standard levers and ranks the channels, as of
// asOf (NoDay: the data has no dates): insight.Planner, the report's plan
// section's numbers.
func compute(c views.Common, asOf int32) data {
	ds := c.Data()
	dim := ""
	if ds.Dim("channel") != nil {
		dim = "channel"
	}
	po := insight.PlanCosts(ds, c.Spend, c.Money, dim)
	po.AsOf = asOf
	r := insight.Planner(ds, po)
	d := data{asOf: r.AsOf, dim: r.Dimension, models: r.Models, err: r.Err, base: r.Now, levers: r.Levers,
		costNote: r.CostNote, ranking: r.Ranking, rankFrom: r.RankFrom, rankTo: r.RankTo, rankNote: r.RankNote, noValue: r.NoValue, caveats: r.Caveats}
	return d
}
