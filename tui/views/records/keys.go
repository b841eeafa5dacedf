package records

import "charm.land/bubbles/v2/key"

// KeyMap is the records view's bindings.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Find, NextMatch key.Binding
}

// DefaultKeyMap returns the records view's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "page down")),
		Top:       key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first row")),
		Bottom:    key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last row")),
		Find:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "find text")),
		NextMatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
	}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.PageDown, k.Find} }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Find, k.NextMatch}}
}
