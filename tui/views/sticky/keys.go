package sticky

import "charm.land/bubbles/v2/key"

// KeyMap is the sticky points view's bindings.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Drill, Sort key.Binding
}

// DefaultKeyMap returns the sticky points view's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
		Drill:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "records lost in this slice")),
		Sort:     key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "sort by lost conversions/value")),
	}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Down, k.Drill, k.Sort} }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Drill, k.Sort}}
}
