// Package loadinfo lists what the loader decided and every row it skipped,
// with file, line, column and reason: rows read = used + skipped, visibly.
package loadinfo

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/views"
)

// Model is the load details view.
type Model struct {
	common views.Common
	keys   KeyMap
	lines  []string
	offset int
	width  int
	height int
}

// New builds the view from the dataset's load report.
func New(c views.Common) *Model {
	return &Model{common: c, keys: DefaultKeyMap(), lines: reportLines(c.Data())}
}

func (l *Model) Init() tea.Cmd             { return nil }
func (l *Model) Title() string             { return "Load details" }
func (l *Model) SetSize(w, h int)          { l.width, l.height = w, h }
func (l *Model) ShortHelp() []key.Binding  { return l.keys.ShortHelp() }
func (l *Model) FullHelp() [][]key.Binding { return l.keys.FullHelp() }

func (l *Model) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, l.keys.Up):
			l.offset = max(0, l.offset-1)
		case key.Matches(km, l.keys.Down):
			l.offset = max(0, min(l.offset+1, len(l.lines)-l.height))
		}
	}
	return nil
}
