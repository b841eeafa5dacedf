package money

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/stats"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// econLines renders unit economics: one row per channel and the total,
// then what each number divides by, the name matches and unmatched spend.
func econLines(p *page, u money.UnitEconomics) []string {
	c, width := p.c, p.width
	st := c.Styles
	cur := u.Currency
	mon := func(v int64) string { return format.Money(v, cur) }
	win := monthRange(u.WindowFrom, u.WindowTo)
	var l []string
	muted := func(s string) {
		for _, w := range format.Wrap(s, width) {
			l = append(l, st.Muted.Render(w))
		}
	}
	muted(fmt.Sprintf("Spend %s; leads: records of each %s created %s, followed to %s.", win, format.Clean(u.By), win, u.AsOf))

	stages := u.Total.CostPer
	cols := []mcol{{byTitle(u.By), 0, 0}, {"Spend", 12, 1}, {"Leads", 8, 3}}
	for k := 0; k+1 < len(stages); k++ {
		prio := 6
		if k == 0 {
			prio = 2
		}
		cols = append(cols, mcol{"per " + format.Truncate(format.Clean(stages[k].Stage), 7), 11, prio})
	}
	cols = append(cols, mcol{"Cust", 6, 4}, mcol{"CAC", 11, 1}, mcol{"ROI", 8, 2}, mcol{"Payback", 8, 3}, mcol{"LTV:CAC", 8, 5})
	all := append(append([]money.Economics{}, u.Groups...), u.Total)
	// one money format per column: whole units throughout when any amount
	// in it is 1,000 or more
	costs := make([][]*int64, len(stages)+1) // per stage, then CAC
	for _, g := range all {
		for k := 0; k+1 < len(g.CostPer) && k < len(stages); k++ {
			costs[k] = append(costs[k], g.CostPer[k].CostPer)
		}
		costs[len(stages)] = append(costs[len(stages)], g.CAC)
	}
	colMon := make([]func(int64) string, len(costs))
	for k, vs := range costs {
		colMon[k] = colMoney(cur, vs...)
	}
	spends := make([]*int64, len(all))
	for i := range all {
		spends[i] = &all[i].Spend
	}
	spendMon := colMoney(cur, spends...)
	rows := make([][]string, len(all))
	for i, g := range all {
		cells := []string{g.Name, spendMon(g.Spend), format.Count(g.Leads)}
		for k := 0; k+1 < len(g.CostPer); k++ {
			cells = append(cells, optMoney(g.CostPer[k].CostPer, colMon[min(k, len(stages))]))
		}
		rows[i] = append(cells, format.Count(g.Customers), optMoney(g.CAC, colMon[len(stages)]), optRatio(g.ROI, true),
			optMonths(g.PaybackMonths), optRatio(g.LTVToCAC, false))
	}
	l = append(l, p.table(cols, rows, func(i int) lipgloss.Style {
		if i == len(all)-1 {
			return st.Emphasis // the total
		}
		return st.Cell
	})...)
	muted(fmt.Sprintf("CAC = spend %s / customers from leads created %s (recent leads still maturing).", win, win))
	muted(fmt.Sprintf("per stage = spend / those leads that reached the stage to date; Cust: of them, won (%s).", format.Clean(lastStage(stages))))
	muted("ROI = (first-year bookings − spend) / spend; Payback = months of first-year revenue to repay spend (revenue, not margin).")
	muted("LTV:CAC = (monthly revenue per customer / monthly churn) / CAC; — when no churn was seen.")
	var thin []string
	for _, g := range u.Groups {
		if g.Customers < stats.MinSample {
			thin = append(thin, format.Clean(g.Name))
		}
	}
	if len(thin) > 0 {
		l = append(l, widgets.WrapStyled(st.Warn, fmt.Sprintf("! Fewer than %d customers: %s; their CAC, ROI, payback and LTV:CAC are not findings.",
			stats.MinSample, strings.Join(thin, ", ")), width)...)
	}
	if u.Join.Total != u.Join.Matched {
		muted(fmt.Sprintf("Total: all spend (%s, of it %s matched to a %s) over all leads created %s.",
			mon(u.Join.Total), mon(u.Join.Matched), format.Clean(u.By), win))
	}
	if u.Undated > 0 {
		muted(fmt.Sprintf("%s records with no entry date are left out.", format.Count(u.Undated)))
	}
	for _, n := range u.Notes {
		muted(n)
	}
	for _, m := range u.Join.Matches {
		muted(fmt.Sprintf("Matched spend %q to %s %q (%s).", format.Clean(m.Spend), format.Clean(m.Dim), format.Clean(m.Data), m.How))
	}
	l = append(l, unmatchedLines(p, u.Join.Unmatched, mon)...)
	return l
}

// unmatchedLines lists unmatched spend grouped by name and reason.
func unmatchedLines(p *page, rows []money.UnmatchedSpend, mon func(int64) string) []string {
	c, width := p.c, p.width
	if len(rows) == 0 {
		return nil
	}
	type grp struct {
		name, reason, from, to string
		n                      int
		amount                 int64
	}
	idx := map[[2]string]*grp{}
	var order []*grp
	for _, r := range rows {
		name := r.Channel
		if name == "" {
			name = r.Campaign
		}
		k := [2]string{name, r.Reason}
		g := idx[k]
		if g == nil {
			g = &grp{name: name, reason: r.Reason, from: r.Period, to: r.Period}
			idx[k] = g
			order = append(order, g)
		}
		g.n++
		g.amount += r.Amount
		g.from, g.to = min(g.from, r.Period), max(g.to, r.Period)
	}
	sort.SliceStable(order, func(a, b int) bool { return order[a].amount > order[b].amount })
	st := c.Styles
	l := []string{st.Warn.Render(format.Truncate("Unmatched spend (in the total, in no channel):", width))}
	for _, g := range order {
		l = append(l, widgets.WrapStyled(st.Cell, fmt.Sprintf("  %s · %d rows · %s · %s: %s", format.Clean(g.name), g.n,
			monthRange(g.from, g.to), mon(g.amount), format.Clean(g.reason)), width)...)
	}
	return l
}

func lastStage(s []money.StageCost) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1].Stage
}

func optRatio(v *float64, pct bool) string {
	switch {
	case v == nil:
		return "—"
	case pct:
		return format.Percent(*v)
	}
	return fmt.Sprintf("%.1f", *v)
}

func optMonths(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.1f mo", *v)
}

func byTitle(by string) string {
	if by == "" {
		return "Group"
	}
	return strings.ToUpper(by[:1]) + by[1:]
}

// wholeMoney says whether a column of amounts (cents; nil unknown) is
// written in whole units: when any is 1,000 or more.
func wholeMoney(vs []*int64) bool {
	for _, v := range vs {
		if v != nil && (*v >= 100_000 || *v <= -100_000) {
			return true
		}
	}
	return false
}
