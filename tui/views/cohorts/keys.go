package cohorts

import (
	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// KeyMap is the cohort matrix's bindings: the cohorts and the columns.
type KeyMap struct {
	Rows    widgets.ScrollKeyMap
	Columns widgets.TableKeyMap
}

// DefaultKeyMap returns the cohort matrix's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{Rows: widgets.DefaultScrollKeyMap(), Columns: widgets.DefaultTableKeyMap()}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Rows.Up, k.Rows.Down} }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Rows.Bindings(), k.Columns.Bindings()}
}
