package loadinfo

import "charm.land/bubbles/v2/key"

// KeyMap scrolls the load details.
type KeyMap struct{ Up, Down key.Binding }

// DefaultKeyMap returns the load details' key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
	}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down} }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Up, k.Down}} }
