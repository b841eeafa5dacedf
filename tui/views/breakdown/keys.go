package breakdown

import (
	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// KeyMap is the breakdown's bindings: the slices, the table's columns
// (shift+←/→: h and l move the step) and its own keys.
type KeyMap struct {
	Rows                                                widgets.ScrollKeyMap
	Columns                                             widgets.TableKeyMap
	Apply, PrevStep, NextStep, Sort, Reverse, Dimension key.Binding
}

// DefaultKeyMap returns the breakdown's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Rows:      widgets.DefaultScrollKeyMap(),
		Columns:   widgets.DefaultTableKeyMap().ShiftOnly(),
		Apply:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "filter to this slice")),
		PrevStep:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous step")),
		NextStep:  key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next step")),
		Sort:      key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "sort by next column")),
		Reverse:   key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "reverse sort order")),
		Dimension: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "choose dimension")),
	}
}

// ShortHelp is the help line's bindings once a dimension is chosen.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Apply, k.NextStep, k.Sort, k.Reverse, k.Dimension}
}

// pickHelp is the help line's bindings while a dimension is picked.
func (k KeyMap) pickHelp() []key.Binding {
	pick := key.NewBinding(key.WithKeys(k.Apply.Keys()...), key.WithHelp(k.Apply.Help().Key, "break down by this"))
	return []key.Binding{k.Rows.Up, k.Rows.Down, pick}
}

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Rows.Bindings(), {k.Apply, k.PrevStep, k.NextStep}, {k.Sort, k.Reverse, k.Dimension}, k.Columns.Bindings()}
}
