package overview

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// insightLines explain the delta column: the period compared, how a
// change travelled down the funnel, why a rate moved.
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
	return lines
}

// stickyLines list the top three sticky points, as the sticky view ranks
// them (the rows of stickyData).
func (o *Model) stickyLines(width int) []string {
	st := o.common.Styles
	if o.insights == nil || o.insights.err != nil {
		return nil
	}
	if o.insights.dimsLater {
		return []string{"", st.Title.Render(format.Truncate("Top sticky points", width)) +
			st.Muted.Render(format.Truncate(" · after the dimension columns are read (the slices to compare)…", max(0, width-17)))}
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
	lines := []string{"", st.Title.Render(format.Truncate("Top sticky points", width)) +
		st.Muted.Render(format.Truncate(fmt.Sprintf(" · by lost conversions · %s, %s, FDR %.0f%% · s: all",
			window, format.Plural(s.Comparisons, "test", "tests"), s.FDR*100), max(0, width-17)))}
	t := o.stickyData()
	for i, r := range t.Rows {
		rest := "rest"
		if r[2].Str != "" {
			rest = "rest of " + format.Clean(r[2].Str)
		}
		value := ""
		if !r[10].Null {
			value = ", " + format.Money(int64(r[10].Num), o.common.Data().Currency)
		}
		// What ranks it (lost conversions) before the interval, which a
		// narrow window cuts first.
		lines = append(lines, format.Truncate(fmt.Sprintf("%d. %s %s: %s/%s = %s vs %s %s · %s lost%s · CI %.0f–%.0f%%",
			i+1, format.Clean(r[0].Str), format.Clean(r[1].Str), format.Count(int(r[3].Num)), format.Count(int(r[4].Num)),
			format.Percent(r[5].Num), format.Percent(r[8].Num), rest,
			format.Count(int(math.Round(r[9].Num))), value, r[6].Num*100, r[7].Num*100), width))
	}
	if len(t.Rows) == 0 {
		lines = append(lines, st.Muted.Render("No slice converts significantly worse than the rest."))
	}
	return lines
}
