package trends

import (
	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// KeyMap is the trends view's bindings: the metric, the period and the
// table's columns (shift+←/→: h and l change the metric).
type KeyMap struct {
	PrevMetric, NextMetric, Period key.Binding
	Columns                        widgets.TableKeyMap
}

// DefaultKeyMap returns the trends view's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		PrevMetric: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous metric")),
		NextMetric: key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next metric")),
		Period:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "week/month/quarter/year")),
		Columns:    widgets.DefaultTableKeyMap().ShiftOnly(),
	}
}

// ShortHelp is the help line's bindings.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.NextMetric, k.Period} }

// FullHelp is every binding, for `?`.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.PrevMetric, k.NextMetric}, {k.Period}, k.Columns.Bindings()}
}
