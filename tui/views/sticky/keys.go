package sticky

import (
	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// KeyMap is the sticky points view's bindings: the findings, the
// columns and its own keys.
type KeyMap struct {
	Rows        widgets.ScrollKeyMap
	Columns     widgets.TableKeyMap
	Drill, Sort key.Binding
}

// DefaultKeyMap returns the sticky points view's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Rows:    widgets.DefaultScrollKeyMap(),
		Columns: widgets.DefaultTableKeyMap(),
		Drill:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "records lost in this slice")),
		Sort:    key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "sort by lost conversions/value")),
	}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Rows.Down, k.Drill, k.Sort} }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Rows.Bindings(), {k.Drill, k.Sort}, k.Columns.Bindings()}
}
