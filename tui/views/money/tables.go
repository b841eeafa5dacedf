package money

import (
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// Tables is what y copies and :export writes: the report's money tables
// of the same figures (deals and revenue, pipeline by stage and channel,
// lost value by reason, unit economics and its join), the account
// funnel, and the customers and segments tables the view draws.
func (m *Model) Tables() []tabular.Table {
	d := m.res
	if !m.ready || d.FilterErr != nil {
		return nil
	}
	var out []tabular.Table
	if d.DealsErr == nil && d.Mixed == nil {
		rm := report.Money{Currency: d.Currency, Deals: d.Deals, UnitEconomics: d.Econ, ByCurrency: d.ByCurrency, Notes: d.SpendNotes}
		out = append(out, rm.Tables()...)
	}
	if a := d.Accounts; a != nil && len(a.Funnel) > 0 {
		t := tabular.Table{Name: "accounts", Title: "Accounts by stage", Columns: []tabular.Column{{Name: "Stage", Kind: tabular.KindText},
			{Name: "Accounts", Kind: tabular.KindCount}, {Name: "Step", Kind: tabular.KindRate}}}
		for k, s := range a.Funnel {
			t.Rows = append(t.Rows, []tabular.Cell{{Str: s.Stage}, {Num: float64(s.Accounts)}, {Num: s.ConversionFromPrevious, Null: k == 0}})
		}
		out = append(out, t)
	}
	if d.Customers != nil {
		out = append(out, d.Customers.Tables()...)
	}
	if d.Segments != nil {
		out = append(out, d.Segments.Tables()...)
	}
	return out
}

// Report says the view's numbers are the report's money, customers and
// (with segment rules) segments sections.
func (m *Model) Report() ([]string, []string) {
	secs := []string{report.SecMoney, report.SecCustomers}
	if len(m.common.Segments) > 0 {
		secs = append(secs, report.SecSegments)
	}
	return secs, nil
}
