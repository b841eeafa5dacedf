// Package planner is the lever simulator, the reverse funnel for a target
// the user types, and the channels ranked by what reaches the bottom.
package planner

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the planner.
type Model struct {
	common views.Common
	keys   KeyMap
	state  views.State
	job    views.Job[data]
	data   *data
	asked  views.Asked
	target plan.Target
	typed  string // the target as the user wrote it
	// autoTyped is set while the target is the one the planner proposed
	// (a fifth more customers than now): it follows the filter then.
	autoTyped bool
	plan      *plan.Plan
	planErr   string
	editing   bool
	input     widgets.LineInput
	page      widgets.Page
	width     int
	height    int
}

// New builds the planner; the models are computed in the background.
func New(c views.Common, st views.State) *Model {
	p := &Model{common: c, keys: DefaultKeyMap(), state: st}
	p.page = widgets.NewPage(c.TableStyles(), p.keys.PageKeyMap)
	return p
}

func (p *Model) Title() string             { return views.FilteredTitle("Levers and planner", p.state.Filter) }
func (p *Model) SetSize(w, h int)          { p.width, p.height = w, h; p.page.Scroll.SetHeight(h - 2) }
func (p *Model) Init() tea.Cmd             { return p.start() }
func (p *Model) ShortHelp() []key.Binding  { return p.keys.ShortHelp() }
func (p *Model) FullHelp() [][]key.Binding { return p.keys.FullHelp() }

// Capturing reports whether the target input has the keyboard.
func (p *Model) Capturing() bool { return p.editing }

// start computes the models for the state's filter and as-of date in the
// background, unless they are already (being) computed for them.
func (p *Model) start() tea.Cmd {
	if !p.asked.Changed(p.state) {
		return nil
	}
	c, st := p.common, p.state
	return p.job.Start(func() data { return computeFor(c, st) })
}

// adopt takes a finished computation in.
func (p *Model) adopt(d data) {
	p.data = &d
	if (p.typed == "" || p.autoTyped) && d.base.Customers > 0 {
		// start from a fifth more customers than now, per month
		p.typed, p.autoTyped = insight.DefaultTarget(d.base).String(), true
	}
	p.replan()
}

// replan parses the typed target and works the funnel back from it.
func (p *Model) replan() {
	p.plan, p.planErr = nil, ""
	if p.data == nil || p.typed == "" {
		return
	}
	t, err := plan.ParseTarget(p.typed)
	if err != nil {
		p.planErr = err.Error()
		return
	}
	p.target = t
	if p.data.err != nil || len(p.data.models) == 0 {
		return
	}
	pl, err := plan.ReverseTarget(p.data.models, t)
	if err != nil {
		p.planErr = err.Error()
		return
	}
	p.plan = &pl
}

func (p *Model) Update(msg tea.Msg) tea.Cmd {
	if d, ok := p.job.Done(msg); ok {
		p.adopt(d)
		return nil
	}
	if views.Restate(msg, &p.common, &p.state) {
		cmd := p.start()
		if cmd != nil {
			p.data, p.plan = nil, nil
			p.page.Scroll.SetOffset(0)
		}
		return cmd
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if p.editing {
			return p.input.Update(msg)
		}
		return nil
	case tea.KeyPressMsg:
		if p.editing {
			return p.editKey(msg)
		}
		return p.key(msg)
	}
	return nil
}

// editKey edits the target; enter plans it, esc keeps the one before.
func (p *Model) editKey(km tea.KeyPressMsg) tea.Cmd {
	switch km.String() {
	case "enter":
		p.editing = false
		p.typed, p.autoTyped = p.input.Value(), false
		p.replan()
	case "esc":
		p.editing = false
	default:
		return p.input.Update(km)
	}
	return nil
}

func (p *Model) key(km tea.KeyPressMsg) tea.Cmd {
	if !key.Matches(km, p.keys.Edit) {
		p.page.Update(km) // the body is laid out again on every frame
		return nil
	}
	p.editing = true
	p.input = widgets.NewLineInput("Target: ", p.common.Styles.Dark)
	p.input.SetCharLimit(60)
	p.input.SetWidth(max(24, min(60, p.width-12))) // the hint after it is cut first
	p.input.SetValue(p.typed)
	return nil
}
