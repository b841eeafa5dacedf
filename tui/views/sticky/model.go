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
	"github.com/funnel-cli/funnel/tui/views/records"
)

// Model is the sticky points view.
type Model struct {
	common   views.Common
	keys     KeyMap
	state    views.State
	job      views.Job[data]
	data     *data
	byValue  bool
	cursor   int
	offset   int
	width    int
	height   int
	asked    bool        // a computation was started for computed
	computed views.State // the filter and as-of last asked for
}

// New builds the view; the ranking is computed in the background when the
// view starts (Init) or the filter or as-of date changes.
func New(c views.Common, st views.State) *Model {
	return &Model{common: c, keys: DefaultKeyMap(), state: st}
}

func (s *Model) Title() string             { return views.FilteredTitle("Sticky points", s.state.Filter) }
func (s *Model) SetSize(w, h int)          { s.width, s.height = w, h; s.clamp() }
func (s *Model) Init() tea.Cmd             { return s.start() }
func (s *Model) ShortHelp() []key.Binding  { return s.keys.ShortHelp() }
func (s *Model) FullHelp() [][]key.Binding { return s.keys.FullHelp() }

// start computes the ranking for the state's filter and as-of date,
// unless it is already (being) computed for them.
func (s *Model) start() tea.Cmd {
	if s.asked && s.computed.Filter == s.state.Filter && s.computed.AsOf == s.state.AsOf {
		return nil
	}
	s.asked, s.computed = true, s.state
	eng, st := s.common.Engine, s.state
	return s.job.Start(func() data { return computeFor(eng, st) })
}

func (s *Model) Update(msg tea.Msg) tea.Cmd {
	if d, ok := s.job.Done(msg); ok {
		s.data = &d
		s.sortFindings()
		s.clamp()
		return nil
	}
	switch msg := msg.(type) {
	case views.StateMsg:
		s.state = msg.State
		return s.start()
	case tea.MouseClickMsg:
		if s.data != nil {
			if k := msg.Y - headLines + s.offset; k >= s.offset && k < min(len(s.data.findings), s.offset+s.bodyHeight()) {
				s.cursor = k
			}
		}
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

func (s *Model) key(km tea.KeyPressMsg) tea.Cmd {
	if s.data == nil {
		return nil
	}
	page := max(1, s.bodyHeight()-1)
	switch {
	case key.Matches(km, s.keys.Up):
		s.cursor--
	case key.Matches(km, s.keys.Down):
		s.cursor++
	case key.Matches(km, s.keys.PageUp):
		s.cursor -= page
	case key.Matches(km, s.keys.PageDown):
		s.cursor += page
	case key.Matches(km, s.keys.Top):
		s.cursor = 0
	case key.Matches(km, s.keys.Bottom):
		s.cursor = len(s.data.findings) - 1
	case key.Matches(km, s.keys.Sort):
		s.byValue = !s.byValue
		s.sortFindings()
		s.cursor = 0
	case key.Matches(km, s.keys.Drill):
		if s.cursor < len(s.data.findings) {
			p := s.data.findings[s.cursor]
			rows := s.data.sel.OriginalRows(insight.LostRecords(s.data.sel.Data, s.data.res, p))
			title := fmt.Sprintf("%s=%s not past %s", p.Dimension, p.Value, p.Stage)
			if s.data.filter != "" {
				title += " where " + s.data.filter
			}
			return views.Push(records.New(s.common, title, rows))
		}
	}
	s.clamp()
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

func (s *Model) clamp() {
	n := 0
	if s.data != nil {
		n = len(s.data.findings)
	}
	s.cursor = min(max(s.cursor, 0), max(0, n-1))
	h := s.bodyHeight()
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+h {
		s.offset = s.cursor - h + 1
	}
	s.offset = max(0, min(s.offset, n-h))
}
