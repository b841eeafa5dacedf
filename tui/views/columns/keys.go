package columns

import (
	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// KeyMap is the column screen's bindings: the rows, the columns of the
// table, a column's role, the stages and what each stage value means, and
// saving the mapping. Its letters avoid the root's (q ? / : m M o b c t s
// p e) and the table's h/l.
type KeyMap struct {
	Rows                   widgets.ScrollKeyMap
	Columns                widgets.TableKeyMap
	NextRole, PrevRole     key.Binding
	PickRole               key.Binding
	StageUp, StageDown     key.Binding
	Won, Lost, Open, Other key.Binding
	Save                   key.Binding
}

// DefaultKeyMap returns the column screen's key map.
func DefaultKeyMap() KeyMap {
	rows := widgets.DefaultScrollKeyMap()
	rows.Top.SetHelp("g", "first row")
	rows.Bottom.SetHelp("G", "last row")
	return KeyMap{
		Rows:      rows,
		Columns:   widgets.DefaultTableKeyMap(),
		NextRole:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "next role")),
		PrevRole:  key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "previous role")),
		PickRole:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pick the role")),
		StageUp:   key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K", "move the stage up")),
		StageDown: key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J", "move the stage down")),
		Won:       key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "value means won")),
		Lost:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "value means lost")),
		Open:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "value is an open stage")),
		Other:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "value is not a stage")),
		Save:      key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "save the mapping file")),
	}
}

// ShortHelp is the help line's bindings (a pair of keys under one name).
func (k KeyMap) ShortHelp() []key.Binding {
	role, move := k.NextRole, k.StageUp
	role.SetHelp("r/R", "role")
	move.SetHelp("K/J", "move stage")
	return []key.Binding{role, k.PickRole, move, k.Won, k.Lost, k.Other, k.Save}
}

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Rows.Bindings(), {k.NextRole, k.PrevRole, k.PickRole, k.Save},
		{k.StageUp, k.StageDown, k.Won, k.Lost, k.Open, k.Other}, k.Columns.Bindings()}
}

// pickKeys move through the role list and choose.
type pickKeys struct{ Choose, Cancel key.Binding }

func defaultPickKeys() pickKeys {
	return pickKeys{
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "keep the role")),
	}
}
