package views

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// StageKeys are the stage detail's bindings.
type StageKeys struct {
	Prev, Next, Stalled key.Binding
}

// DefaultStageKeys returns the stage detail's key map.
func DefaultStageKeys() StageKeys {
	return StageKeys{
		Prev:    key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous stage")),
		Next:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next stage")),
		Stalled: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "stalled records")),
	}
}

// StageDetail shows one stage: its step conversion over time, the time to
// the next stage, how records left it and which are stalled in it.
type StageDetail struct {
	common Common
	keys   StageKeys
	stage  int
	state  State
	width  int
	height int
	gen    int
	res    *stageResult // nil while computing
}

// NewStageDetail builds the detail of stage k under the given state; the
// numbers are computed by Init (off the event loop).
func NewStageDetail(c Common, st State, k int) *StageDetail {
	return &StageDetail{common: c, keys: DefaultStageKeys(), stage: k, state: st}
}

func (s *StageDetail) Init() tea.Cmd    { return computeStage(s.common.Engine, s.state, s.stage, s.gen) }
func (s *StageDetail) SetSize(w, h int) { s.width, s.height = w, h }

// Stage is the index of the stage shown.
func (s *StageDetail) Stage() int { return s.stage }

func (s *StageDetail) Title() string {
	return "Stage " + widgets.Clean(s.common.Data().Stages[s.stage])
}

func (s *StageDetail) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Prev, s.keys.Next, s.keys.Stalled}
}

func (s *StageDetail) FullHelp() [][]key.Binding {
	return [][]key.Binding{{s.keys.Prev, s.keys.Next}, {s.keys.Stalled}}
}

func (s *StageDetail) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case stageResultMsg:
		if msg.gen == s.gen {
			s.res = &msg.res
		}
		return nil
	case StateMsg:
		s.state = msg.State
		return s.recompute()
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
			return Push(NewRecords(s.common, "stalled in "+name, s.res.stalledRows))
		}
	}
	return nil
}

func (s *StageDetail) recompute() tea.Cmd {
	s.gen++
	s.res = nil
	return computeStage(s.common.Engine, s.state, s.stage, s.gen)
}

func (s *StageDetail) View() string {
	st := s.common.Styles
	ds := s.common.Data()
	name := widgets.Clean(ds.Stages[s.stage])
	if s.res == nil {
		return st.Muted.Render(widgets.Truncate("Computing "+name+"…", s.width))
	}
	r := s.res
	if r.err != nil {
		return st.Error.Render(widgets.Truncate(widgets.Clean(r.err.Error()), s.width))
	}
	var lines []string
	head := fmt.Sprintf("%s: %s reached", name, widgets.Count(r.stats.Reached))
	if s.state.Filter != "" {
		head += " · where " + widgets.Clean(s.state.Filter)
	}
	lines = append(lines, st.Title.Render(widgets.Truncate(head, s.width)))
	lines = append(lines, s.conversionLines()...)
	lines = append(lines, "")
	lines = append(lines, s.timeLines()...)
	lines = append(lines, "")
	lines = append(lines, s.exitLines()...)
	if s.height > 0 && len(lines) > s.height {
		lines = lines[:s.height]
	}
	return strings.Join(lines, "\n")
}
