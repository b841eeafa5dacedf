package views

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// stageMoney is the overview's money column (the `$` toggle), per stage
// (money.ByStage), or why there is none.
type stageMoney struct {
	money.StageValues
	err error
}

type overviewMoneyMsg struct {
	gen   int
	money stageMoney
}

// moneyCmd computes the money columns off the event loop, on the records
// the state's filter selects as of its date.
func (o *Overview) moneyCmd() tea.Cmd {
	c, st, gen := o.common, o.state, o.gen
	return func() tea.Msg {
		sel, err := stateSelection(c.Engine, st)
		if err != nil {
			return overviewMoneyMsg{gen: gen, money: stageMoney{err: err}}
		}
		return overviewMoneyMsg{gen: gen, money: computeStageMoney(onSelection(c, sel, st))}
	}
}

// computeStageMoney is the money per stage of c's data.
func computeStageMoney(c Common) stageMoney {
	sv, err := money.ByStage(c.Data(), c.Money)
	return stageMoney{StageValues: sv, err: err}
}

const (
	moneyOpenW = 13
	moneyWonW  = 12
)

// moneyColumns are the overview's money columns (the $ toggle) and the
// note that says what they count.
func (o *Overview) moneyColumns() ([]ExtraColumn, string) {
	st := o.common.Styles
	if o.money == nil {
		wait := func(int) (string, lipgloss.Style) { return "…", st.Muted }
		return []ExtraColumn{{Header: "Open value", Width: moneyOpenW, Cell: wait}, {Header: "Won/record", Width: moneyWonW, Cell: wait}},
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
	return []ExtraColumn{{Header: "Open value", Width: moneyOpenW, Cell: open}, {Header: "Won/record", Width: moneyWonW, Cell: per}}, note
}
