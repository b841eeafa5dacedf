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
