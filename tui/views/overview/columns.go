package overview

import (
	"fmt"
	"math"

	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// extraColumn is a column added to the right of the overview's numbers: a
// period delta, a money figure. Cell returns the text and its style.
type extraColumn struct {
	Header string
	Width  int
	Cell   func(stage int) (string, lipgloss.Style)
}

// deltaColumn shows each stage's entries in the current period against the
// previous one; * marks a change that survives the FDR correction.
func (o *Model) deltaColumn() []extraColumn {
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
	return []extraColumn{{
		Header: "vs prev",
		Width:  8,
		Cell: func(k int) (string, lipgloss.Style) {
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
		},
	}}
}

const (
	moneyOpenW = 13
	moneyWonW  = 12
)

// moneyColumns are the overview's money columns (the $ toggle) and the
// note that says what they count.
func (o *Model) moneyColumns() ([]extraColumn, string) {
	st := o.common.Styles
	if o.money == nil {
		wait := func(int) (string, lipgloss.Style) { return "…", st.Muted }
		return []extraColumn{{Header: "Open value", Width: moneyOpenW, Cell: wait}, {Header: "Won/record", Width: moneyWonW, Cell: wait}},
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
		return widgets.Money(sm.Open[k], sm.Currency), st.Cell
	}
	per := func(k int) (string, lipgloss.Style) {
		if sm.err != nil || k >= len(sm.WonPer) || sm.WonPer[k] == nil {
			return "—", st.Muted
		}
		return widgets.Money(*sm.WonPer[k], sm.Currency), st.Cell
	}
	note := fmt.Sprintf("$ (%s): Open value = open records whose furthest stage is this one; Won/record = won revenue of the records reaching the stage ÷ those records.",
		widgets.Clean(sm.Currency))
	if sm.err != nil {
		note = "$: " + widgets.Clean(sm.err.Error())
	} else if o.state.Filter != "" {
		note += " Where " + widgets.Clean(o.state.Filter) + "."
	}
	return []extraColumn{{Header: "Open value", Width: moneyOpenW, Cell: open}, {Header: "Won/record", Width: moneyWonW, Cell: per}}, note
}
