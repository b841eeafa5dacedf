package views

import (
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// bdMoney is the breakdown's money column: won deals and won revenue per
// value of the dimension (money.WonByValue), over the records the filter
// selects as of the state's date, or why there is none.
type bdMoney struct {
	*money.WonBy
	err error // amounts in several currencies and no conversion: refused
}

// computeBdMoney totals won deals and revenue per value of dim; nil when
// the data has no amounts.
func computeBdMoney(c Common, st State, dim string) *bdMoney {
	if c.Data().Amount == nil {
		return nil
	}
	sel, err := stateSelection(c.Engine, st)
	if err != nil {
		return &bdMoney{err: err}
	}
	w, err := money.WonByValue(sel.Data, dim, c.Money)
	switch {
	case err != nil:
		return &bdMoney{err: err}
	case w == nil:
		return nil
	}
	return &bdMoney{WonBy: w}
}

// currency names the revenue's currency ("" when there is none).
func (m *bdMoney) currency() string {
	if m.WonBy == nil {
		return ""
	}
	return m.Currency
}

// cell is the won deals and revenue of a breakdown group: a value of the
// dimension, or the merged smaller values ((other): the rest).
func (m *bdMoney) cell(key string, groups []string) (int, int64, bool) {
	if m == nil || m.err != nil {
		return 0, 0, false
	}
	if key != query.OtherGroup {
		return m.Value(key)
	}
	shown := make([]string, 0, len(groups))
	for _, g := range groups {
		if g != query.OtherGroup {
			shown = append(shown, g)
		}
	}
	won, rev := m.Rest(shown)
	return won, rev, true
}

const (
	bdWonW = 6
	bdRevW = 12
)

// bdMoneyCols is how much of the money column fits: nothing, the revenue
// alone, or won deals and revenue.
type bdMoneyCols uint8

const (
	bdMoneyNone bdMoneyCols = iota
	bdMoneyRevenue
	bdMoneyFull
)

// fit chooses the money columns for the room left beside the counts.
func (m *bdMoney) fit(room int) bdMoneyCols {
	switch {
	case m == nil:
		return bdMoneyNone
	case room >= 2+bdWonW+bdRevW:
		return bdMoneyFull
	case room >= 1+bdRevW:
		return bdMoneyRevenue
	}
	return bdMoneyNone
}

func (c bdMoneyCols) width() int {
	return [...]int{0, 1 + bdRevW, 2 + bdWonW + bdRevW}[c]
}

// head is the header of the money columns.
func (m *bdMoney) head(c bdMoneyCols) string {
	if c == bdMoneyNone {
		return ""
	}
	rev := "Won revenue"
	if m.currency() != "" {
		rev = "Won " + widgets.Clean(m.currency())
	}
	out := " " + widgets.PadLeft(widgets.Truncate(rev, bdRevW), bdRevW)
	if c == bdMoneyFull {
		out = " " + widgets.PadLeft("Won", bdWonW) + out
	}
	return out
}

// row is the money cells of one breakdown row.
func (m *bdMoney) row(c bdMoneyCols, b *Breakdown, key string) string {
	if c == bdMoneyNone {
		return ""
	}
	wonS, revS := "—", "—"
	if won, rev, ok := m.cell(key, b.groupKeys()); ok {
		wonS, revS = widgets.Count(won), moneyShort(rev, "")
	}
	out := " " + widgets.PadLeft(revS, bdRevW)
	if c == bdMoneyFull {
		out = " " + widgets.PadLeft(wonS, bdWonW) + out
	}
	return out
}

// note says what the money columns count, or why they are empty.
func (m *bdMoney) note(c bdMoneyCols) string {
	switch {
	case m == nil:
		return ""
	case m.err != nil:
		return "won revenue: " + widgets.Clean(m.err.Error())
	case c == bdMoneyNone:
		return "won revenue per slice: widen the window to see it"
	}
	return "Won: deals won (reached the last stage or marked won) · Won " + widgets.Clean(m.currency()) + ": their amounts, whole units"
}

func (b *Breakdown) groupKeys() []string {
	if b.res == nil {
		return nil
	}
	out := make([]string, len(b.res.Groups))
	for i, g := range b.res.Groups {
		out[i] = g.Key
	}
	return out
}
