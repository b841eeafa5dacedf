package loadinfo

import (
	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// KeyMap scrolls the load details.
type KeyMap struct{ Lines widgets.ScrollKeyMap }

// DefaultKeyMap returns the load details' key map.
func DefaultKeyMap() KeyMap { return KeyMap{Lines: widgets.DefaultPageKeyMap().Lines} }

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return k.Lines.ShortHelp() }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding { return k.Lines.FullHelp() }
