package trends

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/widgets"
)

func (t *Model) View() string {
	st := t.common.Styles
	switch {
	case t.err != nil:
		return st.Error.Render(format.Truncate(format.Clean(t.err.Error()), t.width))
	case t.res == nil:
		return st.Muted.Render(format.Truncate("Computing trends…", t.width))
	case len(t.res.Periods) == 0:
		return st.Muted.Render(format.Truncate("No dated records: trends need stage dates.", t.width))
	}
	r := t.res
	m := t.metrics[t.metric]
	change := r.Change
	if change == "" {
		change = "change"
	}
	head := fmt.Sprintf("%s by %s (%d of %d metrics, ←/→) · %s vs the %s before", t.metricName(m), r.Period,
		t.metric+1, len(t.metrics), change, r.Period)
	lines := []string{st.Title.Render(format.Truncate(head, t.width))}
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
	var undated []string
	if note := t.undatedNote(m); note != "" {
		for _, l := range format.Wrap(note, t.width) {
			undated = append(undated, st.Warn.Render(l))
		}
	}
	if len(undated) == 0 || t.dated(m) > 0 { // a flat line at 0 says nothing
		if c := widgets.Chart(vals, t.width, min(14, chartH-len(undated)), caption, prec); c != "" {
			lines = append(lines, st.Cell.Render(c))
		}
	}
	lines = append(lines, undated...)
	lines = append(lines, t.periodTable(m, tableRows, change)...)
	return strings.Join(lines, "\n")
}

// periodTable lists the last n periods with the change against the one before.
func (t *Model) periodTable(m metric, n int, change string) []string {
	st := t.common.Styles
	r := t.res
	first := len(r.Periods) - n
	right := func(title string, w int) widgets.Column {
		return widgets.Column{Title: title, Align: widgets.AlignRight, Width: w}
	}
	t.table.Styles = t.common.TableStyles()
	t.table.SetColumns(widgets.Column{Title: format.TitleCase(r.Period), Pin: true, Width: 10},
		right("Value", 10), right(change, 9), right(change+" %", 9))
	data := t.data(m)
	t.table.SetRows(n, func(i, col int) string {
		row := data.Rows[first+i]
		switch c := row[col]; {
		case col == 0:
			return c.Str
		case c.Null:
			return "—"
		case col == 1 && m.rate:
			return format.Percent(c.Num)
		case col == 1:
			return format.Count(int(c.Num))
		case col == 2 && m.rate:
			return fmt.Sprintf("%+.1f pt", c.Num)
		case col == 2:
			return format.Signed(c.Num)
		}
		return fmt.Sprintf("%+.1f%%", 100*row[3].Num)
	})
	t.table.RowStyle = func(i int) lipgloss.Style {
		if r.Periods[first+i].Partial {
			return st.Muted
		}
		return st.Cell
	}
	t.table.Note = func(i int) (string, lipgloss.Style) {
		if r.Periods[first+i].Partial {
			return " partial", st.Warn
		}
		return "", st.Warn
	}
	t.table.NoteWidth = len(" partial")
	t.table.SetWidth(t.width)
	lines := t.table.Lines(0, n, -1)
	if first > 0 {
		lines = append(lines, st.Muted.Render(format.Truncate(fmt.Sprintf("the last %d of %s: the chart draws them all, y copies them all",
			n, format.Plural(len(r.Periods), r.Period, r.Period+"s")), t.width)))
	}
	if note := t.table.HiddenNote(); note != "" {
		lines = append(lines, st.Muted.Render(format.Truncate(note, t.width)))
	}
	return lines
}

// dated counts the entries into a count metric's stage that have a date in
// the periods shown.
func (t *Model) dated(m metric) int {
	n := 0
	for _, row := range t.res.Whole.Trend {
		n += row.Stages[m.stage].Events
	}
	return n
}

// undatedNote says how many records at a count metric's stage have no date
// in the periods ("" when none, or for a rate): a stage whose dates were
// inferred or missing would otherwise chart as zero entries.
func (t *Model) undatedNote(m metric) string {
	if m.rate || m.stage >= len(t.res.Whole.Stages) {
		return ""
	}
	reached, dated := t.res.Whole.Stages[m.stage].Reached, t.dated(m)
	if dated >= reached {
		return ""
	}
	return fmt.Sprintf("%s of %s records that reached %s have no date there in these %ss (not in the data, or inferred from a later stage: the overview's l says how the data was read), so they are not counted here",
		format.Count(reached-dated), format.Count(reached), format.Clean(t.res.Stages[m.stage]), t.res.Period)
}
