package overview

import (
	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// KeyMap is the overview's bindings: the stage cursor, the table's
// columns (shift+←/→: l opens the load details) and its own keys.
type KeyMap struct {
	Stages                       widgets.ScrollKeyMap
	Columns                      widgets.TableKeyMap
	Records, Detail, Load, Money key.Binding
	ColumnScreen                 key.Binding
}

// DefaultKeyMap returns the overview's key map.
func DefaultKeyMap() KeyMap {
	s := widgets.DefaultScrollKeyMap()
	s.Up.SetHelp("↑/k", "previous stage")
	s.Down.SetHelp("↓/j", "next stage")
	s.Top.SetHelp("g/home", "first stage")
	s.Bottom.SetHelp("G/end", "last stage")
	s.PageUp.SetEnabled(false)
	s.PageDown.SetEnabled(false)
	return KeyMap{
		Stages:       s,
		Columns:      widgets.DefaultTableKeyMap().ShiftOnly(),
		Records:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "records at this stage")),
		Load:         key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "load details: decisions, skipped rows")),
		Detail:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "stage detail")),
		Money:        key.NewBinding(key.WithKeys("$"), key.WithHelp("$", "money columns on/off")),
		ColumnScreen: key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "columns: what each is read as; change, save a mapping")),
	}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Stages.Up, k.Stages.Down, k.Detail, k.Records}
}

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Stages.Up, k.Stages.Down, k.Stages.Top, k.Stages.Bottom},
		{k.Detail, k.Records, k.Money, k.Load, k.ColumnScreen}, k.Columns.Bindings()}
}
