package planner

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// The planner as data (views.Tabler): the reverse funnel and its channel
// split for the target, the levers and the channel ranking, the rows the
// screen draws (its sheet's cells are written from these tables).

func cols(spec ...any) []tabular.Column {
	var out []tabular.Column
	for i := 0; i+1 < len(spec); i += 2 {
		out = append(out, tabular.Column{Name: spec[i].(string), Kind: spec[i+1].(tabular.Kind)})
	}
	return out
}

func numCell(x float64) tabular.Cell { return tabular.Cell{Num: x} }

// cents is money, unknown when not finite.
func cents(x float64) tabular.Cell {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return tabular.Cell{Null: true}
	}
	return tabular.Cell{Num: math.Round(x)}
}

// rangeCells are a 95% interval in whole records (unknown when exact).
func rangeCells(lo, hi float64) (tabular.Cell, tabular.Cell) {
	if hi <= lo {
		return tabular.Cell{Null: true}, tabular.Cell{Null: true}
	}
	l, h := plan.WholeRange(lo, hi)
	return numCell(float64(l)), numCell(float64(h))
}

// reverseData is what the target needs at each stage.
func (p *Model) reverseData() tabular.Table {
	t := tabular.Table{Name: "plan", Title: "Reverse funnel for " + p.typed + ", per " + p.target.Period,
		Columns: cols("Stage", tabular.KindText, "Needed", tabular.KindCount, "95% low", tabular.KindCount, "95% high", tabular.KindCount)}
	pl := p.plan
	for _, s := range pl.Stages {
		lo, hi := rangeCells(s.Low, s.High)
		t.Rows = append(t.Rows, []tabular.Cell{{Str: s.Stage}, numCell(float64(plan.Whole(s.Needed))), lo, hi})
	}
	if pl.CostKnown {
		t.Footnotes = append(t.Footnotes, fmt.Sprintf("Budget%s: %s (%s)", p.cur(), p.money(pl.Budget), moneyRange(p, pl.BudgetLow, pl.BudgetHigh)))
	}
	return t
}

// channelsData is the target split by channel.
func (p *Model) channelsData() tabular.Table {
	t := tabular.Table{Name: "plan_channels", Title: "Reverse funnel by channel",
		Columns: cols("Channel", tabular.KindText, "Customers", tabular.KindDecimal, "Leads", tabular.KindCount,
			"95% low", tabular.KindCount, "95% high", tabular.KindCount)}
	for _, c := range p.plan.Channels {
		lo, hi := rangeCells(c.Stages[0].Low, c.Stages[0].High)
		t.Rows = append(t.Rows, []tabular.Cell{{Str: c.Name}, numCell(c.Customers), numCell(float64(plan.Whole(c.Leads))), lo, hi})
	}
	return t
}

// leversData is the output now and with each lever pulled, most
// customers first.
func (p *Model) leversData(d *data) tabular.Table {
	t := tabular.Table{Name: "levers", Title: fmt.Sprintf("Levers per month, rates of the last %d months, as of %s", insight.ModelMonths, d.asOf),
		Columns: cols("Lever", tabular.KindText, "Customers", tabular.KindDecimal, "Δ customers", tabular.KindDecimal,
			"Revenue", tabular.KindMoney, "CAC", tabular.KindMoney)}
	row := func(label string, o plan.Outcome, delta tabular.Cell) []tabular.Cell {
		cac := tabular.Cell{Null: true}
		if o.CostKnown && o.Customers > 0 {
			cac = cents(o.CAC)
		}
		rev := cents(o.Revenue)
		if d.noValue != "" {
			rev = tabular.Cell{Null: true}
		}
		return []tabular.Cell{{Str: label}, numCell(o.Customers), delta, rev, cac}
	}
	t.Rows = append(t.Rows, row("now (no change)", d.base, tabular.Cell{Null: true}))
	for _, l := range d.levers {
		t.Rows = append(t.Rows, row(l.Label, l.Outcome, numCell(l.DeltaCustomers)))
	}
	return t
}

// rankingData is the channels by customers, not leads.
func (p *Model) rankingData(d *data) tabular.Table {
	t := tabular.Table{Name: "channel_ranking", Title: "Channels by customers",
		Columns: cols("Channel", tabular.KindText, "Customers", tabular.KindCount, "Revenue", tabular.KindMoney, "ROI", tabular.KindRate,
			"CAC", tabular.KindMoney, "Leads", tabular.KindCount, "Lead→cust", tabular.KindRate, "# leads", tabular.KindCount)}
	for _, c := range d.ranking {
		cac, roi := tabular.Cell{Null: true}, tabular.Cell{Null: true}
		if c.CostKnown {
			if c.Customers > 0 {
				cac = cents(c.CAC)
			}
			if c.Cost > 0 {
				roi = numCell(c.ROI)
			}
		}
		rev := cents(float64(c.Revenue))
		if d.noValue != "" {
			rev, roi = tabular.Cell{Null: true}, tabular.Cell{Null: true}
		}
		t.Rows = append(t.Rows, []tabular.Cell{{Str: c.Name}, numCell(float64(c.Customers)), rev, roi, cac,
			numCell(float64(c.Leads)), numCell(c.LeadToCustomer), numCell(float64(c.RankLeads))})
	}
	return t
}

// texts writes a table's cells as the planner's sheet shows them: money
// and ROI (a percent) as the report writes them (tabular.Text), customers
// to a tenth, Δ signed, ranks with #, "—" for unknown.
func (p *Model) texts(t tabular.Table) [][]string {
	whole := make([]bool, len(t.Columns))
	for j := range t.Columns {
		whole[j] = tabular.WholeMoney(t, j) // one money format per column
	}
	out := make([][]string, len(t.Rows))
	for i, row := range t.Rows {
		out[i] = make([]string, len(row))
		for j, c := range row {
			col := t.Columns[j]
			switch {
			case col.Kind == tabular.KindText:
				out[i][j] = c.Str
			case c.Null && col.Name == "Δ customers":
				out[i][j] = ""
			case c.Null:
				out[i][j] = "—"
			case col.Kind == tabular.KindMoney:
				out[i][j] = p.moneyIn(c.Num, whole[j])
			case col.Name == "Δ customers":
				out[i][j] = fmt.Sprintf("%+.1f", c.Num)
			case col.Kind == tabular.KindDecimal:
				out[i][j] = fmt.Sprintf("%.1f", c.Num)
			case col.Name == "# leads":
				out[i][j] = fmt.Sprintf("#%d", int(c.Num))
			default:
				out[i][j] = tabular.Text(c, col.Kind)
			}
		}
	}
	return out
}

// rangeTexts are the reverse funnel's rows with the interval as one cell
// ("1,180–1,900", "exact").
func rangeTexts(rows [][]string, t tabular.Table, lo int) [][]string {
	for i, r := range rows {
		text := "exact"
		if c := t.Rows[i][lo]; !c.Null {
			text = format.Count(int(c.Num)) + "–" + format.Count(int(t.Rows[i][lo+1].Num))
		}
		rows[i] = append(r[:lo:lo], text)
	}
	return rows
}

// Tables is what y copies and :export writes: the reverse funnel (and its
// channels) for the target, the levers and the channel ranking.
func (p *Model) Tables() []tabular.Table {
	d := p.data
	if d == nil || d.filterErr != nil {
		return nil
	}
	var out []tabular.Table
	if d.err == nil {
		if p.plan != nil {
			out = append(out, p.reverseData())
			if len(p.plan.Channels) > 0 {
				out = append(out, p.channelsData())
			}
		}
		out = append(out, p.leversData(d))
	}
	if d.rankNote == "" {
		out = append(out, p.rankingData(d))
	}
	return out
}

// Report says the planner's numbers are the report's plan section for
// the same target.
func (p *Model) Report() ([]string, []string) {
	if p.typed == "" || p.autoTyped {
		return []string{"plan"}, nil
	}
	return []string{"plan"}, []string{"--target", p.typed}
}
