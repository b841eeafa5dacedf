// Package trends charts one metric over periods (entries into a stage or
// a step's conversion), with a table of the latest periods and their
// change against the one before.
package trends

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// metric is one series: entries into a stage, or a step's conversion.
type metric struct {
	stage int
	rate  bool // Stages[stage].Step (from the stage before), else Events
}

// Model is the trends view.
type Model struct {
	common  views.Common
	keys    KeyMap
	state   views.State
	metrics []metric
	metric  int
	table   widgets.Table
	width   int
	height  int
	job     views.Job[result]
	res     *query.Result
	err     error
}

// New builds the trends view for the state (computed by Init).
func New(c views.Common, st views.State) *Model {
	t := &Model{common: c, keys: DefaultKeyMap(), state: st, table: widgets.NewTable(c.TableStyles())}
	t.table.KeyMap = t.keys.Columns
	for k := range c.Data().Stages {
		t.metrics = append(t.metrics, metric{stage: k})
	}
	for k := 1; k < len(c.Data().Stages); k++ {
		t.metrics = append(t.metrics, metric{stage: k, rate: true})
	}
	return t
}

func (t *Model) Init() tea.Cmd             { return t.recompute() }
func (t *Model) Title() string             { return "Trends" }
func (t *Model) SetSize(w, h int)          { t.width, t.height = w, h }
func (t *Model) ShortHelp() []key.Binding  { return t.keys.ShortHelp() }
func (t *Model) FullHelp() [][]key.Binding { return t.keys.FullHelp() }

var periodCycle = []string{"week", "month", "quarter", "year"}

func (t *Model) Update(msg tea.Msg) tea.Cmd {
	if r, ok := t.job.Done(msg); ok {
		t.res, t.err = r.res, r.err
		return nil
	}
	if views.Restate(msg, &t.common, &t.state) {
		return t.recompute()
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		n := len(t.metrics)
		switch {
		case t.table.Update(msg):
		case key.Matches(msg, t.keys.NextMetric) && n > 0:
			t.metric = (t.metric + 1) % n
		case key.Matches(msg, t.keys.PrevMetric) && n > 0:
			t.metric = (t.metric - 1 + n) % n
		case key.Matches(msg, t.keys.Period):
			cur := views.Period(t.state).String()
			for i, p := range periodCycle {
				if p == cur {
					return views.SetPeriod(periodCycle[(i+1)%len(periodCycle)])
				}
			}
			return views.SetPeriod("month")
		}
	}
	return nil
}

func (t *Model) metricName(m metric) string {
	st := t.common.Data().Stages
	if m.rate {
		return fmt.Sprintf("conversion %s → %s", format.Clean(st[m.stage-1]), format.Clean(st[m.stage]))
	}
	return "entries into " + format.Clean(st[m.stage])
}
