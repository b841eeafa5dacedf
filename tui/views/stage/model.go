// Package stage is the detail of one stage: its step conversion over
// time, the time to the next stage, how records left it and which are
// stalled in it.
package stage

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the stage detail.
type Model struct {
	common views.Common
	keys   KeyMap
	stage  int
	state  views.State
	width  int
	height int
	job    views.Job[result]
	res    *result // nil while computing
	// reasons is the table of exit reasons (reason, count, share).
	reasons widgets.Table
}

// New builds the detail of stage k under the given state; the numbers are
// computed by Init (off the event loop).
func New(c views.Common, st views.State, k int) *Model {
	return &Model{common: c, keys: DefaultKeyMap(), stage: k, state: st, reasons: widgets.NewTable(c.TableStyles(),
		widgets.Column{Title: "Reason", Pin: true, Min: 12, Max: 40},
		widgets.Column{Title: "Records", Align: widgets.AlignRight, Min: 7},
		widgets.Column{Title: "Share", Align: widgets.AlignRight, Min: 6})}
}

func (s *Model) Init() tea.Cmd             { return s.compute() }
func (s *Model) SetSize(w, h int)          { s.width, s.height = w, h }
func (s *Model) ShortHelp() []key.Binding  { return s.keys.ShortHelp() }
func (s *Model) FullHelp() [][]key.Binding { return s.keys.FullHelp() }

func (s *Model) Title() string {
	return "Stage " + format.Clean(s.common.Data().Stages[s.stage])
}

func (s *Model) Update(msg tea.Msg) tea.Cmd {
	if r, ok := s.job.Done(msg); ok {
		s.res = &r
		return nil
	}
	if views.Restate(msg, &s.common, &s.state) {
		return s.recompute()
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.keys.Prev) && s.stage > 0:
			s.stage--
			return s.recompute()
		case key.Matches(msg, s.keys.Next) && s.stage < len(s.common.Data().Stages)-1:
			s.stage++
			return s.recompute()
		case key.Matches(msg, s.keys.Stalled) && s.res != nil && s.res.err == nil:
			name := s.common.Data().Stages[s.stage]
			return views.DrillTo(views.DrillMsg{To: views.DrillRecords, Title: "stalled in " + name, Rows: s.res.stalledRows, Empty: s.stalledEmpty()})
		}
	}
	return nil
}

func (s *Model) recompute() tea.Cmd {
	s.res = nil
	return s.compute()
}
