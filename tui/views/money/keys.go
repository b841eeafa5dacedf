package money

import (
	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// KeyMap is the money view's bindings: scrolling the page and the tables'
// columns (`e` opens it from anywhere).
type KeyMap struct {
	Lines   widgets.ScrollKeyMap
	Columns widgets.TableKeyMap
}

// DefaultKeyMap returns the money view's key map.
func DefaultKeyMap() KeyMap {
	l := widgets.DefaultScrollKeyMap()
	l.Up.SetHelp("↑/k", "scroll up")
	l.Down.SetHelp("↓/j", "scroll down")
	l.Top.SetHelp("g", "top")
	l.Bottom.SetHelp("G", "bottom")
	return KeyMap{Lines: l, Columns: widgets.DefaultTableKeyMap()}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Lines.Down, k.Lines.PageDown} }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Lines.Bindings(), k.Columns.Bindings()}
}
