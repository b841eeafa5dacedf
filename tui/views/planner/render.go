package planner

import (
	"fmt"
	"math"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/widgets"
)

func (p *Model) View() string {
	st := p.common.Styles
	var top string
	switch {
	case p.editing:
		top = p.input.View() + st.Muted.Render("  enter to plan · esc to cancel · e.g. 30 customers, 250k revenue per quarter")
	case p.typed != "":
		top = st.Emphasis.Render("Target: ") + format.Clean(p.typed) + st.Muted.Render("  (i or enter to change)")
	default:
		top = st.Muted.Render("Press i or enter to type a target, e.g. 30 customers per month")
	}
	lines := []string{format.Truncate(top, p.width), ""}
	body := p.bodyLines()
	p.page.Scroll.SetLen(len(body))
	from, to := p.page.Scroll.Window()
	for _, l := range body[from:to] {
		lines = append(lines, format.Truncate(l, p.width))
	}
	return strings.Join(lines, "\n")
}

// bodyLines renders the three sections (styled, not yet truncated), the
// tables on the sheet.
func (p *Model) bodyLines() []string {
	st := p.common.Styles
	p.page.Sheet.Styles = p.common.TableStyles()
	p.page.Sheet.Begin(p.width)
	if p.data == nil {
		msg := "computing the funnel models…"
		if p.state.Filter != "" {
			msg = "computing the funnel models where " + format.Clean(p.state.Filter) + "…"
		}
		return []string{st.Muted.Render(msg)}
	}
	d := p.data
	if d.filterErr != nil {
		return []string{st.Error.Render("Planner: " + format.Clean(d.filterErr.Error()))}
	}
	var out []string
	if d.scope != "" {
		out = append(out, st.Emphasis.Render("Planner "+d.scope))
	}
	for _, n := range d.spendNotes {
		for _, l := range format.Wrap(format.Clean(n), p.width) {
			out = append(out, st.Warn.Render(l))
		}
	}
	if len(out) > 0 {
		out = append(out, "")
	}
	if d.err != nil {
		out = append(out, st.Warn.Render("No plan: "+format.Clean(d.err.Error())))
	} else {
		out = append(out, p.reverseLines(d)...)
		out = append(out, "")
		out = append(out, p.leverLines(d)...)
	}
	out = append(out, "")
	return append(out, p.rankLines(d)...)
}

// money writes an amount as the report's money columns do (tabular.Text):
// one value, one format on the screen and in the report.
func (p *Model) money(cents float64) string {
	if math.IsNaN(cents) || math.IsInf(cents, 0) {
		return "—"
	}
	return tabular.Text(tabular.Cell{Num: cents}, tabular.KindMoney)
}

func (p *Model) cur() string {
	if c := p.common.Data().Currency; c != "" {
		return " (" + format.Clean(c) + ")"
	}
	return ""
}

func (p *Model) leverLines(d *data) []string {
	st := p.common.Styles
	out := []string{st.Emphasis.Render(fmt.Sprintf("Levers · per month, rates of the last %d months · as of %s", insight.ModelMonths, d.asOf))}
	row := func(label string, o plan.Outcome, delta float64, showDelta bool) []string {
		ds := ""
		if showDelta {
			ds = fmt.Sprintf("%+.1f", delta)
		}
		cac := "—"
		if o.CostKnown && o.Customers > 0 {
			cac = p.money(o.CAC)
		}
		return []string{label, fmt.Sprintf("%.1f", o.Customers), ds, p.money(o.Revenue), cac}
	}
	rows := [][]string{row("now (no change)", d.base, 0, false)}
	for _, l := range d.levers {
		rows = append(rows, row(l.Label, l.Outcome, l.DeltaCustomers, true))
	}
	now := func(i int) lipgloss.Style {
		if i == 0 {
			return st.Muted
		}
		return st.Cell
	}
	out = append(out, p.page.Sheet.Table(rows, now, label("Lever (most customers first)", 12), num("Customers", 9), num("Δ", 6),
		num("Revenue"+p.cur(), 14), num("CAC", 8))...)
	if d.costNote != "" {
		out = append(out, st.Warn.Render(format.Clean(d.costNote)))
	}
	out = append(out, st.Muted.Render(fmt.Sprintf("Volume levers add %d%% at the top (at the channel's cost per lead); rate levers add %d points at one step, cost of the change not included.",
		insight.LeverPercent, insight.LeverPoints)))
	return out
}

func (p *Model) reverseLines(d *data) []string {
	st := p.common.Styles
	out := []string{st.Emphasis.Render("Reverse funnel · what the target needs at current rates, per " + p.target.Period)}
	if p.planErr != "" {
		return append(out, st.Error.Render(format.Clean(p.planErr)))
	}
	pl := p.plan
	if pl == nil {
		return append(out, st.Muted.Render("Type a target to plan for (i or enter)."))
	}
	const numW = 11
	var rows [][]string
	for _, s := range pl.Stages {
		rows = append(rows, []string{s.Stage, format.Count(plan.Whole(s.Needed)), rangeText(s.Low, s.High)})
	}
	out = append(out, p.page.Sheet.Table(rows, nil, label("Stage", 16), num("Needed", numW), rangeCol("95% interval"))...)
	if pl.CostKnown {
		out = append(out, fmt.Sprintf("Budget%s: %s (%s)", p.cur(), p.money(pl.Budget), moneyRange(p, pl.BudgetLow, pl.BudgetHigh)))
	} else {
		out = append(out, st.Warn.Render("Budget: add --spend for cost per lead"))
	}
	if len(pl.Channels) > 0 {
		var rows [][]string
		for _, c := range pl.Channels {
			rows = append(rows, []string{c.Name, fmt.Sprintf("%.1f", c.Customers), format.Count(plan.Whole(c.Leads)),
				rangeText(c.Stages[0].Low, c.Stages[0].High)})
		}
		out = append(out, p.page.Sheet.Table(rows, nil, label("By channel", 16), num("Customers", numW), num("Leads", numW), rangeCol("Range"))...)
	}
	for _, n := range pl.Notes {
		out = append(out, st.Muted.Render(format.Clean(n)))
	}
	if pl.Method != "" {
		out = append(out, st.Muted.Render("95% intervals from the records behind each rate, channels combined (delta method)"))
	}
	return out
}

// label is a table's first column: what a row is about, kept.
func label(title string, minW int) widgets.Column {
	return widgets.Column{Title: title, Pin: true, Min: minW, Max: 40}
}

// num is a column of numbers at least w wide.
func num(title string, w int) widgets.Column {
	return widgets.Column{Title: title, Align: widgets.AlignRight, Min: w}
}

// rangeCol is a column of 95% ranges, two spaces off the numbers.
func rangeCol(title string) widgets.Column { return widgets.Column{Title: title, Gap: 2} }

// rangeText is "1,180–1,900", or "exact" when there is no range (the
// target itself, or a model without counts).
func rangeText(lo, hi float64) string {
	if hi <= lo {
		return "exact"
	}
	l, h := plan.WholeRange(lo, hi)
	return format.Count(l) + "–" + format.Count(h)
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
	var rows [][]string
	for _, c := range d.ranking {
		cac, roi := "—", "—"
		if c.CostKnown {
			if c.Customers > 0 {
				cac = p.money(c.CAC)
			}
			if c.Cost > 0 {
				roi = tabular.Text(tabular.Cell{Num: c.ROI}, tabular.KindRate) // a percent, as in the report
			}
		}
		rows = append(rows, []string{c.Name, format.Count(c.Customers), p.money(float64(c.Revenue)), roi, cac,
			format.Count(c.Leads), format.Percent(c.LeadToCustomer), fmt.Sprintf("#%d", c.RankLeads)})
	}
	out = append(out, p.page.Sheet.Table(rows, nil, label("Channel", 14), num("Customers", 9), num("Revenue", 12), num("ROI", 9),
		num("CAC", 8), num("Leads", 8), num("Lead→cust", 9), num("# leads", 7))...)
	out = append(out, st.Muted.Render("ROI = (revenue − cost) / cost, as a percent. # leads: the rank by lead volume. Recent leads have had less time to become customers."))
	return out
}
