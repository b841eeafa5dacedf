// Package cohorts is the entry period × stage matrix of conversion from
// the top; an immature cell shows its estimated eventual conversion beside
// the observed one ("2.1→3.4%"), and a column the estimate for the target.
package cohorts

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
)

// Model is the cohort matrix.
type Model struct {
	common views.Common
	keys   KeyMap
	state  views.State
	width  int
	height int
	cursor int
	offset int
	job    views.Job[result]
	res    *query.CohortResult
	err    error
}

// New builds the cohort matrix for the state (computed by Init).
func New(c views.Common, st views.State) *Model {
	return &Model{common: c, keys: DefaultKeyMap(), state: st}
}

func (v *Model) Init() tea.Cmd             { return v.recompute() }
func (v *Model) Title() string             { return "Cohorts" }
func (v *Model) SetSize(w, h int)          { v.width, v.height = w, h; v.clamp() }
func (v *Model) ShortHelp() []key.Binding  { return v.keys.ShortHelp() }
func (v *Model) FullHelp() [][]key.Binding { return v.keys.FullHelp() }

func (v *Model) Update(msg tea.Msg) tea.Cmd {
	if r, ok := v.job.Done(msg); ok {
		v.res, v.err = r.res, r.err
		if v.res != nil {
			v.cursor = len(v.res.Cohorts) - 1 // the newest cohort
		}
		v.clamp()
		return nil
	}
	switch msg := msg.(type) {
	case views.StateMsg:
		v.state = msg.State
		return v.recompute()
	case tea.KeyPressMsg:
		page := max(1, v.bodyHeight()-1)
		switch {
		case key.Matches(msg, v.keys.Up):
			v.cursor--
		case key.Matches(msg, v.keys.Down):
			v.cursor++
		case key.Matches(msg, v.keys.PageUp):
			v.cursor -= page
		case key.Matches(msg, v.keys.PageDown):
			v.cursor += page
		}
		v.clamp()
	}
	return nil
}

func (v *Model) rowsLen() int {
	if v.res == nil {
		return 0
	}
	return len(v.res.Cohorts)
}

func (v *Model) bodyHeight() int { return max(1, v.height-5) }

func (v *Model) clamp() {
	n := v.rowsLen()
	v.cursor = min(max(v.cursor, 0), max(0, n-1))
	h := v.bodyHeight()
	if v.cursor < v.offset {
		v.offset = v.cursor
	}
	if v.cursor >= v.offset+h {
		v.offset = v.cursor - h + 1
	}
	v.offset = max(0, min(v.offset, n-h))
}
