package views

import (
	"fmt"
	"math"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// ExtraColumn is a column added to the right of the overview's numbers: a
// period delta, a money figure. Cell returns the text and its style.
type ExtraColumn struct {
	Header string
	Width  int
	Cell   func(stage int) (string, lipgloss.Style)
}

// overviewInsights is what the overview shows beyond counts: each stage's
// change against the previous period and the top sticky points.
type overviewInsights struct {
	gen     int
	compare insight.Comparison
	sticky  insight.StickyResult
	// why explains the biggest significant rate change (mix shift by
	// channel or rates within channels) and how the count change travelled
	// down the funnel.
	mix         *insight.MixShift
	propagation insight.Propagation
	// sel is the selection the insights are about; scope says so ("" when
	// unfiltered); err is a filter that could not be applied.
	sel   *query.Selection
	scope string
	err   error
}

type overviewInsightsMsg struct {
	gen int
	res overviewInsights
}

// computeInsights runs the period comparison and sticky finder off the
// event loop, on the records the state's filter selects as of its date; a
// result whose gen is stale is dropped.
func computeInsights(eng *query.Engine, st State, gen int) tea.Cmd {
	return func() tea.Msg {
		whole := eng.Data()
		sel, err := stateSelection(eng, st)
		if err != nil {
			return overviewInsightsMsg{gen: gen, res: overviewInsights{gen: gen, err: err}}
		}
		ds, asOf := sel.Data, analysisDay(whole, st)
		cmp := insight.ComparePeriods(ds, insight.CompareOptions{AsOf: asOf, Dims: []string{}, SkipYearBefore: true})
		cur := insight.DefaultCurrent(asOf)
		// the sticky view's points (same window, test and ranking)
		sticky := insight.FindSticky(ds, insight.StickyOptionsFor(ds, asOf))
		res := overviewInsights{gen: gen, compare: cmp, sticky: sticky, sel: sel, scope: scopeNote(sel, st.Filter)}
		res.propagation = insight.TracePropagation(ds, insight.PropagationOptions{AsOf: asOf, Current: cur})
		if d, ok := biggestRateChange(cmp); ok && ds.Dim("channel") != nil {
			if m, err := insight.MixShiftFor(ds, d.FromStage, "channel", cur.Previous(), cur, asOf); err == nil {
				res.mix = &m
			}
		}
		return overviewInsightsMsg{gen: gen, res: res}
	}
}

// biggestRateChange is the whole-population step whose rate moved most
// among those that changed significantly against the previous period.
func biggestRateChange(c insight.Comparison) (insight.PeriodDelta, bool) {
	var best insight.PeriodDelta
	found := false
	for _, d := range c.Deltas {
		if d.Dimension == "" && d.Against == "previous" && d.RateSig && (!found || math.Abs(d.RateChange) > math.Abs(best.RateChange)) {
			best, found = d, true
		}
	}
	return best, found
}

// deltaColumn shows each stage's entries in the current period against the
// previous one; * marks a change that survives the FDR correction.
func (o *Overview) deltaColumn() []ExtraColumn {
	if o.insights == nil || len(o.insights.compare.Deltas) == 0 {
		return nil
	}
	st := o.common.Styles
	byStage := map[int]insight.PeriodDelta{} // entries into stage FromStage
	for _, d := range o.insights.compare.Deltas {
		if d.Dimension == "" && d.Against == "previous" {
			byStage[d.FromStage] = d
		}
	}
	return []ExtraColumn{{
		Header: "vs prev",
		Width:  8,
		Cell: func(k int) (string, lipgloss.Style) {
			d, ok := byStage[k]
			if !ok || d.CountThen == 0 || math.IsNaN(d.CountChange) {
				return "—", st.Muted
			}
			arrow, style := "▲", st.Good
			if d.CountChange < 0 {
				arrow, style = "▼", st.Bad
			}
			text := fmt.Sprintf("%s%.0f%%", arrow, math.Abs(d.CountChange*100))
			switch {
			case d.CountTooFew:
				return text + "?", st.Muted
			case d.CountSig:
				return text + "*", style
			}
			return text, st.Muted
		},
	}}
}

// insightLines explains the delta column and lists the top sticky points.
func (o *Overview) insightLines(width int) []string {
	st := o.common.Styles
	if o.insights == nil {
		return []string{st.Muted.Render("Computing period changes and sticky points…")}
	}
	if err := o.insights.err; err != nil {
		return []string{st.Error.Render(widgets.Truncate("Insights: "+widgets.Clean(err.Error()), width))}
	}
	var lines []string
	if sc := o.insights.scope; sc != "" {
		lines = append(lines, st.Emphasis.Render(widgets.Truncate("Insights "+sc, width)))
	}
	c := o.insights.compare
	if c.Current != "" {
		lines = append(lines, st.Muted.Render(widgets.Truncate(fmt.Sprintf(
			"vs prev: entries/day %s vs %s · * significant (FDR %.0f%%) · ? too few to tell",
			c.Current, c.Previous, c.FDR*100), width)))
	}
	if p := o.insights.propagation; p.Summary != "" {
		lines = append(lines, wrapStyled(st.Muted, "Down the funnel: "+widgets.Clean(p.Summary), width)...)
	}
	if m := o.insights.mix; m != nil && m.Explanation != "" {
		lines = append(lines, wrapStyled(st.Muted, fmt.Sprintf("Why %s moved, %s vs %s (by %s): %s",
			widgets.Clean(m.Stage), widgets.Clean(m.Now), widgets.Clean(m.Then), widgets.Clean(m.Dimension), widgets.Clean(m.Explanation)), width)...)
	}
	s := o.insights.sticky
	to := s.To
	if to == "" {
		to = s.AsOf
	}
	window := fmt.Sprintf("entered %s to %s less each step's p90 time", s.From, to)
	if !o.common.Data().HasDates {
		window = "all records (no stage dates)"
	}
	lines = append(lines, "", st.Title.Render(widgets.Truncate("Top sticky points", width))+
		st.Muted.Render(widgets.Truncate(fmt.Sprintf(" · by lost conversions · %s, %d tests, FDR %.0f%% · s: all",
			window, s.Comparisons, s.FDR*100), max(0, width-17))))
	shown := 0
	for _, p := range s.Found() {
		if shown == 3 {
			break
		}
		shown++
		rest := "rest"
		if p.Parent != "" {
			rest = "rest of " + widgets.Clean(p.Parent)
		}
		lines = append(lines, widgets.Truncate(fmt.Sprintf("%d. %s %s=%s: %s/%s = %s (CI %.0f–%.0f%%) vs %s %s · %.0f lost, %s",
			shown, widgets.Clean(p.Stage), widgets.Clean(p.Dimension), widgets.Clean(p.Value), widgets.Count(p.Converted), widgets.Count(p.Entered),
			widgets.Percent(p.Rate), p.CILow*100, p.CIHigh*100, widgets.Percent(p.BaselineRate), rest, p.LostConversions,
			widgets.Money(p.LostValue, o.common.Data().Currency)), width))
	}
	if shown == 0 {
		lines = append(lines, st.Muted.Render("No slice converts significantly worse than the rest."))
	}
	return lines
}
