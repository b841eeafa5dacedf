package breakdown

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model/stats"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

func (b *Model) View() string {
	st := b.common.Styles
	if b.dim == "" {
		return b.pickView()
	}
	if b.err != nil {
		return st.Error.Render(format.Truncate(format.Clean(b.err.Error()), b.width))
	}
	if b.res == nil {
		return st.Muted.Render(format.Truncate("Computing the breakdown by "+format.Clean(b.dim)+"…", b.width))
	}
	stages := b.res.Stages
	k := min(b.step, max(0, len(stages)-2))
	from, to := format.Clean(stages[k]), format.Clean(stages[min(k+1, len(stages)-1)])
	dir := "↓"
	if b.asc {
		dir = "↑"
	}
	caption := fmt.Sprintf("%s · step %s → %s (←/→) · sorted by %s %s · 95%% interval on 0–100%% · lost: vs the rest's rate",
		format.Plural(len(b.rows), "slice", "slices"), from, to, sortNames[b.sortCol], dir)
	lines := []string{st.Muted.Render(format.Truncate(caption, b.width))}
	b.layTable(from, to)
	lo, hi := b.list.Window()
	lines = append(lines, b.table.Lines(lo, hi, b.list.Cursor())...)
	foot := fmt.Sprintf("whole: %s → %s %s of %s (%s) · too few: under %d entering the step",
		from, to, format.Count(b.res.Whole.Stages[k+1].Reached), format.Count(b.res.Whole.Stages[k].Reached),
		format.Percent(b.res.Whole.Stages[k+1].Step), stats.MinSample)
	if shown := views.Shown(b.list); shown != "" {
		foot = "slices " + shown + " (↑/↓) · " + foot
	}
	if b.note != "" {
		foot = b.note
	}
	lines = append(lines, st.Muted.Render(format.Truncate(foot, b.width)))
	if n := b.table.HiddenNote(); n != "" {
		lines = append(lines, st.Muted.Render(format.Truncate(n, b.width)))
	}
	if n := b.money.note(b.table.Shown(b.moneyCol)); n != "" {
		lines = append(lines, st.Muted.Render(format.Truncate(n, b.width)))
	}
	return strings.Join(lines, "\n")
}

// Priorities of the breakdown's columns (a higher one stays longer).
const (
	prioRate = 10 - iota
	prioStep
	prioRecords
	prioLost
	prioRevenue
	prioWon
	prioInterval
	prioTrend
	prioStages
)

// layTable sets the table's columns and rows for the focused step, from
// and to its stages: the slice, its records, its count at every stage,
// the step's counts, rate, interval and trend, the conversions lost and
// the won deals and revenue.
func (b *Model) layTable(from, to string) {
	st := b.common.Styles
	rows := b.rows
	t, dc := b.data()
	right := func(title string, prio int) widgets.Column {
		return widgets.Column{Title: title, Align: widgets.AlignRight, Min: 6, Priority: prio}
	}
	type col struct {
		widgets.Column
		data int // the data column it shows (-1: drawn)
	}
	cols := []col{{widgets.Column{Title: b.dim, Pin: true, Min: 12}, 0}, {right("Records", prioRecords), dc.records}}
	for s, name := range b.res.Stages {
		c := right(name, prioStages)
		c.Max = 11
		cols = append(cols, col{c, dc.stages + s})
	}
	cols = append(cols,
		col{right(from, prioStep), dc.from},
		col{right(to, prioStep), dc.to},
		col{right("Rate", prioRate), dc.rate},
		col{widgets.Column{Title: "95% CI", Grow: true, Min: 10, Max: 20, Priority: prioInterval,
			Draw:  func(i, w int) string { return widgets.IntervalBar(rows[i].Lo, rows[i].Hi, rows[i].Rate, w) },
			Style: func(int) lipgloss.Style { return st.Bar }}, -1},
	)
	if n := len(b.res.Periods); n > 0 {
		cols = append(cols, col{widgets.Column{Title: b.res.Period, Width: n, Priority: prioTrend,
			Draw:  func(i, _ int) string { return widgets.Sparkline(rows[i].spark) },
			Style: func(int) lipgloss.Style { return st.Spark }}, -1})
	}
	lost := right("Lost", prioLost)
	lost.Style = func(i int) lipgloss.Style {
		if rows[i].Below {
			return st.Bad
		}
		return b.rowStyle(i)
	}
	cols = append(cols, col{lost, dc.lost})
	b.moneyCol = -1
	if b.money != nil {
		b.moneyCol = len(cols) + 1
		revenue := right(b.money.head(), prioRevenue)
		revenue.Min = 12
		cols = append(cols, col{right("Won", prioWon), dc.won}, col{revenue, dc.revenue})
	}
	wc := make([]widgets.Column, len(cols))
	for i, c := range cols {
		wc[i] = c.Column
	}
	b.table.Styles = b.common.TableStyles()
	b.table.SetColumns(wc...)
	b.table.SetRows(len(rows), func(i, c int) string {
		d := cols[c].data
		switch {
		case d < 0:
			return ""
		case d == dc.lost:
			return format.Signed(t.Rows[i][d].Num) // conversions lost: +3,163, -960
		case d == dc.revenue && !t.Rows[i][d].Null:
			return format.MoneyShort(int64(t.Rows[i][d].Num), "") // whole units
		}
		return tabular.Text(t.Rows[i][d], t.Columns[d].Kind)
	})
	b.table.RowStyle = b.rowStyle
	b.table.Note = func(i int) (string, lipgloss.Style) {
		if rows[i].Few {
			return " too few", st.Warn
		}
		return "", st.Warn
	}
	b.table.NoteWidth = len(" too few")
	b.table.SetWidth(b.width)
}

// rowStyle mutes a slice too small to tell.
func (b *Model) rowStyle(i int) lipgloss.Style {
	if b.rows[i].Few {
		return b.common.Styles.Muted
	}
	return b.common.Styles.Cell
}

func (b *Model) pickView() string {
	st := b.common.Styles
	lines := []string{st.Title.Render(format.Truncate("Break down by which column?", b.width)), ""}
	names := b.common.Data().DimNames()
	nameW := 20 // the longest name, when there is room
	for _, n := range names {
		nameW = max(nameW, min(format.Width(format.Clean(n)), b.width/2))
	}
	from, to := b.picker.Window()
	for i := from; i < min(to, len(names)); i++ {
		n := names[i]
		d := b.common.Data().Dim(n)
		text := fmt.Sprintf("%s  %s", format.Fit(n, nameW), format.Plural(d.Cardinality()-1, "value", "values"))
		if i == b.picker.Cursor() {
			lines = append(lines, st.Selected.Render(format.PadRight(format.Truncate("▸ "+text, b.width), b.width)))
			continue
		}
		lines = append(lines, format.Truncate("  "+text, b.width))
	}
	hint := "enter picks · or type :by channel"
	if shown := views.Shown(b.picker); shown != "" {
		hint = "columns " + shown + " (↑/↓) · " + hint
	}
	lines = append(lines, "", st.Muted.Render(format.Truncate(hint, b.width)))
	return strings.Join(lines, "\n")
}
