package report

import (
	"fmt"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/stats"
)

// Customers is the customers section: churn month by month, and retention
// and expansion by acquisition channel and by cohort (the quarter won),
// from model/money. Amounts are minor units of Currency.
type Customers struct {
	Currency string `json:"currency"`
	AsOf     string `json:"as_of"`
	// HasAmounts is false when the data has no amount column: revenue is
	// then unknown (shown empty), not zero.
	HasAmounts bool `json:"has_amounts"`
	// Churn counts customers (won on a known day) and those who churned,
	// per month: customers_at_start is each month's denominator.
	Churn money.Churn `json:"churn"`
	// Retention is by channel and by cohort; each group carries its
	// denominators (customers, customer_months, new + expansion revenue).
	Retention money.CustomerReport `json:"retention"`
	Notes     []string             `json:"notes"`
	// NoDates: the data has no dates, so no customer was won on a known
	// day: churn and retention are not measured (shown empty, not zero).
	NoDates bool `json:"no_dates,omitempty"`
}

// SegmentsSection is the segments section: the ICP segments the mapping's
// rules define, each with its funnel, pipeline and won revenue, and with
// a spend table the spend shared among them (Economics: null without one).
type SegmentsSection struct {
	Currency   string `json:"currency"`
	HasAmounts bool   `json:"has_amounts"` // false: pipeline and revenue are unknown

	Rules     []money.SegmentRule     `json:"rules"`
	Stages    []string                `json:"stages"`
	Segments  []money.Segment         `json:"segments"`
	Economics *money.SegmentEconomics `json:"economics"`
	Notes     []string                `json:"notes"`
}

func buildCustomers(sel *query.Selection, opt Options) (*Customers, error) {
	ds, mopt := sel.Data, money.ScopeOptions(opt.Money, sel, opt.AsOf)
	cr, err := money.ComputeCustomers(ds, mopt)
	if err != nil {
		return nil, &MoneyError{err}
	}
	c := &Customers{Currency: cr.Currency, AsOf: cr.AsOf, HasAmounts: ds.Amount != nil, Churn: money.ComputeChurn(ds, 12, mopt),
		Retention: cr, Notes: []string{}}
	// the months before the first customer was won tell nothing
	for len(c.Churn.Months) > 0 && c.Churn.Months[0] == (money.ChurnMonth{Month: c.Churn.Months[0].Month}) {
		c.Churn.Months = c.Churn.Months[1:]
	}
	if c.Retention.ByChannel == nil {
		c.Retention.ByChannel = []money.Retention{}
	}
	if c.Retention.ByCohort == nil {
		c.Retention.ByCohort = []money.Retention{}
	}
	if c.Churn.Months == nil {
		c.Churn.Months = []money.ChurnMonth{}
	}
	if !ds.HasDates {
		c.NoDates = true
		c.Notes = append(c.Notes, "the data has no dates: churn and retention need the day each customer was won, so they are not measured")
	}
	if cr.TypeColumn == "" {
		c.Notes = append(c.Notes, "no deal-type column (type, deal_type): expansion cannot be told from new business, so it is unknown, not zero")
	}
	churned := false
	for i := range ds.Exit {
		if ds.Exit[i] == model.ExitChurned {
			churned = true
			break
		}
	}
	if !churned {
		c.Notes = append(c.Notes, "no record is marked churned: churn is zero only as far as the data says")
	}
	return c, nil
}

func buildSegments(whole *model.Dataset, sel *query.Selection, filter string, opt Options) (*SegmentsSection, error) {
	if len(opt.Segments) == 0 {
		return nil, fmt.Errorf("the segments section needs segment rules: add a segments list to the mapping file (funnel help mapping)")
	}
	ds, mopt := sel.Data, money.ScopeOptions(opt.Money, sel, opt.AsOf)
	seg, err := money.AssignSegments(ds, opt.Segments, mopt)
	if err != nil {
		return nil, err
	}
	s := &SegmentsSection{Currency: seg.Currency, HasAmounts: ds.Amount != nil, Rules: opt.Segments, Stages: append([]string{}, ds.Stages...),
		Segments: seg.Segments, Notes: []string{}}
	if s.Segments == nil {
		s.Segments = []money.Segment{}
	}
	if opt.Spend != nil {
		spend, notes := money.ScopeSpend(whole, opt.Spend, sel, filter, opt.AsOf, opt.Money)
		e, err := money.ComputeSegmentEconomics(ds, seg, spend, mopt)
		if err != nil {
			return nil, &MoneyError{err}
		}
		s.Economics = &e
		s.Notes = append(s.Notes, notes...)
	}
	return s, nil
}

// Tables renders churn by month, then retention and expansion by channel
// and by cohort.
func (c *Customers) Tables() []Table {
	ch := Table{Name: "customers_churn", Title: "Customer churn by month", Columns: []Column{{Name: "Month", Kind: KindText},
		{Name: "Customers at start", Kind: KindCount}, {Name: "Churned", Kind: KindCount}, {Name: "Churn", Kind: KindRate}, {Name: "New", Kind: KindCount}}}
	for _, m := range c.Churn.Months {
		ch.Rows = append(ch.Rows, []Cell{str(m.Month), num(m.AtStart), num(m.Lost), rate(m.Rate), num(m.New)})
	}
	ch.Footnotes = []string{
		"Customers: records won on a known day; at start: won before the month and not churned before it; Churn: churned in the month / at start.",
		fmt.Sprintf("Over the whole history: %s of %s churned, %s per customer-month (%s customer-months), as of %s.",
			widgets0(c.Churn.Churned), plural(c.Churn.Customers, "customer", "customers"), pct(c.Churn.MonthlyRate),
			decimal(c.Churn.CustomerMonths), c.Churn.AsOf),
	}
	if c.NoDates {
		ch.Footnotes = []string{"The data has no dates: no customer was won on a known day, so churn is not measured."}
	}
	out := []Table{ch}
	known := c.Retention.TypeColumn != ""
	for _, g := range []struct {
		name, title, head string
		rows              []money.Retention
	}{{"customers_by_channel", "Retention and expansion by channel", "Channel", c.Retention.ByChannel},
		{"customers_by_cohort", "Retention and expansion by cohort (quarter won)", "Cohort", c.Retention.ByCohort}} {
		t := Table{Name: g.name, Title: titled(g.title, c.Currency), Columns: []Column{{Name: g.head, Kind: KindText},
			{Name: "Customers", Kind: KindCount}, {Name: "Active", Kind: KindCount}, {Name: "Retained", Kind: KindRate}, {Name: "Churned", Kind: KindCount},
			{Name: "Customer-months", Kind: KindDecimal}, {Name: "Monthly churn", Kind: KindRate}, {Name: "New revenue", Kind: KindMoney},
			{Name: "Expansion", Kind: KindMoney}, {Name: "Expansion share", Kind: KindRate}}}
		for _, r := range g.rows {
			rev, exp, share := num(r.NewRevenue), num(r.Expansion), rate(r.ExpansionShare)
			if !known || !c.HasAmounts {
				exp, share = null, null
			}
			if !c.HasAmounts {
				rev = null
			}
			retained, months, churn := rate(r.Retained), Cell{Num: r.CustomerMonths}, rate(r.MonthlyChurn)
			if c.NoDates {
				retained, months, churn = null, null, null
			}
			t.Rows = append(t.Rows, []Cell{str(r.Group), num(r.Customers), num(r.Active), retained, num(r.Churned),
				months, churn, rev, exp, share})
		}
		asOf := " as of " + c.AsOf
		if c.AsOf == "" {
			asOf = ""
		}
		t.Footnotes = []string{
			"Customers: new-business deals won; Retained: not churned" + asOf + " / customers (compare cohorts of the same age);",
			"Monthly churn: churned / customer-months; Expansion: won upsell/expansion deals of the same account, credited to the channel and quarter of its first deal;",
			fmt.Sprintf("Expansion share: expansion / (new + expansion revenue). Groups under %d customers are not findings.", stats.MinSample),
		}
		if known && c.Retention.UnlinkedExpansion > 0 {
			t.Footnotes = append(t.Footnotes, "Expansion revenue of accounts with no new-business deal in the data (no channel to credit): "+
				human(num(c.Retention.UnlinkedExpansion), KindMoney)+".")
		}
		t.Footnotes = append(t.Footnotes, c.Notes...)
		out = append(out, t)
	}
	return out
}

// Tables renders each segment's funnel, pipeline and won revenue, then its
// unit economics against the spend shared to it.
func (s *SegmentsSection) Tables() []Table {
	t := Table{Name: "segments", Title: titled("ICP segments", s.Currency), Columns: []Column{{Name: "Segment", Kind: KindText}, {Name: "Records", Kind: KindCount}}}
	for k, st := range s.Stages {
		if k > 0 {
			t.Columns = append(t.Columns, Column{Name: st, Kind: KindCount})
		}
	}
	t.Columns = append(t.Columns, Column{Name: "Win rate", Kind: KindRate}, Column{Name: "Pipeline", Kind: KindMoney}, Column{Name: "Deals", Kind: KindCount},
		Column{Name: "Open pipeline", Kind: KindMoney}, Column{Name: "Won revenue", Kind: KindMoney})
	for _, g := range s.Segments {
		row := []Cell{str(g.Segment), num(g.Records)}
		for k := 1; k < len(g.Reached); k++ {
			row = append(row, num(g.Reached[k]))
		}
		pipe, open, won := num(g.Pipeline), num(g.OpenPipeline), num(g.WonRevenue)
		if !s.HasAmounts {
			pipe, open, won = null, null, null
		}
		t.Rows = append(t.Rows, append(row, rate(g.WinRate), pipe, num(g.PipelineDeals), open, won))
	}
	t.Footnotes = []string{
		"Segments from the mapping's rules, the first matching rule wins; (none): no rule matched. Counts reach each stage or past it.",
		"Win rate: won / records; Pipeline: amounts of the Deals at the opportunity stage or past it (won and lost included); Open pipeline: those still open.",
	}
	if !s.HasAmounts {
		t.Footnotes = append(t.Footnotes, "The data has no amount column: pipeline and revenue are unknown.")
	}
	out := []Table{t}
	if e := s.Economics; e != nil {
		u := money.UnitEconomics{Currency: e.Currency, By: "segment", WindowFrom: e.WindowFrom, WindowTo: e.WindowTo, AsOf: e.AsOf,
			Undated: e.Undated, Groups: e.Groups, Total: e.Total}
		ec := econTables(u, nil)[0]
		ec.Name = "segments_economics"
		ec.Footnotes = append([]string{
			fmt.Sprintf("Spend by segment: %s.", e.Method),
			fmt.Sprintf("Spend %s to %s: %s, of it %s shared among segments; %s not (unmatched rows, channels with no lead in the window).",
				e.WindowFrom, e.WindowTo, human(num(e.Spend), KindMoney), human(num(e.Allocated), KindMoney), human(num(e.Unallocated), KindMoney)),
		}, ec.Footnotes...)
		ec.Footnotes = append(ec.Footnotes, s.Notes...)
		out = append(out, ec)
	}
	return out
}

func widgets0(n int) string { return human(num(n), KindCount) }

func pct(r float64) string { return human(rate(r), KindRate) }
