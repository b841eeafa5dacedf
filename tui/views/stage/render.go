package stage

import (
	"fmt"
	"math"
	"strings"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/stats"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

func (s *Model) View() string {
	st := s.common.Styles
	ds := s.common.Data()
	name := format.Clean(ds.Stages[s.stage])
	if s.res == nil {
		return st.Muted.Render(format.Truncate("Computing "+name+"…", s.width))
	}
	r := s.res
	if r.err != nil {
		return st.Error.Render(format.Truncate(format.Clean(r.err.Error()), s.width))
	}
	var lines []string
	head := fmt.Sprintf("%s: %s reached", name, format.Count(r.stats.Reached))
	if s.state.Filter != "" {
		head += " · where " + format.Clean(s.state.Filter)
	}
	lines = append(lines, st.Title.Render(format.Truncate(head, s.width)))
	lines = append(lines, s.conversionLines()...)
	lines = append(lines, "")
	lines = append(lines, s.timeLines()...)
	lines = append(lines, "")
	lines = append(lines, s.exitLines()...)
	return views.Fit(s.common, lines, s.width, s.height)
}

// conversionLines chart the step conversion of each entry cohort, with the
// immature cohorts named and estimated.
func (s *Model) conversionLines() []string {
	st := s.common.Styles
	ds := s.common.Data()
	r := s.res
	if s.stage+1 >= len(ds.Stages) {
		return []string{st.Muted.Render("The last stage: no next step to convert to.")}
	}
	next := format.Clean(ds.Stages[s.stage+1])
	name := format.Clean(ds.Stages[s.stage])
	step := fmt.Sprintf("Step %s → %s: %s of %s (%s)", name, next,
		format.Count(r.next.Reached), format.Count(r.stats.Reached-r.stats.Unknown), format.Percent(r.next.Step))
	if r.stats.Unknown > 0 {
		step += fmt.Sprintf("; %s with no known stage left out", format.Count(r.stats.Unknown))
	}
	lines := []string{format.Truncate(step, s.width)}
	if r.cohorts == nil || len(r.cohorts.Cohorts) == 0 {
		return append(lines, st.Muted.Render("No stage dates: conversion over time cannot be shown."))
	}
	if r.cohorts.EntryUndated != "" { // every dated cohort is dated by a later stage: no chart
		return append(lines, widgets.WrapStyled(st.Warn, "Conversion over time cannot be shown: "+format.Clean(r.cohorts.MaturityNote())+".", s.width)...)
	}
	// Immature cohorts plot their estimated eventual step rate (the
	// observed one plunges at the right end only because they are young).
	// Cohorts with too few at the stage are gaps: a rate on a handful is
	// noise drawn as a trend.
	var vals []float64
	var young []string
	few := 0
	for _, row := range s.conversionData().Rows {
		v := math.NaN()
		if row[1].Num < stats.MinSample {
			few++
			vals = append(vals, v)
			continue
		}
		if !row[2].Null {
			v = 100 * row[2].Num
		}
		if row[4].Str != "" {
			est := math.NaN()
			if !row[3].Null {
				est = 100 * row[3].Num
			}
			so := ""
			if !math.IsNaN(v) {
				so = fmt.Sprintf(" (%.0f%% so far)", v)
			}
			young = append(young, fmt.Sprintf("%s ~%.0f%%%s", format.Clean(row[0].Str), est, so))
			v = est
		}
		vals = append(vals, v)
	}
	first, last := r.cohorts.Cohorts[0].Period, r.cohorts.Cohorts[len(r.cohorts.Cohorts)-1].Period
	chartH := min(13, max(3, s.height-13-s.reasonRows()))
	caption := fmt.Sprintf("%% of %s entry cohorts by %s, %s to %s", name, r.period, first, last)
	if len(young) > 0 {
		caption += fmt.Sprintf(" · last %d estimated (~)", len(young))
	}
	if few > 0 {
		caption += fmt.Sprintf(" · %s under %d at %s not drawn", format.Plural(few, "cohort", "cohorts"), stats.MinSample, name)
	}
	if few == len(vals) {
		return append(lines, widgets.WrapStyled(st.Muted, fmt.Sprintf("Conversion over time: every %s cohort has under %d records at %s, too few to chart.",
			r.period, stats.MinSample, name), s.width)...)
	}
	if c := widgets.Chart(vals, s.width, chartH, caption, 0); c != "" {
		lines = append(lines, st.Cell.Render(c))
	}
	if len(young) > 0 {
		lines = append(lines, st.Warn.Render(format.Truncate(fmt.Sprintf("~ immature (younger than %s, the p90 entry→%s time), estimated eventual rate: %s",
			format.Days(r.cohorts.MatureAfterDays), next, strings.Join(young, " · ")), s.width)))
	} else if n := r.cohorts.MaturityNote(); n != "" {
		lines = append(lines, st.Warn.Render(format.Truncate("maturity cannot be judged ("+format.Clean(n)+")", s.width)))
	} else {
		lines = append(lines, st.Muted.Render(format.Truncate("every cohort shown is mature", s.width)))
	}
	return lines
}

// timeLines give the time to the next stage (censored quantiles) with a bar
// per quantile, scaled to the p90.
func (s *Model) timeLines() []string {
	st := s.common.Styles
	r := s.res
	if r.step == nil {
		return []string{st.Muted.Render("Time to the next stage: not available (last stage or no dates).")}
	}
	t := r.step
	if why := query.NoTimes(s.common.Data()); t.Moved == 0 && why != "" {
		var out []string
		for _, l := range format.Wrap(why, s.width) {
			out = append(out, st.Muted.Render(l))
		}
		return out
	}
	moved := format.Count(t.Moved) + " moved"
	if r.next != nil && t.Moved < r.next.Reached { // the others moved on with no date at an end
		moved = fmt.Sprintf("%s of the %s that moved on are timed (the rest lack a date at one end)", format.Count(t.Moved), format.Count(r.next.Reached))
	}
	lines := []string{format.Truncate(fmt.Sprintf("Time %s → %s among those who move on: %s, %s still open (censored), %s left (competing)",
		format.Clean(t.From), format.Clean(t.To), moved, format.Count(t.Open), format.Count(t.Left)), s.width)}
	if t.Median == nil {
		return append(lines, st.Muted.Render("  nothing has moved on yet"))
	}
	p90 := max(1, *t.P90)
	barW := max(0, min(40, s.width-20))
	for _, q := range []struct {
		label string
		d     *float64
	}{{"median", t.Median}, {"p75", t.P75}, {"p90", t.P90}} {
		lines = append(lines, format.Truncate(fmt.Sprintf("  %-6s %7s ", q.label, format.DaysF(q.d))+
			st.Bar.Render(widgets.Bar(*q.d/p90, barW)), s.width))
	}
	if t.Few {
		lines = append(lines, st.Warn.Render(format.Truncate(fmt.Sprintf("  fewer than %d moved: too few to rely on", stats.MinSample), s.width)))
	}
	return lines
}

// exitLines count how records left this stage, the top reasons and the
// stalled records.
func (s *Model) exitLines() []string {
	st := s.common.Styles
	r := s.res
	name := format.Clean(s.common.Data().Stages[s.stage])
	exits := s.exitsData()
	counts := make([]string, len(exits.Rows))
	for i, row := range exits.Rows {
		counts[i] = format.Count(int(row[1].Num)) + " " + row[0].Str
	}
	lines := []string{format.Truncate(fmt.Sprintf("Deepest stage %s: %s", name, strings.Join(counts, " · ")), s.width)}
	reasons := s.reasonsData()
	shown := min(s.reasonRows(), len(reasons.Rows))
	s.reasons.Styles = s.common.TableStyles()
	s.reasons.SetRows(len(reasons.Rows), func(i, c int) string { return tabular.Text(reasons.Rows[i][c], reasons.Columns[c].Kind) })
	s.reasons.SetWidth(s.width)
	for i := range shown {
		lines = append(lines, s.reasons.Row(i, false))
	}
	if more := len(reasons.Rows) - shown; more > 0 {
		lines = append(lines, st.Muted.Render(fmt.Sprintf("  … %s (y copies them all)", format.Plural(more, "more reason", "more reasons"))))
	}
	if th := r.threshold; th != nil && th.P90Days != nil {
		p90 := format.Days(th.P90Days)
		if r.step != nil && r.step.P90 != nil {
			p90 = format.DaysF(r.step.P90) // the time above, of which the threshold is the whole days
		}
		lines = append(lines, st.Emphasis.Render(format.Truncate(fmt.Sprintf("Stalled in %s: %s of %s open records past the p90 (%s) · r lists them",
			name, format.Count(th.Stalled), format.Count(th.Open), p90), s.width)))
	} else {
		lines = append(lines, widgets.WrapStyled(st.Muted, "Stalled: "+s.stalledEmpty(), s.width)...)
	}
	return lines
}

// stalledEmpty says why no record can be called stalled at the stage
// when there is no p90 time to compare against ("" when there is one).
func (s *Model) stalledEmpty() string {
	r := s.res
	if th := r.threshold; th != nil && th.P90Days != nil {
		return ""
	}
	name := format.Clean(s.common.Data().Stages[s.stage])
	switch {
	case !s.common.Data().HasDates:
		return "cannot be judged without stage dates"
	case r.next != nil && r.next.Reached > 0: // moved on, but undated at an end
		return fmt.Sprintf("cannot be judged: of the %s that moved on from %s, none has a date at both ends, so there is no time in %s to compare against",
			format.Count(r.next.Reached), name, name)
	}
	return "no record has moved on from " + name + " yet, none can be called stalled"
}

// reasonRows is how many exit reasons fit: five on a tall window, two else.
func (s *Model) reasonRows() int {
	if s.height >= 30 {
		return 5
	}
	return 2
}
