package views

import tea "charm.land/bubbletea/v2"

// Backer is a view with a state of its own that esc leaves before the
// root goes back (a picker open, a choice half made): Back leaves it and
// reports true, or reports false when the view has nothing to back out
// of, and the root pops the view, undoes the slice filter it set, or
// returns to the overview.
type Backer interface {
	Back() (tea.Cmd, bool)
}
