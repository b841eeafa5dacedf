// Package sticky is the ranked list of sticky points: slices that convert
// worse than the rest at a transition, beyond chance, with what that
// costs; enter lists the records lost in one.
package sticky

import (
	"fmt"
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the sticky points view.
type Model struct {
	common  views.Common
	keys    KeyMap
	state   views.State
	job     views.Job[data]
	data    *data
	byValue bool
	list    widgets.Scroll // the cursor over the findings
	table   widgets.Table
	width   int
	height  int
	asked   views.Asked
	wrap    bool // the footer's notes wrap (else they are cut): see layout
}

// New builds the view; the ranking is computed in the background when the
// view starts (Init) or the filter or as-of date changes.
func New(c views.Common, st views.State) *Model {
	s := &Model{common: c, keys: DefaultKeyMap(), state: st, list: widgets.NewList(),
		table: widgets.NewTable(c.TableStyles())}
	s.list.KeyMap, s.table.KeyMap = s.keys.Rows, s.keys.Columns
	return s
}

func (s *Model) Title() string { return views.FilteredTitle("Sticky points", s.state.Filter) }
func (s *Model) SetSize(w, h int) {
	s.width, s.height = w, h
	s.layout()
}
func (s *Model) Init() tea.Cmd             { return s.start() }
func (s *Model) ShortHelp() []key.Binding  { return s.keys.ShortHelp() }
func (s *Model) FullHelp() [][]key.Binding { return s.keys.FullHelp() }

// start computes the ranking for the state's filter and as-of date,
// unless it is already (being) computed for them.
func (s *Model) start() tea.Cmd {
	if !s.asked.Changed(s.state) {
		return nil
	}
	eng, st := s.common.Engine, s.state
	return s.job.Start(func() data { return computeFor(eng, st) })
}

func (s *Model) Update(msg tea.Msg) tea.Cmd {
	if d, ok := s.job.Done(msg); ok {
		s.data = &d
		s.sortFindings()
		s.list.SetLen(len(d.findings))
		s.layout()
		return nil
	}
	if views.Restate(msg, &s.common, &s.state) {
		return s.start()
	}
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		s.list.Click(msg.Y - headLines)
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

func (s *Model) key(km tea.KeyPressMsg) tea.Cmd {
	if s.data == nil || s.list.Update(km) || s.table.Update(km) {
		return nil
	}
	switch {
	case key.Matches(km, s.keys.Sort):
		s.byValue = !s.byValue
		s.sortFindings()
		s.list.SetCursor(0)
	case key.Matches(km, s.keys.Drill):
		if k := s.list.Cursor(); k < len(s.data.findings) {
			p := s.data.findings[k]
			rows := s.data.sel.OriginalRows(insight.LostRecords(s.data.sel.Data, s.data.res, p))
			title := fmt.Sprintf("%s=%s not past %s", p.Dimension, p.Value, p.Stage)
			if s.data.filter != "" {
				title += " where " + s.data.filter
			}
			return views.DrillTo(views.DrillMsg{To: views.DrillRecords, Title: title, Rows: rows})
		}
	}
	return nil
}

func (s *Model) sortFindings() {
	if s.data == nil {
		return
	}
	f := s.data.findings
	if s.byValue {
		sort.SliceStable(f, func(a, b int) bool { return f[a].LostValue > f[b].LostValue })
		return
	}
	sort.SliceStable(f, func(a, b int) bool { return f[a].LostConversions > f[b].LostConversions })
}
