package overview

import "charm.land/bubbles/v2/key"

// KeyMap is the overview's bindings.
type KeyMap struct {
	Up, Down, Top, Bottom, Records, Detail, Load key.Binding
	Money                                        key.Binding
}

// DefaultKeyMap returns the overview's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous stage")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next stage")),
		Top:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "first stage")),
		Bottom:  key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last stage")),
		Records: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "records at this stage")),
		Load:    key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "load details: decisions, skipped rows")),
		Detail:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "stage detail")),
		Money:   key.NewBinding(key.WithKeys("$"), key.WithHelp("$", "money columns on/off")),
	}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Detail, k.Records} }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Detail, k.Records, k.Money, k.Load}}
}
