package records

import (
	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// KeyMap is the records view's bindings: the rows, the columns, finding.
type KeyMap struct {
	Rows            widgets.ScrollKeyMap
	Columns         widgets.TableKeyMap
	Find, NextMatch key.Binding
}

// DefaultKeyMap returns the records view's key map.
func DefaultKeyMap() KeyMap {
	rows := widgets.DefaultScrollKeyMap()
	rows.Top.SetHelp("g", "first row")
	rows.Bottom.SetHelp("G", "last row")
	return KeyMap{
		Rows:      rows,
		Columns:   widgets.DefaultTableKeyMap(),
		Find:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "find text")),
		NextMatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
	}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Rows.Down, k.Rows.PageDown, k.Find} }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Rows.Bindings(), {k.Find, k.NextMatch}, k.Columns.Bindings()}
}
