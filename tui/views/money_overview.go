package views

import (
	"fmt"
	"math"
	"strings"

	"funnel/model"
	"funnel/model/money"
	"funnel/tui/widgets"
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

// computeStageMoney totals amounts per stage in the report currency.
func computeStageMoney(c Common) stageMoney {
	ds := c.Data
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
	moneyColsW = 2 + moneyOpenW + 1 + moneyWonW
)

// renderOverviewMoney is the overview with the money columns at its right.
func (o *Overview) renderOverviewMoney() string {
	if o.money == nil {
		sm := computeStageMoney(o.common)
		o.money = &sm
	}
	sm := o.money
	st := o.common.Styles
	baseW := max(0, o.width-moneyColsW)
	base := strings.Split(RenderOverview(o.common, o.funnel, o.cursor, baseW, max(0, o.height-2)), "\n")
	cell := func(k int) string {
		open, per := "—", "—"
		if sm.err == nil && k < len(sm.Open) {
			if k < len(sm.Open)-1 {
				open = widgets.Money(sm.Open[k], sm.currency)
			} else {
				open = ""
			}
			if sm.WonPer[k] != nil {
				per = widgets.Money(*sm.WonPer[k], sm.currency)
			}
		}
		return "  " + widgets.PadLeft(open, moneyOpenW) + " " + widgets.PadLeft(per, moneyWonW)
	}
	for j, line := range base {
		k := j - 2 // caption, header, then one line per stage
		switch {
		case j == 1:
			base[j] = widgets.PadRight(line, baseW) + st.Header.Render("  "+widgets.PadLeft("Open value", moneyOpenW)+" "+widgets.PadLeft("Won/record", moneyWonW))
		case k >= 0 && k < len(o.funnel.Stages):
			if k == o.cursor {
				base[j] = widgets.PadRight(line, baseW) + st.Selected.Render(cell(k))
			} else {
				base[j] = widgets.PadRight(line, baseW) + st.Cell.Render(cell(k))
			}
		}
	}
	var note string
	if sm.err != nil {
		note = "$: " + widgets.Clean(sm.err.Error())
	} else {
		note = fmt.Sprintf("$ (%s): Open value = open records whose furthest stage is this one; Won/record = won revenue of the records reaching the stage ÷ those records.",
			widgets.Clean(sm.currency))
	}
	for _, l := range wrap(note, o.width) {
		if len(base) >= o.height {
			break
		}
		base = append(base, st.Muted.Render(l))
	}
	return strings.Join(base, "\n")
}
