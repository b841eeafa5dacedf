package stage

import "charm.land/bubbles/v2/key"

// KeyMap is the stage detail's bindings.
type KeyMap struct {
	Prev, Next, Stalled key.Binding
}

// DefaultKeyMap returns the stage detail's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Prev:    key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous stage")),
		Next:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next stage")),
		Stalled: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "stalled records")),
	}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Prev, k.Next, k.Stalled} }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Prev, k.Next}, {k.Stalled}} }
