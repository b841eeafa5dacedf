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
	if more := p.page.Scroll.Below(); more > 0 && to-from > 1 {
		lines[len(lines)-1] = st.Muted.Render(format.Truncate(fmt.Sprintf("↓ %s (j, pgdn)",
			format.Plural(more+1, "more line", "more lines")), p.width))
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
	rows := p.texts(p.leversData(d))
	now := func(i int) lipgloss.Style {
		if i == 0 {
			return st.Muted
		}
		return st.Cell
	}
	out = append(out, p.page.Sheet.Table(rows, now, label("Lever (most customers first)", 12), num("Customers", 9), num("Δ", 6),
		num("Revenue"+p.cur(), 14), num("CAC", 8))...)
	if d.costNote != "" {
		out = append(out, p.wrapped(st.Warn, format.Clean(d.costNote))...)
	}
	out = append(out, p.wrapped(st.Muted, fmt.Sprintf("Volume levers add %d%% at the top (at the channel's cost per lead); rate levers add %d points at one step, cost of the change not included.",
		insight.LeverPercent, insight.LeverPoints))...)
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
	rev := p.reverseData()
	out = append(out, p.page.Sheet.Table(rangeTexts(p.texts(rev), rev, 2), nil, label("Stage", 16), num("Needed", numW), rangeCol("95% interval"))...)
	if pl.CostKnown {
		out = append(out, rev.Footnotes...)
	} else {
		out = append(out, st.Warn.Render("Budget: add --spend for cost per lead"))
	}
	if len(pl.Channels) > 0 {
		ch := p.channelsData()
		out = append(out, p.page.Sheet.Table(rangeTexts(p.texts(ch), ch, 3), nil, label("By channel", 16), num("Customers", numW), num("Leads", numW), rangeCol("Range"))...)
	}
	for _, n := range pl.Notes {
		out = append(out, p.wrapped(st.Muted, format.Clean(n))...)
	}
	if pl.Method != "" {
		out = append(out, p.wrapped(st.Muted, "95% intervals from the records behind each rate, channels combined (delta method)")...)
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
	rows := p.texts(p.rankingData(d))
	out = append(out, p.page.Sheet.Table(rows, nil, label("Channel", 14), num("Customers", 9), num("Revenue", 12), num("ROI", 9),
		num("CAC", 8), num("Leads", 8), num("Lead→cust", 9), num("# leads", 7))...)
	out = append(out, p.wrapped(st.Muted, "ROI = (revenue − cost) / cost, as a percent. # leads: the rank by lead volume. Recent leads have had less time to become customers.")...)
	return out
}

// wrapped is a note in style, wrapped to the width: the planner scrolls,
// so a note costs lines, never words.
func (p *Model) wrapped(style lipgloss.Style, text string) []string {
	var out []string
	for _, l := range format.Wrap(text, p.width) {
		out = append(out, style.Render(l))
	}
	return out
}
