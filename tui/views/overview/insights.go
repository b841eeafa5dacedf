package overview

import (
	"fmt"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// insightLines explain the delta column and list the top sticky points.
func (o *Model) insightLines(width int) []string {
	st := o.common.Styles
	if o.insights == nil {
		return []string{st.Muted.Render("Computing period changes and sticky points…")}
	}
	if err := o.insights.err; err != nil {
		return []string{st.Error.Render(format.Truncate("Insights: "+format.Clean(err.Error()), width))}
	}
	var lines []string
	if sc := o.insights.scope; sc != "" {
		lines = append(lines, st.Emphasis.Render(format.Truncate("Insights "+sc, width)))
	}
	c := o.insights.compare
	if c.Current != "" {
		lines = append(lines, st.Muted.Render(format.Truncate(fmt.Sprintf(
			"vs prev: entries/day %s vs %s · * significant (FDR %.0f%%) · ? too few to tell",
			c.Current, c.Previous, c.FDR*100), width)))
	}
	if p := o.insights.propagation; p.Summary != "" {
		lines = append(lines, widgets.WrapStyled(st.Muted, "Down the funnel: "+format.Clean(p.Summary), width)...)
	}
	if m := o.insights.mix; m != nil && m.Explanation != "" {
		lines = append(lines, widgets.WrapStyled(st.Muted, fmt.Sprintf("Why %s moved, %s vs %s (by %s): %s",
			format.Clean(m.Stage), format.Clean(m.Now), format.Clean(m.Then), format.Clean(m.Dimension), format.Clean(m.Explanation)), width)...)
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
	lines := []string{"", st.Title.Render(format.Truncate("Top sticky points", width)) +
		st.Muted.Render(format.Truncate(fmt.Sprintf(" · by lost conversions · %s, %d tests, FDR %.0f%% · s: all",
			window, s.Comparisons, s.FDR*100), max(0, width-17)))}
	shown := 0
	for _, p := range s.Found() {
		if shown == 3 {
			break
		}
		shown++
		rest := "rest"
		if p.Parent != "" {
			rest = "rest of " + format.Clean(p.Parent)
		}
		lines = append(lines, format.Truncate(fmt.Sprintf("%d. %s %s=%s: %s/%s = %s (CI %.0f–%.0f%%) vs %s %s · %.0f lost, %s",
			shown, format.Clean(p.Stage), format.Clean(p.Dimension), format.Clean(p.Value), format.Count(p.Converted), format.Count(p.Entered),
			format.Percent(p.Rate), p.CILow*100, p.CIHigh*100, format.Percent(p.BaselineRate), rest, p.LostConversions,
			format.Money(p.LostValue, o.common.Data().Currency)), width))
	}
	if shown == 0 {
		lines = append(lines, st.Muted.Render("No slice converts significantly worse than the rest."))
	}
	return lines
}
