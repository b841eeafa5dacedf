package overview

import (
	"fmt"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// insightLines explain the delta column and list the top sticky points.
func (o *Model) insightLines(width int) []string {
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
		lines = append(lines, widgets.WrapStyled(st.Muted, "Down the funnel: "+widgets.Clean(p.Summary), width)...)
	}
	if m := o.insights.mix; m != nil && m.Explanation != "" {
		lines = append(lines, widgets.WrapStyled(st.Muted, fmt.Sprintf("Why %s moved, %s vs %s (by %s): %s",
			widgets.Clean(m.Stage), widgets.Clean(m.Now), widgets.Clean(m.Then), widgets.Clean(m.Dimension), widgets.Clean(m.Explanation)), width)...)
	}
	return append(lines, o.stickyLines(width)...)
}

// stickyLines list the top three sticky points, as the sticky view ranks them.
func (o *Model) stickyLines(width int) []string {
	st := o.common.Styles
	s := o.insights.sticky
	to := s.To
	if to == "" {
		to = s.AsOf
	}
	window := fmt.Sprintf("entered %s to %s less each step's p90 time", s.From, to)
	if !o.common.Data().HasDates {
		window = "all records (no stage dates)"
	}
	lines := []string{"", st.Title.Render(widgets.Truncate("Top sticky points", width)) +
		st.Muted.Render(widgets.Truncate(fmt.Sprintf(" · by lost conversions · %s, %d tests, FDR %.0f%% · s: all",
			window, s.Comparisons, s.FDR*100), max(0, width-17)))}
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
