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
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the overview.
type Model struct {
	common views.Common
	keys   KeyMap
	state  views.State
	stages widgets.Scroll // the cursor over the stages
	table  widgets.Table
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
	o := &Model{
		common: c,
		keys:   DefaultKeyMap(),
		stages: widgets.NewList(),
		table:  widgets.NewTable(c.TableStyles()),
		state:  views.DefaultState(),
	}
	o.stages.KeyMap = o.keys.Stages
	o.table.KeyMap = o.keys.Columns
	o.setFunnel(c.Engine.Funnel(firstFunnel))
	return o
}

// setFunnel shows f (the cursor stays on its stage).
func (o *Model) setFunnel(f query.Funnel) {
	o.funnel = f
	o.stages.SetLen(len(f.Stages))
	o.stages.SetHeight(len(f.Stages))
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
// comparison have arrived for the current state (on a deferred load, the
// sticky points of the data with its dimensions).
func (o *Model) InsightsReady() bool { return o.insights != nil && !o.insights.dimsLater }

func (o *Model) Init() tea.Cmd             { return o.insightsCmd() }
func (o *Model) Title() string             { return "Overview" }
func (o *Model) SetSize(w, h int)          { o.width, o.height = w, h }
func (o *Model) ShortHelp() []key.Binding  { return o.keys.ShortHelp() }
func (o *Model) FullHelp() [][]key.Binding { return o.keys.FullHelp() }

func (o *Model) Update(msg tea.Msg) tea.Cmd {
	if f, ok := o.funnelJob.Done(msg); ok {
		o.setFunnel(f)
		return nil
	}
	if r, ok := o.insightJob.Done(msg); ok {
		o.insights = &r
		return o.dimsCmd()
	}
	if m, ok := o.moneyJob.Done(msg); ok {
		o.money = &m
		return nil
	}
	if views.Restate(msg, &o.common, &o.state) {
		o.insights, o.money = nil, nil
		cmds := []tea.Cmd{o.funnelCmd(), o.insightsCmd()}
		if o.showMoney {
			cmds = append(cmds, o.moneyCmd())
		} else {
			o.moneyJob.Cancel()
		}
		return tea.Batch(cmds...)
	}
	switch msg := msg.(type) {
	case views.CommonMsg:
		return o.dimsCmd()
	case views.SelectStageMsg:
		o.stages.SetCursor(msg.Stage)
		return nil
	case tea.MouseClickMsg:
		o.stages.Click(msg.Y - 2) // rows: caption, header, then one line per stage
		return nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || o.stages.Update(km) || o.table.Update(km) {
		return nil
	}
	switch {
	case key.Matches(km, o.keys.Money):
		o.showMoney = !o.showMoney
		if o.showMoney && o.money == nil && !o.moneyJob.Running() {
			return o.moneyCmd()
		}
	case key.Matches(km, o.keys.Load):
		return views.DrillTo(views.DrillMsg{To: views.DrillLoad})
	case key.Matches(km, o.keys.ColumnScreen):
		return views.DrillTo(views.DrillMsg{To: views.DrillColumns})
	case key.Matches(km, o.keys.Records):
		return o.recordsCmd(o.stages.Cursor())
	case key.Matches(km, o.keys.Detail) && o.stages.Len() > 0:
		return views.DrillTo(views.DrillMsg{To: views.DrillStage, Stage: o.stages.Cursor()})
	}
	return nil
}
