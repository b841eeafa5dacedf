package loadinfo

import (
	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// KeyMap scrolls the load details and opens the column screen.
type KeyMap struct {
	Lines   widgets.ScrollKeyMap
	Columns key.Binding
}

// DefaultKeyMap returns the load details' key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{Lines: widgets.DefaultPageKeyMap().Lines,
		Columns: key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "columns: change what each is read as, save a mapping"))}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return append(k.Lines.ShortHelp(), k.Columns) }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return append(k.Lines.FullHelp(), []key.Binding{k.Columns})
}
