// Package cohorts is the entry period × stage matrix of conversion from
// the top; an immature cell shows its estimated eventual conversion beside
// the observed one ("2.1→3.4%"), and a column the estimate for the target.
package cohorts

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the cohort matrix.
type Model struct {
	common views.Common
	keys   KeyMap
	state  views.State
	width  int
	height int
	list   widgets.Scroll // the cursor over the cohorts
	table  widgets.Table
	job    views.Job[result]
	res    *query.CohortResult
	err    error
	wrap   bool // the legend wraps (else its lines are cut): see layout
}

// New builds the cohort matrix for the state (computed by Init).
func New(c views.Common, st views.State) *Model {
	v := &Model{common: c, keys: DefaultKeyMap(), state: st, list: widgets.NewList(),
		table: widgets.NewTable(c.TableStyles())}
	v.list.KeyMap, v.table.KeyMap = v.keys.Rows, v.keys.Columns
	return v
}

func (v *Model) Init() tea.Cmd             { return v.recompute() }
func (v *Model) Title() string             { return "Cohorts" }
func (v *Model) SetSize(w, h int)          { v.width, v.height = w, h; v.layout() }
func (v *Model) ShortHelp() []key.Binding  { return v.keys.ShortHelp() }
func (v *Model) FullHelp() [][]key.Binding { return v.keys.FullHelp() }

func (v *Model) Update(msg tea.Msg) tea.Cmd {
	if r, ok := v.job.Done(msg); ok {
		v.res, v.err = r.res, r.err
		v.list.SetLen(0)
		if v.res != nil {
			v.list.SetLen(len(v.res.Cohorts))
			v.list.SetCursor(len(v.res.Cohorts) - 1) // the newest cohort
			v.layout()
		}
		return nil
	}
	if views.Restate(msg, &v.common, &v.state) {
		return v.recompute()
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if !v.list.Update(msg) {
			v.table.Update(msg)
		}
	}
	return nil
}
