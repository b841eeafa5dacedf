// Package overview is the first screen: every stage with its count, step
// and cumulative conversion, a bar and a sparkline of monthly entries, the
// change against the previous period, the top sticky points and, on `$`,
// money per stage.
package overview

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/loadinfo"
	"github.com/funnel-cli/funnel/tui/views/stage"
)

// Model is the overview.
type Model struct {
	common views.Common
	keys   KeyMap
	state  views.State
	cursor int
	width  int
	height int
	// funnel is the stage table; insights what the overview shows beyond
	// counts (nil until computed); money the `$` columns (computed on
	// first use, nil until then).
	funnel     query.Funnel
	funnelJob  views.Job[query.Funnel]
	insights   *insights
	insightJob views.Job[insights]
	showMoney  bool
	money      *stageMoney
	moneyJob   views.Job[stageMoney]
}

// New computes the funnel of the whole dataset and builds the view; the
// state's numbers follow the StateMsg the root sends when it opens it.
func New(c views.Common) *Model {
	return &Model{
		common: c,
		keys:   DefaultKeyMap(),
		funnel: c.Engine.Funnel(firstFunnel),
		state:  views.DefaultState(),
	}
}

// firstFunnel is what the overview counts first.
var firstFunnel = query.FunnelOptions{AsOf: model.NoDay, Months: 12}

// Warm does the first frame's work ahead (the engine's per-record
// metadata and the overview's funnel, which the engine remembers), so a
// loader can run it off the event loop.
func Warm(eng *query.Engine) {
	eng.Prepare()
	eng.Funnel(firstFunnel)
}

// InsightsReady reports whether the sticky points and the period
// comparison have arrived for the current state.
func (o *Model) InsightsReady() bool { return o.insights != nil }

func (o *Model) Init() tea.Cmd             { return o.insightsCmd() }
func (o *Model) Title() string             { return "Overview" }
func (o *Model) SetSize(w, h int)          { o.width, o.height = w, h }
func (o *Model) ShortHelp() []key.Binding  { return o.keys.ShortHelp() }
func (o *Model) FullHelp() [][]key.Binding { return o.keys.FullHelp() }

func (o *Model) Update(msg tea.Msg) tea.Cmd {
	last := len(o.funnel.Stages) - 1
	if f, ok := o.funnelJob.Done(msg); ok {
		o.funnel = f
		return nil
	}
	if r, ok := o.insightJob.Done(msg); ok {
		o.insights = &r
		return nil
	}
	if m, ok := o.moneyJob.Done(msg); ok {
		o.money = &m
		return nil
	}
	switch msg := msg.(type) {
	case views.StateMsg:
		o.state = msg.State
		o.insights, o.money = nil, nil
		cmds := []tea.Cmd{o.funnelCmd(), o.insightsCmd()}
		if o.showMoney {
			cmds = append(cmds, o.moneyCmd())
		} else {
			o.moneyJob.Cancel()
		}
		return tea.Batch(cmds...)
	case views.SelectStageMsg:
		o.cursor = min(max(0, msg.Stage), last)
		return nil
	case tea.MouseClickMsg:
		// rows: caption, header, then one line per stage
		if k := msg.Y - 2; k >= 0 && k <= last {
			o.cursor = k
		}
		return nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(km, o.keys.Up):
		o.cursor = max(0, o.cursor-1)
	case key.Matches(km, o.keys.Down):
		o.cursor = min(last, o.cursor+1)
	case key.Matches(km, o.keys.Top):
		o.cursor = 0
	case key.Matches(km, o.keys.Bottom):
		o.cursor = last
	case key.Matches(km, o.keys.Money):
		o.showMoney = !o.showMoney
		if o.showMoney && o.money == nil && !o.moneyJob.Running() {
			return o.moneyCmd()
		}
	case key.Matches(km, o.keys.Load):
		return views.Push(loadinfo.New(o.common))
	case key.Matches(km, o.keys.Records):
		return o.recordsCmd(o.cursor)
	case key.Matches(km, o.keys.Detail) && last >= 0:
		return views.Push(stage.New(o.common, o.state, o.cursor))
	}
	return nil
}
