// Package loadinfo lists what the loader decided and every row it skipped,
// with file, line, column and reason: rows read = used + skipped, visibly.
package loadinfo

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the load details view.
type Model struct {
	common views.Common
	keys   KeyMap
	lines  []string
	pager  widgets.Scroll
	width  int
}

// New builds the view from the dataset's load report.
func New(c views.Common) *Model {
	l := &Model{common: c, keys: DefaultKeyMap(), lines: reportLines(c.Data()), pager: widgets.NewPager()}
	l.pager.KeyMap = l.keys.Lines
	l.pager.SetLen(len(l.lines))
	return l
}

func (l *Model) Init() tea.Cmd             { return nil }
func (l *Model) Title() string             { return "Load details" }
func (l *Model) SetSize(w, h int)          { l.width = w; l.pager.SetHeight(h) }
func (l *Model) ShortHelp() []key.Binding  { return l.keys.ShortHelp() }
func (l *Model) FullHelp() [][]key.Binding { return l.keys.FullHelp() }

func (l *Model) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(views.CommonMsg); ok {
		l.common, l.lines = m.Common, reportLines(m.Common.Data())
		return nil
	}
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, l.keys.Columns) {
		return views.DrillTo(views.DrillMsg{To: views.DrillColumns})
	}
	l.pager.Update(msg)
	return nil
}
