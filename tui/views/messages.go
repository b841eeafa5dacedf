package views

import tea "charm.land/bubbletea/v2"

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
