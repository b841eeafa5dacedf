package report

import (
	"errors"
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
)

// Money is the money section: deals and revenue, and unit economics when a
// spend table was given (computed by model/money, the same calls the
// explorer's money view makes). Amounts are minor units (cents) of Currency.
type Money struct {
	Currency string      `json:"currency"`
	Deals    money.Deals `json:"deals"`
	// UnitEconomics is null when no spend table was given.
	UnitEconomics *money.UnitEconomics `json:"unit_economics"`
	// ByCurrency is what the data holds per currency before any conversion.
	ByCurrency []money.CurrencyTotal `json:"by_currency"`
	Notes      []string              `json:"notes"`
}

// MoneyError says the money section cannot be computed from this data as
// asked (amounts in several currencies with no conversion, a missing
// rate): bad input, not bad usage.
type MoneyError struct{ Err error }

func (e *MoneyError) Error() string {
	var me *money.MixedCurrencyError
	if !errors.As(e.Err, &me) {
		return "money: " + e.Err.Error()
	}
	parts := make([]string, len(me.Totals))
	for i, t := range me.Totals {
		code := t.Currency
		if code == "" {
			code = "(no currency)"
		}
		parts[i] = fmt.Sprintf("%s %s over %d records", format.Clean(code), format.Money(t.Amount, ""), t.Records)
	}
	return fmt.Sprintf("money: %s. Per currency: %s. Example: --currency USD --rates \"EUR=1.08,GBP=1.27\"",
		me.Error(), strings.Join(parts, "; "))
}

func (e *MoneyError) Unwrap() error { return e.Err }

// buildMoney computes the money section on a selection of whole's records
// (filter is its expression, "" for none), as the explorer's money view
// does: money counted as of the selection's day, spend scoped to it
// (money.ScopeSpend), with notes saying what was left out.
func buildMoney(whole *model.Dataset, sel *query.Selection, expr string, opt Options) (*Money, error) {
	ds, mopt := sel.Data, money.ScopeOptions(opt.Money, sel, opt.AsOf)
	d, err := money.ComputeDeals(ds, mopt)
	if err != nil {
		return nil, &MoneyError{err}
	}
	m := &Money{Currency: d.Currency, Deals: d, ByCurrency: money.ByCurrency(ds), Notes: []string{}}
	if m.ByCurrency == nil {
		m.ByCurrency = []money.CurrencyTotal{}
	}
	if opt.Spend != nil {
		spend, notes := money.ScopeSpend(whole, opt.Spend, sel, expr, opt.AsOf, opt.Money)
		u, err := money.ComputeUnitEconomics(ds, spend, "channel", mopt)
		if err != nil {
			return nil, &MoneyError{err}
		}
		m.UnitEconomics = &u
		m.Notes = append(m.Notes, notes...)
	}
	return m, nil
}

func money64(v *int64) Cell {
	if v == nil {
		return Cell{Null: true}
	}
	return num(*v)
}

var null = Cell{Null: true}

// Tables renders the money section: a metric table, the pipeline and lost
// value tables, and unit economics with its join.
func (m *Money) Tables() []Table {
	d := m.Deals
	cur := format.Clean(m.Currency)
	t := Table{Name: SecMoney, Title: titled("Deals and revenue", cur), Columns: []Column{{Name: "Metric", Kind: KindText}, {Name: "Amount", Kind: KindMoney},
		{Name: "Deals", Kind: KindCount}, {Name: "Rate", Kind: KindRate}, {Name: "Days", Kind: KindDays}, {Name: "Basis", Kind: KindText}}}
	row := func(name string, amt Cell, n int, r, days Cell, basis string) {
		t.Rows = append(t.Rows, []Cell{str(name), amt, num(n), r, days, str(basis)})
	}
	amt := func(v int64) Cell {
		if !d.HasAmounts {
			return null
		}
		return num(v)
	}
	opp := d.OpportunityStage
	row("Deals created", null, d.Created, null, null, "records that reached "+opp)
	row("Open pipeline", amt(d.OpenPipeline), d.Open, null, null, "open deals")
	row("Weighted pipeline", money64(d.WeightedPipeline), d.WeightedDeals, null, null, "amount × probability, open deals with a probability")
	row("Won revenue", amt(d.WonRevenue), d.Won, null, null, "won deals")
	row("Lost value", amt(d.LostValue), d.Lost, null, null, "lost deals")
	row("ASP", money64(d.ASP), d.WonWithAmount, null, null, "won revenue / won deals with an amount")
	row("ACV", money64(d.ACV), d.ACVDeals, null, null, "amount × 12 / term, won deals with a term")
	row("Win rate, closed", null, d.Won+d.Lost, rate(d.WinRateClosed), null, "won / closed (won + lost)")
	row("Win rate, created", null, d.Created, rate(d.WinRateCreated), null, "won / created (open deals count against it)")
	cycle := null
	if d.CycleDeals > 0 {
		cycle = Cell{Num: d.SalesCycleMedianDays}
	}
	row("Sales cycle", null, d.CycleDeals, null, cycle, "median days "+opp+" to won, won deals with both dates")
	out := []Table{t}
	for _, vt := range []struct {
		name, title, head string
		rows              []money.ValueRow
	}{{"money_pipeline_by_stage", "Open pipeline by furthest stage", "Stage", d.PipelineByStage},
		{"money_pipeline_by_channel", "Open pipeline by channel", "Channel", d.PipelineByChannel},
		{"money_lost_by_reason", "Lost value by reason", "Reason", d.LostByReason}} {
		if len(vt.rows) == 0 || !d.HasAmounts {
			continue
		}
		v := Table{Name: vt.name, Title: titled(vt.title, cur), Columns: []Column{{Name: vt.head, Kind: KindText}, {Name: "Deals", Kind: KindCount}, {Name: "Value", Kind: KindMoney}}}
		for _, r := range vt.rows {
			v.Rows = append(v.Rows, []Cell{str(r.Label), num(r.Deals), num(r.Amount)})
		}
		out = append(out, v)
	}
	if len(m.ByCurrency) > 1 {
		title := "Currencies in the data"
		if cur != "" {
			title += " (before conversion to " + cur + ")"
		}
		c := Table{Name: "money_currencies", Title: title, Columns: []Column{{Name: "Currency", Kind: KindText},
			{Name: "Records", Kind: KindCount}, {Name: "Amount", Kind: KindMoney}, {Name: "Won", Kind: KindMoney}}}
		for _, ct := range m.ByCurrency {
			c.Rows = append(c.Rows, []Cell{str(ct.Currency), num(ct.Records), num(ct.Amount), num(ct.Won)})
		}
		out = append(out, c)
	}
	if m.UnitEconomics != nil {
		out = append(out, econTables(*m.UnitEconomics, m.Notes)...)
	}
	return out
}
