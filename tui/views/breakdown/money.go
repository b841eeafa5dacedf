package breakdown

import (
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
)

// currency names the revenue's currency ("" when there is none).
func (m *wonMoney) currency() string {
	if m.WonBy == nil {
		return ""
	}
	return m.Currency
}

// value is the won deals and revenue of a breakdown group: a value of the
// dimension, or the merged smaller values ((other): the rest).
func (m *wonMoney) value(key string, groups []string) (int, int64, bool) {
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

// head is the title of the revenue column.
func (m *wonMoney) head() string {
	if m.currency() != "" {
		return "Won " + format.Clean(m.currency())
	}
	return "Won revenue"
}

// note says what the money columns count, or why they are empty.
func (m *wonMoney) note(shown bool) string {
	switch {
	case m == nil:
		return ""
	case m.err != nil:
		return "won revenue: " + format.Clean(m.err.Error())
	case !shown:
		return "won revenue per slice: widen the window or scroll the columns to see it"
	}
	return "Won: deals won (reached the last stage or marked won) · " + m.head() + ": their amounts"
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
