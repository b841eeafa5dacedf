package planner

import (
	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// KeyMap is the planner's bindings: scrolling the page, the tables'
// columns and editing the target.
type KeyMap struct {
	widgets.PageKeyMap
	Edit key.Binding
}

// DefaultKeyMap returns the planner's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		PageKeyMap: widgets.DefaultPageKeyMap(),
		Edit:       key.NewBinding(key.WithKeys("i", "enter"), key.WithHelp("i/enter", "edit the target (e.g. 30 customers per quarter)")),
	}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Edit, k.Lines.Down, k.Lines.PageDown}
}

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Lines.Bindings(), {k.Edit}, k.Columns.Bindings()}
}
