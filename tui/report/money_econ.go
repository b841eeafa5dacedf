package report

import (
	"fmt"

	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/stats"
)

// econTables renders unit economics per group and in total, then the
// names matched and the spend no group took.
func econTables(u money.UnitEconomics, notes []string) []Table {
	win := u.WindowFrom + " to " + u.WindowTo
	t := Table{Name: "unit_economics", Title: titled("Unit economics by "+u.By, u.Currency),
		Columns: []Column{{Name: u.By, Kind: KindText}, {Name: "Spend", Kind: KindMoney}, {Name: "Leads", Kind: KindCount}}}
	for k := 0; k+1 < len(u.Total.CostPer); k++ {
		t.Columns = append(t.Columns, Column{Name: "Cost per " + u.Total.CostPer[k].Stage, Kind: KindMoney})
	}
	t.Columns = append(t.Columns, Column{Name: "Customers", Kind: KindCount}, Column{Name: "CAC", Kind: KindMoney}, Column{Name: "Pipeline", Kind: KindMoney},
		Column{Name: "First-year bookings", Kind: KindMoney}, Column{Name: "ROI", Kind: KindRate}, Column{Name: "Payback months", Kind: KindDays},
		Column{Name: "LTV", Kind: KindMoney}, Column{Name: "LTV:CAC", Kind: KindDays})
	for _, g := range append(append([]money.Economics{}, u.Groups...), u.Total) {
		row := []Cell{str(g.Name), num(g.Spend), num(g.Leads)}
		for k := 0; k+1 < len(g.CostPer); k++ {
			row = append(row, money64(g.CostPer[k].CostPer))
		}
		row = append(row, num(g.Customers), money64(g.CAC), num(g.Pipeline), num(g.FirstYearBookings), opt(g.ROI),
			opt(g.PaybackMonths), money64(g.LTV), opt(g.LTVToCAC))
		t.Rows = append(t.Rows, row)
	}
	t.Footnotes = []string{
		fmt.Sprintf("Spend %s; Leads: records of each %s created %s, followed to %s (recent leads still maturing).", win, u.By, win, u.AsOf),
		fmt.Sprintf("CAC = spend %s / customers from leads created %s; Cost per stage = spend / those leads that reached it.", win, win),
		"ROI = (first-year bookings - spend) / spend; Payback = months of first-year revenue to repay spend (revenue, not margin).",
		"LTV = monthly revenue per customer / monthly churn (empty when no churn was seen); Total: all spend, matched or not, over all leads.",
		fmt.Sprintf("Groups with fewer than %d customers: their CAC, ROI and payback are not findings.", stats.MinSample),
	}
	if u.Undated > 0 {
		note := plural(u.Undated, "record", "records") + " with no entry date are left out."
		if u.Undated == 1 {
			note = "1 record with no entry date is left out."
		}
		t.Footnotes = append(t.Footnotes, note)
	}
	t.Footnotes = append(t.Footnotes, u.Notes...)
	t.Footnotes = append(t.Footnotes, notes...)
	out := []Table{t}
	if len(u.Join.Matches) > 0 {
		m := Table{Name: "unit_economics_matches", Title: "Spend names matched", Columns: []Column{{Name: "Spend", Kind: KindText}, {Name: "Data", Kind: KindText}, {Name: "Column", Kind: KindText}, {Name: "How", Kind: KindText}}}
		for _, x := range u.Join.Matches {
			m.Rows = append(m.Rows, []Cell{str(x.Spend), str(x.Data), str(x.Dim), str(x.How)})
		}
		out = append(out, m)
	}
	if len(u.Join.Unmatched) > 0 {
		m := Table{Name: "unit_economics_unmatched", Title: "Unmatched spend (in the total, in no group)", Columns: []Column{{Name: "Line", Kind: KindCount}, {Name: "Channel", Kind: KindText},
			{Name: "Campaign", Kind: KindText}, {Name: "Period", Kind: KindText}, {Name: "Amount", Kind: KindMoney}, {Name: "Reason", Kind: KindText}}}
		for _, x := range u.Join.Unmatched {
			line := num(x.Line)
			if x.Line == 0 {
				line = null // a generated row (the demo) has no line
			}
			m.Rows = append(m.Rows, []Cell{line, str(x.Channel), str(x.Campaign), str(x.Period), num(x.Amount), str(x.Reason)})
		}
		out = append(out, m)
	}
	return out
}
