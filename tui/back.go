package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/views"
)

// Esc always backs out, one step at a time:
//  1. the view's own state (views.Backer: the breakdown's column picker);
//  2. a view pushed on another (stage detail, records, load details) pops;
//  3. a slice filter the view set with enter ("filter to this slice") is
//     undone, the filter before it restored;
//  4. a top view returns to the overview.
// At the overview with nothing to undo, it says that q quits.

// sliceUndo is a filter a view set by drilling into a slice, and the
// filter it replaced.
type sliceUndo struct {
	view      string // the top view that set it
	set, prev string
}

// back is what esc does in normal mode.
func (a *App) back() tea.Cmd {
	if b, ok := a.Top().(views.Backer); ok {
		if cmd, ok := b.Back(); ok {
			return cmd
		}
	}
	if len(a.stack) > 1 {
		a.pop()
		return nil
	}
	if cmd, ok := a.undoSlice(); ok {
		return cmd
	}
	if a.active != "overview" {
		return a.openTop("overview", "")
	}
	a.note = "esc: this is the overview, nothing to go back to (q quits)"
	return nil
}

// setSlice applies a filter a view asked for (SetFilterMsg) and remembers
// how to undo it.
func (a *App) setSlice(expr string) tea.Cmd {
	a.undo = append(a.undo, sliceUndo{view: a.active, set: expr, prev: a.state.Filter})
	st := a.state
	st.Filter = expr
	return a.setState(st)
}

// undoSlice restores the filter before the last slice filter set in the
// view on screen, if that filter is still the one in force (a filter
// typed since replaces it, and forgets the undo).
func (a *App) undoSlice() (tea.Cmd, bool) {
	for len(a.undo) > 0 {
		u := a.undo[len(a.undo)-1]
		if u.set != a.state.Filter {
			a.undo = a.undo[:len(a.undo)-1] // overtaken by another filter
			continue
		}
		if u.view != a.active {
			return nil, false
		}
		a.undo = a.undo[:len(a.undo)-1]
		st := a.state
		st.Filter = u.prev
		a.note = "esc: slice filter undone"
		if u.prev != "" {
			a.note += ", back to where " + u.prev
		}
		return a.setState(st), true
	}
	return nil, false
}
