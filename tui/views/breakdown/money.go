package breakdown

import (
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// currency names the revenue's currency ("" when there is none).
func (m *wonMoney) currency() string {
	if m.WonBy == nil {
		return ""
	}
	return m.Currency
}

// cell is the won deals and revenue of a breakdown group: a value of the
// dimension, or the merged smaller values ((other): the rest).
func (m *wonMoney) cell(key string, groups []string) (int, int64, bool) {
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
	wonW = 6
	revW = 12
)

// moneyCols is how much of the money column fits: nothing, the revenue
// alone, or won deals and revenue.
type moneyCols uint8

const (
	moneyNone moneyCols = iota
	moneyRevenue
	moneyFull
)

// fit chooses the money columns for the room left beside the counts.
func (m *wonMoney) fit(room int) moneyCols {
	switch {
	case m == nil:
		return moneyNone
	case room >= 2+wonW+revW:
		return moneyFull
	case room >= 1+revW:
		return moneyRevenue
	}
	return moneyNone
}

func (c moneyCols) width() int {
	return [...]int{0, 1 + revW, 2 + wonW + revW}[c]
}

// head is the header of the money columns.
func (m *wonMoney) head(c moneyCols) string {
	if c == moneyNone {
		return ""
	}
	rev := "Won revenue"
	if m.currency() != "" {
		rev = "Won " + widgets.Clean(m.currency())
	}
	out := " " + widgets.PadLeft(widgets.Truncate(rev, revW), revW)
	if c == moneyFull {
		out = " " + widgets.PadLeft("Won", wonW) + out
	}
	return out
}

// row is the money cells of one breakdown row.
func (m *wonMoney) row(c moneyCols, b *Model, key string) string {
	if c == moneyNone {
		return ""
	}
	wonS, revS := "—", "—"
	if won, rev, ok := m.cell(key, b.groupKeys()); ok {
		wonS, revS = widgets.Count(won), widgets.MoneyShort(rev, "")
	}
	out := " " + widgets.PadLeft(revS, revW)
	if c == moneyFull {
		out = " " + widgets.PadLeft(wonS, wonW) + out
	}
	return out
}

// note says what the money columns count, or why they are empty.
func (m *wonMoney) note(c moneyCols) string {
	switch {
	case m == nil:
		return ""
	case m.err != nil:
		return "won revenue: " + widgets.Clean(m.err.Error())
	case c == moneyNone:
		return "won revenue per slice: widen the window to see it"
	}
	return "Won: deals won (reached the last stage or marked won) · Won " + widgets.Clean(m.currency()) + ": their amounts, whole units"
}

func (b *Model) groupKeys() []string {
	if b.res == nil {
		return nil
	}
	out := make([]string, len(b.res.Groups))
	for i, g := range b.res.Groups {
		out[i] = g.Key
	}
	return out
}
