package cohorts

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/tui/widgets"
)

func (v *Model) View() string {
	st := v.common.Styles
	switch {
	case v.err != nil:
		return st.Error.Render(widgets.Truncate(widgets.Clean(v.err.Error()), v.width))
	case v.res == nil:
		return st.Muted.Render(widgets.Truncate("Computing cohorts…", v.width))
	}
	r := v.res
	target := widgets.Clean(r.Target)
	caption := fmt.Sprintf("Entry cohorts by %s · %% of each cohort that reached the stage by %s", r.Period, r.AsOf)
	if v.state.Filter != "" {
		caption += " · where " + widgets.Clean(v.state.Filter)
	}
	lines := []string{st.Muted.Render(widgets.Truncate(caption, v.width))}
	const perW, sizeW, estW = 10, 8, 15
	cellW := 7
	for _, c := range r.Cohorts {
		for _, im := range c.ImmatureStages {
			if im { // "observed→estimate"
				cellW = 10
			}
		}
	}
	stageCols := len(r.Stages) - 1 // the top stage is ~100% by construction
	for stageCols > 0 && 2+perW+1+sizeW+stageCols*(cellW+1)+1+estW > v.width {
		stageCols--
	}
	head := "  " + widgets.PadRight(widgets.TitleCase(r.Period), perW) + " " + widgets.PadLeft("Entered", sizeW)
	for s := 1; s <= stageCols; s++ {
		head += " " + widgets.PadLeft(widgets.Truncate(widgets.Clean(r.Stages[s]), cellW), cellW)
	}
	head += " " + widgets.PadLeft(widgets.Truncate(target+" est.", estW), estW)
	lines = append(lines, st.Header.Render(widgets.Truncate(head, v.width)))
	end := min(len(r.Cohorts), v.offset+v.bodyHeight())
	for i := v.offset; i < end; i++ {
		c := r.Cohorts[i]
		label := c.Period
		if label == "" {
			label = c.Key
		}
		plain := widgets.Fit(label, perW) + " " + widgets.PadLeft(widgets.Count(c.Size), sizeW)
		styled := st.Cell.Render(plain)
		for s := 1; s <= stageCols; s++ {
			cell := widgets.PadLeft(widgets.Percent(c.Conversion[s]), cellW)
			if c.ImmatureStages[s] {
				cell = widgets.PadLeft(estPair(c.Conversion[s], c.EstimatedConversion[s]), cellW)
			}
			plain += " " + cell
			if c.ImmatureStages[s] {
				styled += " " + st.Warn.Render(cell)
			} else {
				styled += " " + st.Cell.Render(cell)
			}
		}
		est := widgets.PadLeft(widgets.Percent(c.Estimated), estW)
		if !c.Immature {
			est = widgets.PadLeft("—", estW)
		}
		if c.Few {
			est = widgets.PadLeft("too few", estW)
		}
		plain += " " + est
		styled += " " + st.Emphasis.Render(est)
		if i == v.cursor {
			lines = append(lines, st.Selected.Render(widgets.PadRight(widgets.Truncate("▸ "+plain, v.width), v.width)))
			continue
		}
		lines = append(lines, widgets.Truncate("  "+styled, v.width))
	}
	lines = append(lines, v.legend()...)
	return strings.Join(lines, "\n")
}

// legend explains the observed→estimated cells, and describes the selected cohort.
func (v *Model) legend() []string {
	st := v.common.Styles
	r := v.res
	target := widgets.Clean(r.Target)
	legend := fmt.Sprintf("a→b immature cell: observed so far → estimated eventually (p90 from entry: %s to %s; exits compete, open records censored)",
		widgets.Days(r.MatureAfterDays), target)
	out := []string{st.Warn.Render(widgets.Truncate(legend, v.width))}
	if v.cursor < len(r.Cohorts) {
		c := r.Cohorts[v.cursor]
		out = append(out, st.Muted.Render(widgets.Truncate(fmt.Sprintf("%s: %s entered, %s reached %s (%s), %s still open, youngest %d d old",
			widgets.Clean(c.Period+c.Key), widgets.Count(c.Size), widgets.Count(c.Converted), target, widgets.Percent(c.Observed),
			widgets.Count(c.Open), c.AgeDays), v.width)))
	}
	return out
}

// estPair is an immature cell: observed so far → estimated eventually,
// "2.1→3.4%", "27.6→28.3%" (whole percents from 10% when they differ).
func estPair(obs, est float64) string {
	whole := fmt.Sprintf("%.0f", obs*100) != fmt.Sprintf("%.0f", est*100)
	f := func(v float64) string {
		if v*100 < 9.95 || !whole {
			return fmt.Sprintf("%.1f", v*100)
		}
		return fmt.Sprintf("%.0f", v*100)
	}
	return f(obs) + "→" + f(est) + "%"
}
