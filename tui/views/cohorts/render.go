package cohorts

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

func (v *Model) View() string {
	st := v.common.Styles
	switch {
	case v.err != nil:
		return st.Error.Render(format.Truncate(format.Clean(v.err.Error()), v.width))
	case v.res == nil:
		return st.Muted.Render(format.Truncate("Computing cohorts…", v.width))
	}
	r := v.res
	caption := fmt.Sprintf("Entry cohorts by %s · %% of each cohort that reached the stage by %s", r.Period, r.AsOf)
	if v.state.Filter != "" {
		caption += " · where " + format.Clean(v.state.Filter)
	}
	lines := []string{st.Muted.Render(format.Truncate(caption, v.width))}
	v.layTable()
	lo, hi := v.list.Window()
	lines = append(lines, v.table.Lines(lo, hi, v.list.Cursor())...)
	lines = append(lines, v.legend()...)
	return strings.Join(lines, "\n")
}

// layTable sets the matrix's columns: the cohort, its size, its
// conversion to each stage after the first (the first is ~100% by
// construction; they go from the right when the window is narrow) and
// the estimate. A cell still too young to judge shows the share so far
// and the estimated eventual share ("2.1→3.4%", estPair), in Warn.
func (v *Model) layTable() {
	st, r := v.common.Styles, v.res
	cohorts := r.Cohorts
	immature := func(s int) func(int) lipgloss.Style {
		return func(i int) lipgloss.Style {
			if s < len(cohorts[i].ImmatureStages) && cohorts[i].ImmatureStages[s] {
				return st.Warn
			}
			return st.Cell
		}
	}
	cols := []widgets.Column{
		{Title: format.TitleCase(r.Period), Pin: true, Min: 10},
		{Title: "Entered", Align: widgets.AlignRight, Min: 8, Priority: 3},
	}
	for s := 1; s < len(r.Stages); s++ {
		cols = append(cols, widgets.Column{Title: r.Stages[s], Align: widgets.AlignRight, Min: 7, Max: 11, Priority: 1, Style: immature(s)})
	}
	cols = append(cols, widgets.Column{Title: r.Target + " est.", Align: widgets.AlignRight, Min: 8, Max: 15, Priority: 2,
		Style: func(int) lipgloss.Style { return st.Emphasis }})
	est := len(cols) - 1
	t, dc := v.data()
	v.table.Styles = v.common.TableStyles()
	v.table.SetColumns(cols...)
	v.table.SetRows(len(cohorts), func(i, col int) string {
		row := t.Rows[i]
		switch {
		case col == 0:
			return row[0].Str
		case col == 1:
			return tabular.Text(row[dc.entered], tabular.KindCount)
		case col == est && row[dc.few].Str != "":
			return "too few"
		case col == est:
			return tabular.Text(row[dc.target], tabular.KindRate)
		}
		obs, est := row[dc.obs+2*(col-2)], row[dc.obs+2*(col-2)+1]
		if !est.Null {
			return estPair(obs.Num, est.Num)
		}
		return tabular.Text(obs, tabular.KindRate)
	})
	v.table.SetWidth(v.width)
}

// legend explains the observed→estimated cells, describes the selected
// cohort and says which columns are hidden. The explanation and the
// description wrap rather than being cut when that leaves the table
// enough rows (v.wrap, set by layout).
func (v *Model) legend() []string {
	st := v.common.Styles
	var out []string
	for _, l := range v.lines(v.legendText()) {
		out = append(out, st.Warn.Render(l))
	}
	if k := v.list.Cursor(); k < len(v.res.Cohorts) {
		at := ""
		if shown := views.Shown(v.list); shown != "" {
			at = "cohorts " + shown + " (↑/↓) · "
		}
		for _, l := range v.lines(at + v.cohortText(k)) {
			out = append(out, st.Muted.Render(l))
		}
	}
	if n := v.table.HiddenNote(); n != "" {
		out = append(out, st.Muted.Render(format.Truncate(n, v.width)))
	}
	return out
}

func (v *Model) legendText() string {
	undated := ""
	if n := v.res.UndatedNote(); n != "" {
		undated = n + " · "
	}
	return undated + fmt.Sprintf("a→b immature cell: observed so far → estimated eventually (p90 from entry: %s to %s; exits compete, open records censored)",
		format.Days(v.res.MatureAfterDays), format.Clean(v.res.Target))
}

// cohortText describes cohort k: its size and how far it got.
func (v *Model) cohortText(k int) string {
	c := v.res.Cohorts[k]
	return fmt.Sprintf("%s: %s entered, %s reached %s (%s), %s still open, youngest %d d old",
		format.Clean(c.Period+c.Key), format.Count(c.Size), format.Count(c.Converted), format.Clean(v.res.Target),
		format.Percent(c.Observed), format.Count(c.Open), c.AgeDays)
}

// lines is a legend line wrapped, or cut when the window is too short to
// wrap.
func (v *Model) lines(s string) []string {
	if v.wrap {
		return format.Wrap(s, v.width)
	}
	return []string{format.Truncate(s, v.width)}
}

// minRows is the fewest cohort rows the legend's wrapping may leave.
const minRows = 8

// layout sets the list's height under the caption and header and over
// the legend: the legend wraps when that leaves minRows cohorts (or all
// of them), else its lines are cut.
func (v *Model) layout() {
	v.wrap = false
	h := v.height - 2 - 3
	if v.res != nil {
		v.wrap = true
		n := len(v.res.Cohorts)
		most := 0
		at := fmt.Sprintf("cohorts %s–%s of %s (↑/↓) · ", format.Count(n), format.Count(n), format.Count(n))
		for k := range v.res.Cohorts {
			most = max(most, len(format.Wrap(at+v.cohortText(k), v.width)))
		}
		wrapped := v.height - 2 - len(format.Wrap(v.legendText(), v.width)) - most - 1
		if v.wrap = wrapped >= min(n, minRows); v.wrap {
			h = wrapped
		}
	}
	v.list.SetHeight(h)
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
