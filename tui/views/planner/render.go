package planner

import (
	"fmt"
	"math"
	"strings"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/tui/widgets"
)

func (p *Model) View() string {
	st := p.common.Styles
	var top string
	switch {
	case p.editing:
		top = st.Emphasis.Render("Target: ") + widgets.Clean(p.input) + "▏" +
			st.Muted.Render("  enter to plan · esc to cancel · e.g. 30 customers, 250k revenue per quarter")
	case p.typed != "":
		top = st.Emphasis.Render("Target: ") + widgets.Clean(p.typed) + st.Muted.Render("  (i or enter to change)")
	default:
		top = st.Muted.Render("Press e to type a target, e.g. 30 customers per month")
	}
	lines := []string{widgets.Truncate(top, p.width), ""}
	body := p.bodyLines()
	end := min(len(body), p.offset+p.bodyHeight())
	for _, l := range body[min(p.offset, end):end] {
		lines = append(lines, widgets.Truncate(l, p.width))
	}
	return strings.Join(lines, "\n")
}

// bodyLines renders the three sections (styled, not yet truncated).
func (p *Model) bodyLines() []string {
	st := p.common.Styles
	if p.data == nil {
		msg := "computing the funnel models…"
		if p.state.Filter != "" {
			msg = "computing the funnel models where " + widgets.Clean(p.state.Filter) + "…"
		}
		return []string{st.Muted.Render(msg)}
	}
	d := p.data
	if d.filterErr != nil {
		return []string{st.Error.Render("Planner: " + widgets.Clean(d.filterErr.Error()))}
	}
	var out []string
	if d.scope != "" {
		out = append(out, st.Emphasis.Render("Planner "+d.scope))
	}
	for _, n := range d.spendNotes {
		for _, l := range widgets.Wrap(n, p.width) {
			out = append(out, st.Warn.Render(l))
		}
	}
	if len(out) > 0 {
		out = append(out, "")
	}
	if d.err != nil {
		out = append(out, st.Warn.Render("No plan: "+widgets.Clean(d.err.Error())))
	} else {
		out = append(out, p.reverseLines(d)...)
		out = append(out, "")
		out = append(out, p.leverLines(d)...)
	}
	out = append(out, "")
	return append(out, p.rankLines(d)...)
}

func (p *Model) money(cents float64) string {
	if math.IsNaN(cents) || math.IsInf(cents, 0) {
		return "—"
	}
	return widgets.MoneyShort(int64(math.Round(cents)), "")
}

func (p *Model) cur() string {
	if c := p.common.Data().Currency; c != "" {
		return " (" + widgets.Clean(c) + ")"
	}
	return ""
}

func (p *Model) labelWidth(fixed int) int { return max(12, min(40, p.width-fixed)) }

func (p *Model) leverLines(d *data) []string {
	st := p.common.Styles
	out := []string{st.Emphasis.Render(fmt.Sprintf("Levers · per month, rates of the last %d months · as of %s", insight.ModelMonths, d.asOf))}
	lw := p.labelWidth(2 + 1 + 10 + 7 + 15 + 9)
	head := "  " + widgets.PadRight("Lever (most customers first)", lw) + " " + widgets.PadLeft("Customers", 9) + " " +
		widgets.PadLeft("Δ", 6) + " " + widgets.PadLeft("Revenue"+p.cur(), 14) + " " + widgets.PadLeft("CAC", 8)
	out = append(out, st.Header.Render(head))
	row := func(label string, o plan.Outcome, delta float64, showDelta bool) string {
		ds := ""
		if showDelta {
			ds = fmt.Sprintf("%+.1f", delta)
		}
		cac := "—"
		if o.CostKnown && o.Customers > 0 {
			cac = p.money(o.CAC)
		}
		return "  " + widgets.Fit(label, lw) + " " + widgets.PadLeft(fmt.Sprintf("%.1f", o.Customers), 9) + " " +
			widgets.PadLeft(ds, 6) + " " + widgets.PadLeft(p.money(o.Revenue), 14) + " " + widgets.PadLeft(cac, 8)
	}
	out = append(out, st.Muted.Render(row("now (no change)", d.base, 0, false)))
	for _, l := range d.levers {
		out = append(out, row(l.Label, l.Outcome, l.DeltaCustomers, true))
	}
	if d.costNote != "" {
		out = append(out, st.Warn.Render(widgets.Clean(d.costNote)))
	}
	out = append(out, st.Muted.Render(fmt.Sprintf("Volume levers add %d%% at the top (at the channel's cost per lead); rate levers add %d points at one step, cost of the change not included.",
		insight.LeverPercent, insight.LeverPoints)))
	return out
}

func (p *Model) reverseLines(d *data) []string {
	st := p.common.Styles
	out := []string{st.Emphasis.Render("Reverse funnel · what the target needs at current rates, per " + p.target.Period)}
	if p.planErr != "" {
		return append(out, st.Error.Render(widgets.Clean(p.planErr)))
	}
	pl := p.plan
	if pl == nil {
		return append(out, st.Muted.Render("Type a target to plan for (e)."))
	}
	const numW = 11
	out = append(out, st.Header.Render("  "+widgets.PadRight("Stage", 16)+" "+widgets.PadLeft("Needed", numW)+"  "+"95% interval"))
	for _, s := range pl.Stages {
		out = append(out, "  "+widgets.Fit(s.Stage, 16)+" "+widgets.PadLeft(widgets.Count(plan.Whole(s.Needed)), numW)+"  "+
			rangeText(s.Low, s.High))
	}
	if pl.CostKnown {
		out = append(out, fmt.Sprintf("Budget%s: %s (%s)", p.cur(), p.money(pl.Budget), moneyRange(p, pl.BudgetLow, pl.BudgetHigh)))
	} else {
		out = append(out, st.Warn.Render("Budget: add --spend for cost per lead"))
	}
	if len(pl.Channels) > 0 {
		out = append(out, st.Header.Render("  "+widgets.PadRight("By channel", 16)+" "+widgets.PadLeft("Customers", numW)+" "+
			widgets.PadLeft("Leads", numW)+"  Range"))
		for _, c := range pl.Channels {
			out = append(out, "  "+widgets.Fit(c.Name, 16)+" "+widgets.PadLeft(fmt.Sprintf("%.1f", c.Customers), numW)+" "+
				widgets.PadLeft(widgets.Count(plan.Whole(c.Leads)), numW)+"  "+rangeText(c.Stages[0].Low, c.Stages[0].High))
		}
	}
	for _, n := range pl.Notes {
		out = append(out, st.Muted.Render(widgets.Clean(n)))
	}
	if pl.Method != "" {
		out = append(out, st.Muted.Render("95% intervals from the records behind each rate, channels combined (delta method)"))
	}
	return out
}

// rangeText is "1,180–1,900", or "exact" when there is no range (the
// target itself, or a model without counts).
func rangeText(lo, hi float64) string {
	if hi <= lo {
		return "exact"
	}
	l, h := plan.WholeRange(lo, hi)
	return widgets.Count(l) + "–" + widgets.Count(h)
}

func moneyRange(p *Model, lo, hi float64) string {
	if hi <= lo {
		return "exact"
	}
	return p.money(lo) + "–" + p.money(hi)
}

func (p *Model) rankLines(d *data) []string {
	st := p.common.Styles
	if d.rankNote != "" {
		return []string{st.Muted.Render(d.rankNote)}
	}
	win := "all leads"
	if d.rankFrom != "" {
		win = "leads that entered " + d.rankFrom + "…" + d.rankTo
	}
	out := []string{st.Emphasis.Render("Channels by customers, not leads · " + win + ", customers counted to " + d.asOf)}
	cells := func(name, cust, rev, roi, cac, leads, conv, rank string) string {
		return "  " + widgets.Fit(name, 14) + " " + widgets.PadLeft(cust, 9) + " " + widgets.PadLeft(rev, 12) + " " +
			widgets.PadLeft(roi, 7) + " " + widgets.PadLeft(cac, 8) + " " + widgets.PadLeft(leads, 8) + " " +
			widgets.PadLeft(conv, 9) + " " + widgets.PadLeft(rank, 7)
	}
	out = append(out, st.Header.Render(cells("Channel", "Customers", "Revenue", "ROI", "CAC", "Leads", "Lead→cust", "# leads")))
	for _, c := range d.ranking {
		cac, roi := "—", "—"
		if c.CostKnown {
			if c.Customers > 0 {
				cac = p.money(c.CAC)
			}
			if c.Cost > 0 {
				roi = fmt.Sprintf("%.0f%%", c.ROI*100)
			}
		}
		out = append(out, cells(c.Name, widgets.Count(c.Customers), p.money(float64(c.Revenue)), roi, cac,
			widgets.Count(c.Leads), widgets.Percent(c.LeadToCustomer), fmt.Sprintf("#%d", c.RankLeads)))
	}
	out = append(out, st.Muted.Render("# leads: the rank by lead volume. Recent leads have had less time to become customers."))
	return out
}
