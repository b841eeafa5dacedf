package overview

import (
	"fmt"
	"math"

	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model/stats"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// column is a column of the stage table and its cells, one per stage.
type column struct {
	widgets.Column
	cell func(stage int) string
}

// The stage table's fitting priorities (a higher one stays longer).
const (
	prioCount = 9 - iota
	prioStep
	prioTotal
	prioDelta
	prioMoney
	prioBar
	prioSpark
)

// colBar is the title of the bar column (blank on screen).
const colBar = ""

// columns are the stage table's columns, drawn from its data (t, c):
// the stage, its counts and rates, the change against the previous
// period (once computed), the $ columns (when on), a bar and the monthly
// entries.
func (o *Model) columns(t tabular.Table, c stageCols) []column {
	st, f := o.common.Styles, o.funnel
	top := 0
	if len(f.Stages) > 0 {
		top = f.Stages[0].Reached
	}
	text := func(d int) func(k int) string {
		return func(k int) string { return tabular.Text(t.Rows[k][d], t.Columns[d].Kind) }
	}
	right := func(title string, w, prio int, cell func(k int) string) column {
		return column{widgets.Column{Title: title, Align: widgets.AlignRight, Min: w, Priority: prio}, cell}
	}
	// a stage name keeps up to 20 cells before the bar and the sparkline
	// give up theirs: names get the width they need when there is room
	nameW := 8
	for _, s := range f.Stages {
		nameW = max(nameW, min(20, format.Width(format.Clean(s.Name))))
	}
	cols := []column{
		{widgets.Column{Title: "Stage", Pin: true, Min: nameW}, text(0)},
		right("Reached", 10, prioCount, text(c.reached)),
		right("Step", 7, prioStep, text(c.step)),
		right("Total", 7, prioTotal, text(c.total)),
	}
	if c.delta >= 0 {
		cols = append(cols, styled("vs prev", 8, prioDelta, func(k int) (string, lipgloss.Style) {
			d, note := t.Rows[k][c.delta], t.Rows[k][c.deltaNote].Str
			if d.Null {
				return "—", st.Muted
			}
			arrow, style := "▲", st.Good
			if d.Num < 0 {
				arrow, style = "▼", st.Bad
			}
			text := fmt.Sprintf("%s%.0f%%", arrow, math.Abs(d.Num*100))
			switch note {
			case "too few":
				return text + "?", st.Muted
			case "significant":
				return text + "*", style
			}
			return text, st.Muted
		}))
	}
	if o.showMoney {
		cols = append(cols, o.moneyColumns(t, c)...)
	}
	bar := func(k, w int) string { return widgets.Bar(stats.Ratio(f.Stages[k].Reached, top), w) }
	cols = append(cols, column{widgets.Column{Title: colBar, Grow: true, Min: 5, Gap: 2, Priority: prioBar, Draw: bar,
		Style: func(int) lipgloss.Style { return st.Bar }}, nil})
	if n := len(f.Months); n > 0 {
		cols = append(cols, column{widgets.Column{Title: "Monthly", Width: max(n, len("Monthly")), Gap: 2, Priority: prioSpark,
			Draw: func(k, _ int) string {
				vals := make([]int, n)
				for m := range vals {
					vals[m] = int(t.Rows[k][c.monthly+m].Num)
				}
				return widgets.Sparkline(vals)
			},
			Style: func(int) lipgloss.Style { return st.Spark }}, nil})
	}
	return cols
}

// styled is a cell whose text and style are worked out together.
func styled(title string, w, prio int, cell func(k int) (string, lipgloss.Style)) column {
	return column{widgets.Column{Title: title, Align: widgets.AlignRight, Width: w, Priority: prio,
		Style: func(k int) lipgloss.Style { _, s := cell(k); return s }},
		func(k int) string { t, _ := cell(k); return t }}
}

const (
	moneyOpenW = 13
	moneyWonW  = 12
)

// moneyColumns are the overview's money columns (the $ toggle), drawn
// from the data's (…while they are computed, — when they cannot be).
func (o *Model) moneyColumns(t tabular.Table, c stageCols) []column {
	st := o.common.Styles
	if c.open < 0 {
		wait := func(int) (string, lipgloss.Style) { return "…", st.Muted }
		if o.money != nil {
			wait = func(int) (string, lipgloss.Style) { return "—", st.Muted }
		}
		return []column{styled("Open value", moneyOpenW, prioMoney, wait), styled("Won/record", moneyWonW, prioMoney, wait)}
	}
	cur := o.money.Currency
	cell := func(d int, last bool) func(k int) (string, lipgloss.Style) {
		return func(k int) (string, lipgloss.Style) {
			v := t.Rows[k][d]
			switch {
			case last && k == len(t.Rows)-1:
				return "", st.Cell
			case v.Null:
				return "—", st.Muted
			}
			return format.Money(int64(v.Num), cur), st.Cell
		}
	}
	return []column{styled("Open value", moneyOpenW, prioMoney, cell(c.open, true)), styled("Won/record", moneyWonW, prioMoney, cell(c.wonPer, false))}
}

// moneyNote says what the $ columns count, or why they are empty.
func (o *Model) moneyNote() string {
	sm := o.money
	switch {
	case sm == nil:
		return "$: computing open value and won revenue per stage…"
	case sm.err != nil:
		return "$: " + format.Clean(sm.err.Error())
	}
	note := fmt.Sprintf("$ (%s): Open value = open records whose furthest stage is this one; Won/record = won revenue of the records reaching the stage ÷ those records.",
		format.Clean(sm.Currency))
	if o.state.Filter != "" {
		note += " Where " + format.Clean(o.state.Filter) + "."
	}
	return note
}
