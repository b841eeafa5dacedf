package views

import (
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
)

// State is what the user has asked for across views: the filter, the
// period of trends and comparisons, and the as-of date. The root owns it and
// sends StateMsg to every view on the stack when it changes.
type State struct {
	Filter string // filter expression, e.g. "channel=chat created>=2025-03"
	Period string // week, month, quarter or year
	AsOf   int32  // model.NoDay: the last date in the data
	Masked bool   // names, emails, companies shown as pseudonyms
}

// DefaultState is the state the explorer opens with.
func DefaultState() State { return State{Period: "month", AsOf: model.NoDay} }

// StateMsg tells views the state changed.
type StateMsg struct{ State State }

// SetFilterMsg asks the root to replace the filter expression (a view
// drilling into a slice); the root checks nothing: views send parsed,
// re-written expressions.
type SetFilterMsg struct{ Filter string }

// SetPeriodMsg asks the root to change the period of trends and cohorts.
type SetPeriodMsg struct{ Period string }

// SetFilter returns a command that sets the filter.
func SetFilter(expr string) tea.Cmd { return func() tea.Msg { return SetFilterMsg{Filter: expr} } }

// SetPeriod returns a command that sets the period.
func SetPeriod(p string) tea.Cmd { return func() tea.Msg { return SetPeriodMsg{Period: p} } }

// CommonMsg gives views the Common to use from now on: the same data under
// another engine (masked, or unmasked again; counts and row order are the
// same). A StateMsg follows it; views keep their place (cursor, sort,
// scroll) and recompute on that.
type CommonMsg struct{ Common Common }

// Restate takes a CommonMsg or StateMsg into a view's Common and State; it
// reports whether msg was a StateMsg (the view then asks for its numbers
// again).
func Restate(msg tea.Msg, c *Common, st *State) bool {
	switch m := msg.(type) {
	case CommonMsg:
		*c = m.Common
	case StateMsg:
		*st = m.State
		return true
	}
	return false
}

// Asked remembers the state a view's numbers were last asked for, for a
// view whose numbers depend on the filter, the as-of date and the mask but
// not the period: a StateMsg that changes none of them asks nothing new.
type Asked struct {
	ok bool
	st State
}

// Changed reports whether st asks for other numbers than the last asked,
// and remembers it.
func (a *Asked) Changed(st State) bool {
	if a.ok && a.st.Filter == st.Filter && a.st.AsOf == st.AsOf && a.st.Masked == st.Masked {
		return false
	}
	a.ok, a.st = true, st
	return true
}
