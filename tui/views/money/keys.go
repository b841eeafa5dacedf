package money

import "github.com/funnel-cli/funnel/tui/widgets"

// KeyMap is the money view's bindings: scrolling the page and the tables'
// columns (`e` opens it from anywhere).
type KeyMap = widgets.PageKeyMap

// DefaultKeyMap returns the money view's key map.
func DefaultKeyMap() KeyMap { return widgets.DefaultPageKeyMap() }
