package overview

import (
	"fmt"
	"math"

	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/stats"
	"github.com/funnel-cli/funnel/tui/format"
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

// columns are the stage table's columns: the stage, its counts and rates,
// the change against the previous period (once computed), a bar and the
// monthly entries.
func (o *Model) columns() []column {
	st, f := o.common.Styles, o.funnel
	top := 0
	if len(f.Stages) > 0 {
		top = f.Stages[0].Reached
	}
	right := func(title string, w, prio int, cell func(k int) string) column {
		return column{widgets.Column{Title: title, Align: widgets.AlignRight, Min: w, Priority: prio}, cell}
	}
	cols := []column{
		{widgets.Column{Title: "Stage", Pin: true, Min: 8}, func(k int) string { return f.Stages[k].Name }},
		right("Reached", 10, prioCount, func(k int) string { return format.Count(f.Stages[k].Reached) }),
		right("Step", 7, prioStep, func(k int) string {
			if k == 0 {
				return "—"
			}
			return format.Percent(f.Stages[k].ConversionFromPrevious)
		}),
		right("Total", 7, prioTotal, func(k int) string { return format.Percent(f.Stages[k].ConversionFromTop) }),
	}
	cols = append(cols, o.deltaColumn()...)
	bar := func(k, w int) string { return widgets.Bar(stats.Ratio(f.Stages[k].Reached, top), w) }
	cols = append(cols, column{widgets.Column{Title: colBar, Grow: true, Min: 5, Gap: 2, Priority: prioBar, Draw: bar,
		Style: func(int) lipgloss.Style { return st.Bar }}, nil})
	if n := len(f.Months); n > 0 {
		cols = append(cols, column{widgets.Column{Title: "Monthly", Width: n, Gap: 2, Priority: prioSpark,
			Draw:  func(k, _ int) string { return widgets.Sparkline(f.Stages[k].Monthly) },
			Style: func(int) lipgloss.Style { return st.Spark }}, nil})
	}
	return cols
}

// insertBefore puts more before the column titled title.
func insertBefore(cols []column, title string, more ...column) []column {
	for i, c := range cols {
		if c.Title == title && c.Grow {
			return append(cols[:i:i], append(more, cols[i:]...)...)
		}
	}
	return append(cols, more...)
}

// styled is a cell whose text and style are worked out together.
func styled(title string, w, prio int, cell func(k int) (string, lipgloss.Style)) column {
	return column{widgets.Column{Title: title, Align: widgets.AlignRight, Width: w, Priority: prio,
		Style: func(k int) lipgloss.Style { _, s := cell(k); return s }},
		func(k int) string { t, _ := cell(k); return t }}
}

// deltaColumn shows each stage's entries in the current period against the
// previous one; * marks a change that survives the FDR correction.
func (o *Model) deltaColumn() []column {
	if o.insights == nil || len(o.insights.compare.Deltas) == 0 {
		return nil
	}
	st := o.common.Styles
	byStage := map[int]insight.PeriodDelta{} // entries into stage FromStage
	for _, d := range o.insights.compare.Deltas {
		if d.Dimension == "" && d.Against == "previous" {
			byStage[d.FromStage] = d
		}
	}
	return []column{styled("vs prev", 8, prioDelta, func(k int) (string, lipgloss.Style) {
		d, ok := byStage[k]
		if !ok || d.CountThen == 0 || math.IsNaN(d.CountChange) {
			return "—", st.Muted
		}
		arrow, style := "▲", st.Good
		if d.CountChange < 0 {
			arrow, style = "▼", st.Bad
		}
		text := fmt.Sprintf("%s%.0f%%", arrow, math.Abs(d.CountChange*100))
		switch {
		case d.CountTooFew:
			return text + "?", st.Muted
		case d.CountSig:
			return text + "*", style
		}
		return text, st.Muted
	})}
}

const (
	moneyOpenW = 13
	moneyWonW  = 12
)

// moneyColumns are the overview's money columns (the $ toggle) and the
// note that says what they count.
func (o *Model) moneyColumns() ([]column, string) {
	st := o.common.Styles
	if o.money == nil {
		wait := func(int) (string, lipgloss.Style) { return "…", st.Muted }
		return []column{styled("Open value", moneyOpenW, prioMoney, wait), styled("Won/record", moneyWonW, prioMoney, wait)},
			"$: computing open value and won revenue per stage…"
	}
	sm := o.money
	open := func(k int) (string, lipgloss.Style) {
		if sm.err != nil || k >= len(sm.Open) {
			return "—", st.Muted
		}
		if k == len(sm.Open)-1 {
			return "", st.Cell
		}
		return format.Money(sm.Open[k], sm.Currency), st.Cell
	}
	per := func(k int) (string, lipgloss.Style) {
		if sm.err != nil || k >= len(sm.WonPer) || sm.WonPer[k] == nil {
			return "—", st.Muted
		}
		return format.Money(*sm.WonPer[k], sm.Currency), st.Cell
	}
	note := fmt.Sprintf("$ (%s): Open value = open records whose furthest stage is this one; Won/record = won revenue of the records reaching the stage ÷ those records.",
		format.Clean(sm.Currency))
	if sm.err != nil {
		note = "$: " + format.Clean(sm.err.Error())
	} else if o.state.Filter != "" {
		note += " Where " + format.Clean(o.state.Filter) + "."
	}
	return []column{styled("Open value", moneyOpenW, prioMoney, open), styled("Won/record", moneyWonW, prioMoney, per)}, note
}
