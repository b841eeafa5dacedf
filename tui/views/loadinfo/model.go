// Package loadinfo lists what the loader decided and every row it skipped,
// with file, line, column and reason: rows read = used + skipped, visibly.
package loadinfo

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the load details view.
type Model struct {
	common views.Common
	keys   KeyMap
	report []string // the load report, one line per fact
	lines  []string // the report wrapped to the width
	pager  widgets.Scroll
	width  int
}

// New builds the view from the dataset's load report.
func New(c views.Common) *Model {
	l := &Model{common: c, keys: DefaultKeyMap(), report: reportLines(c.Data()), pager: widgets.NewPager()}
	l.pager.KeyMap = l.keys.Lines
	l.wrap()
	return l
}

// wrap lays the report out for the width: a long decision wraps, indented,
// rather than being cut.
func (l *Model) wrap() {
	l.lines = l.lines[:0]
	for _, s := range l.report {
		if l.width <= 0 {
			l.lines = append(l.lines, s)
			continue
		}
		indent := len(s) - len(strings.TrimLeft(s, " "))
		for i, w := range format.Wrap(s, max(10, l.width-indent-2)) {
			if i > 0 {
				w = strings.Repeat(" ", indent+2) + strings.TrimLeft(w, " ")
			}
			l.lines = append(l.lines, w)
		}
	}
	l.pager.SetLen(len(l.lines))
}

func (l *Model) Init() tea.Cmd             { return nil }
func (l *Model) Title() string             { return "Load details" }
func (l *Model) SetSize(w, h int)          { l.width = w; l.pager.SetHeight(h); l.wrap() }
func (l *Model) ShortHelp() []key.Binding  { return l.keys.ShortHelp() }
func (l *Model) FullHelp() [][]key.Binding { return l.keys.FullHelp() }

func (l *Model) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(views.CommonMsg); ok {
		l.common, l.report = m.Common, reportLines(m.Common.Data())
		l.wrap()
		return nil
	}
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, l.keys.Columns) {
		return views.DrillTo(views.DrillMsg{To: views.DrillColumns})
	}
	l.pager.Update(msg)
	return nil
}
