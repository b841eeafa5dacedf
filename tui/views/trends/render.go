package trends

import (
	"fmt"
	"math"
	"strings"

	"github.com/funnel-cli/funnel/tui/widgets"
)

func (t *Model) View() string {
	st := t.common.Styles
	switch {
	case t.err != nil:
		return st.Error.Render(widgets.Truncate(widgets.Clean(t.err.Error()), t.width))
	case t.res == nil:
		return st.Muted.Render(widgets.Truncate("Computing trends…", t.width))
	case len(t.res.Periods) == 0:
		return st.Muted.Render(widgets.Truncate("No dated records: trends need stage dates.", t.width))
	}
	r := t.res
	m := t.metrics[t.metric]
	change := r.Change
	if change == "" {
		change = "change"
	}
	head := fmt.Sprintf("%s by %s (%d of %d metrics, ←/→) · %s vs the %s before", t.metricName(m), r.Period,
		t.metric+1, len(t.metrics), change, r.Period)
	lines := []string{st.Title.Render(widgets.Truncate(head, t.width))}
	var vals []float64
	for _, row := range r.Whole.Trend {
		v, _ := value(m, row)
		vals = append(vals, v)
	}
	tableRows := min(len(r.Periods), max(3, (t.height-4)/3))
	chartH := max(0, t.height-tableRows-5)
	unit := "records reaching it with a date in the period"
	if m.rate {
		unit = "% of the period's entry cohort; young cohorts are still converting (see c)"
	}
	caption := fmt.Sprintf("%s to %s · %s", r.Periods[0].Label, r.Periods[len(r.Periods)-1].Label, unit)
	prec := uint(0)
	if m.rate {
		prec = 1
	}
	if c := widgets.Chart(vals, t.width, min(14, chartH), caption, prec); c != "" {
		lines = append(lines, st.Cell.Render(c))
	}
	lines = append(lines, t.table(m, tableRows, change)...)
	return strings.Join(lines, "\n")
}

// table lists the last n periods with the change against the one before.
func (t *Model) table(m metric, n int, change string) []string {
	st := t.common.Styles
	r := t.res
	head := "  " + widgets.PadRight(widgets.TitleCase(r.Period), 10) + " " + widgets.PadLeft("Value", 10) + " " +
		widgets.PadLeft(change, 9) + " " + widgets.PadLeft(change+" %", 9)
	lines := []string{st.Header.Render(widgets.Truncate(head, t.width))}
	for i := len(r.Periods) - n; i < len(r.Periods); i++ {
		v, d := value(m, r.Whole.Trend[i])
		val, abs, rel := "—", "—", "—"
		if !math.IsNaN(v) {
			val = widgets.Count(int(v))
			if m.rate {
				val = fmt.Sprintf("%.1f%%", v)
			}
		}
		style := st.Cell
		if d != nil {
			if m.rate {
				abs = fmt.Sprintf("%+.1f pt", 100*d.Abs)
			} else {
				abs = fmt.Sprintf("%+.0f", d.Abs)
			}
			if d.Rel != nil {
				rel = fmt.Sprintf("%+.1f%%", 100**d.Rel)
			}
		}
		note := ""
		if r.Periods[i].Partial {
			note = " partial"
			style = st.Muted
		}
		row := widgets.Fit(r.Periods[i].Label, 10) + " " + widgets.PadLeft(val, 10) + " " + widgets.PadLeft(abs, 9) + " " + widgets.PadLeft(rel, 9)
		lines = append(lines, widgets.Truncate("  "+style.Render(row)+st.Warn.Render(note), t.width))
	}
	return lines
}
