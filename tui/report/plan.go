package report

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
)

// Plan is the planner's numbers (the explorer's p view, insight.Planner):
// the reverse funnel for a target with its 95% intervals, the models it is
// worked back at, the levers and the channels ranked by what reaches the
// bottom. Amounts are minor units (cents) of the data's currency.
type Plan struct {
	AsOf     string `json:"as_of"`
	Currency string `json:"currency"` // of every amount ("" when the data has none)
	// Target is what the plan must deliver (--target); TargetDefault says
	// none was given and the planner's first one was used (a fifth more
	// customers a month than now).
	Target        plan.Target `json:"target"`
	TargetText    string      `json:"target_text"`
	TargetDefault bool        `json:"target_default"`
	// Reverse is the reverse funnel (null when it cannot be worked back:
	// the reason is in Notes).
	Reverse *plan.Plan `json:"reverse"`
	// Dimension is the channel dimension of the models ("" for one model);
	// Months of history behind every number.
	Dimension string        `json:"dimension"`
	Months    int           `json:"months"`
	Models    []plan.Funnel `json:"models"`
	// Now is the output per month at today's models; Levers each lever
	// pulled alone (+10% volume, +5 points at a step), most customers first.
	Now    plan.Outcome       `json:"now"`
	Levers []plan.LeverResult `json:"levers"`
	// Ranking is the channels by customers over RankFrom..RankTo.
	Ranking  []plan.ChannelStat `json:"ranking"`
	RankFrom string             `json:"rank_from"`
	RankTo   string             `json:"rank_to"`
	Notes    []string           `json:"notes"`
	// NoValue says why revenue is not computed (insight.PlannerResult.NoValue).
	NoValue string `json:"no_value,omitempty"`
}

// buildPlan computes the plan section on the records as known on the
// as-of date (sel), with the spend scoped to them as the explorer scopes it.
func buildPlan(whole *model.Dataset, sel *query.Selection, expr string, asOf int32, opt Options) *Plan {
	ds := sel.Data
	spend, notes := money.ScopeSpend(whole, opt.Spend, sel, expr, opt.AsOf, opt.Money)
	dim := ""
	if ds.Dim("channel") != nil {
		dim = "channel"
	}
	po := insight.PlanCosts(ds, spend, money.ScopeOptions(opt.Money, sel, opt.AsOf), dim)
	po.AsOf = asOf
	r := insight.Planner(ds, po)
	p := &Plan{AsOf: r.AsOf, Currency: ds.Currency, Target: opt.Target, Dimension: r.Dimension, Months: r.Months, Models: r.Models,
		Now: r.Now, Levers: r.Levers, Ranking: r.Ranking, RankFrom: r.RankFrom, RankTo: r.RankTo, Notes: append([]string{}, notes...)}
	if p.Models == nil {
		p.Models = []plan.Funnel{}
	}
	if p.Levers == nil {
		p.Levers = []plan.LeverResult{}
	}
	if p.Ranking == nil {
		p.Ranking = []plan.ChannelStat{}
	}
	p.NoValue = r.NoValue
	for _, n := range append([]string{r.CostNote, r.RankNote, r.NoValue}, r.Caveats...) {
		if n != "" {
			p.Notes = append(p.Notes, n)
		}
	}
	if r.Err != nil {
		p.Notes = append(p.Notes, "no model: "+r.Err.Error())
		return p
	}
	if p.Target == (plan.Target{}) {
		p.Target, p.TargetDefault = insight.DefaultTarget(r.Now), true
	}
	p.TargetText = p.Target.String()
	if len(r.Models) == 0 {
		p.Notes = append(p.Notes, "no records to model")
		return p
	}
	rev, err := plan.ReverseTarget(r.Models, p.Target)
	if err != nil {
		p.Notes = append(p.Notes, "no reverse plan: "+err.Error())
		return p
	}
	p.Reverse = &rev
	return p
}

// Tables renders the plan: the reverse funnel, the channel plans, the
// levers and the channel ranking.
func (p *Plan) Tables() []Table {
	var out []Table
	cur := ""
	if p.Currency != "" {
		cur = " (" + format.Clean(p.Currency) + ")"
	}
	if rv := p.Reverse; rv != nil {
		title := "Plan: " + p.TargetText
		if p.TargetDefault {
			title += " (no --target: a fifth more customers than now)"
		}
		t := Table{Name: SecPlan, Title: title, Columns: []Column{{Name: "Stage", Kind: KindText}, {Name: "Needed", Kind: KindCount}, {Name: "95% low", Kind: KindCount}, {Name: "95% high", Kind: KindCount}}}
		for _, s := range rv.Stages {
			lo, hi := plan.WholeRange(s.Low, s.High)
			t.Rows = append(t.Rows, []Cell{str(s.Stage), {Num: float64(plan.Whole(s.Needed))}, {Num: float64(lo)}, {Num: float64(hi)}})
		}
		t.Footnotes = append(t.Footnotes, fmt.Sprintf("Per %s, worked back at the rates of the last %d months as of %s.", p.Target.Period, p.Months, p.AsOf))
		if rv.CostKnown {
			m := func(v float64) string { return format.Money(int64(math.Round(v)), format.Clean(p.Currency)) }
			t.Footnotes = append(t.Footnotes, fmt.Sprintf("Budget per %s at each channel's cost per lead: %s (95%%: %s–%s).",
				p.Target.Period, m(rv.Budget), m(rv.BudgetLow), m(rv.BudgetHigh)))
		} else {
			t.Footnotes = append(t.Footnotes, "Budget: no cost per lead (add --spend).")
		}
		if rv.Method != "" {
			t.Footnotes = append(t.Footnotes, rv.Method+".")
		}
		for _, n := range rv.Notes {
			t.Footnotes = append(t.Footnotes, format.Clean(n))
		}
		out = append(out, t)
		if len(rv.Channels) > 0 {
			c := Table{Name: "plan_channels", Title: "Plan by channel" + cur, Columns: []Column{{Name: "Channel", Kind: KindText}, {Name: "Customers", Kind: KindDecimal},
				{Name: "Leads", Kind: KindCount}, {Name: "95% low", Kind: KindCount}, {Name: "95% high", Kind: KindCount}, {Name: "Budget", Kind: KindMoney}}}
			for _, cp := range rv.Channels {
				lo, hi := plan.WholeRange(cp.Stages[0].Low, cp.Stages[0].High)
				budget := Cell{Null: true}
				if cp.CostKnown {
					budget = Cell{Num: cp.Budget}
				}
				c.Rows = append(c.Rows, []Cell{str(cp.Name), {Num: cp.Customers}, {Num: float64(plan.Whole(cp.Leads))},
					{Num: float64(lo)}, {Num: float64(hi)}, budget})
			}
			c.Footnotes = []string{"The target split by each channel's current share of customers; each range is that channel's, from the same model as the whole."}
			out = append(out, c)
		}
	}
	if len(p.Levers) > 0 {
		t := Table{Name: "plan_levers", Title: "Levers" + cur, Columns: []Column{{Name: "Lever", Kind: KindText}, {Name: "Customers", Kind: KindDecimal}, {Name: "Δ customers", Kind: KindDecimal},
			{Name: "Revenue", Kind: KindMoney}, {Name: "CAC", Kind: KindMoney}}}
		cac := func(o plan.Outcome) Cell {
			if !o.CostKnown || o.Customers <= 0 {
				return Cell{Null: true}
			}
			return Cell{Num: o.CAC}
		}
		revenue := func(o plan.Outcome) Cell {
			if p.NoValue != "" {
				return Cell{Null: true}
			}
			return Cell{Num: o.Revenue}
		}
		t.Rows = append(t.Rows, []Cell{str("now (no change)"), {Num: p.Now.Customers}, {Num: 0}, revenue(p.Now), cac(p.Now)})
		for _, l := range p.Levers {
			t.Rows = append(t.Rows, []Cell{str(l.Label), {Num: l.Outcome.Customers}, {Num: l.DeltaCustomers}, revenue(l.Outcome), cac(l.Outcome)})
		}
		t.Footnotes = []string{fmt.Sprintf("Per month. Volume levers add %d%% at the top (at the channel's cost per lead); rate levers add %d points at one step, the cost of the change not included.",
			insight.LeverPercent, insight.LeverPoints)}
		out = append(out, t)
	}
	if len(p.Ranking) > 0 {
		t := Table{Name: "plan_ranking", Title: fmt.Sprintf("Channels by customers (entered %s to %s)%s", p.RankFrom, p.RankTo, cur), Columns: []Column{{Name: "Channel", Kind: KindText},
			{Name: "Leads", Kind: KindCount}, {Name: "Customers", Kind: KindCount}, {Name: "Lead→customer", Kind: KindRate}, {Name: "Revenue", Kind: KindMoney}, {Name: "Cost", Kind: KindMoney},
			{Name: "CAC", Kind: KindMoney}, {Name: "ROI", Kind: KindRate}}}
		for _, c := range p.Ranking {
			cost, cac, roi := Cell{Null: true}, Cell{Null: true}, Cell{Null: true}
			if c.CostKnown {
				cost, roi = num(c.Cost), Cell{Num: c.ROI}
				if c.Customers > 0 {
					cac = Cell{Num: c.CAC}
				}
			}
			rev := num(c.Revenue)
			if p.NoValue != "" {
				rev, roi = null, null
			}
			t.Rows = append(t.Rows, []Cell{str(c.Name), num(c.Leads), num(c.Customers), rate(c.LeadToCustomer), rev, cost, cac, roi})
		}
		t.Footnotes = []string{"Judged by what reaches the bottom: customers, revenue and ROI ((revenue − cost) / cost, as a percent), not lead volume."}
		out = append(out, t)
	}
	if len(out) > 0 && len(p.Notes) > 0 {
		last := &out[len(out)-1]
		for _, n := range p.Notes {
			last.Footnotes = append(last.Footnotes, format.Clean(n))
		}
	}
	if len(out) == 0 {
		t := Table{Name: SecPlan, Title: "Plan", Columns: []Column{{Name: "Note", Kind: KindText}}}
		for _, n := range p.Notes {
			t.Rows = append(t.Rows, []Cell{str(n)})
		}
		out = append(out, t)
	}
	return out
}
