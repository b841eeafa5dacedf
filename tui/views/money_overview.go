package views

import (
	"fmt"
	"math"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// stageMoney is the overview's money column (the `$` toggle), per stage.
type stageMoney struct {
	currency string
	// Open is the value of open records whose furthest stage is k (the
	// pipeline sitting there); zero at the last stage.
	Open []int64
	// WonPer is the won revenue of the records reaching stage k divided by
	// those records (Reached[k]); nil when none reached it.
	WonPer  []*int64
	Reached []int
	err     error
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

// computeStageMoney totals amounts per stage in the report currency.
func computeStageMoney(c Common) stageMoney {
	ds := c.Data()
	ns := len(ds.Stages)
	amt, cur, err := money.Amounts(ds, c.Money)
	sm := stageMoney{currency: cur, Open: make([]int64, ns), WonPer: make([]*int64, ns), Reached: make([]int, ns), err: err}
	if err != nil {
		return sm
	}
	won := make([]int64, ns)
	for i := 0; i < ds.Len(); i++ {
		deep := ds.Deepest(i)
		var a int64
		if amt != nil {
			a = amt[i]
		}
		isWon := money.IsWon(ds, i)
		for k := 0; k <= deep && k < ns; k++ {
			sm.Reached[k]++
			if isWon {
				won[k] += a
			}
		}
		open := !isWon && ds.Exit[i] != model.ExitLost && ds.Exit[i] != model.ExitDisqualified
		if open && deep >= 0 && deep < ns-1 {
			sm.Open[deep] += a
		}
	}
	for k := range won {
		if sm.Reached[k] > 0 {
			v := int64(math.Round(float64(won[k]) / float64(sm.Reached[k])))
			sm.WonPer[k] = &v
		}
	}
	return sm
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
		return widgets.Money(sm.Open[k], sm.currency), st.Cell
	}
	per := func(k int) (string, lipgloss.Style) {
		if sm.err != nil || k >= len(sm.WonPer) || sm.WonPer[k] == nil {
			return "—", st.Muted
		}
		return widgets.Money(*sm.WonPer[k], sm.currency), st.Cell
	}
	note := fmt.Sprintf("$ (%s): Open value = open records whose furthest stage is this one; Won/record = won revenue of the records reaching the stage ÷ those records.",
		widgets.Clean(sm.currency))
	if sm.err != nil {
		note = "$: " + widgets.Clean(sm.err.Error())
	} else if o.state.Filter != "" {
		note += " Where " + widgets.Clean(o.state.Filter) + "."
	}
	return []ExtraColumn{{Header: "Open value", Width: moneyOpenW, Cell: open}, {Header: "Won/record", Width: moneyWonW, Cell: per}}, note
}
