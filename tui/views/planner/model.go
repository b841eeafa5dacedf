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
	// asked is set once a computation was started, for the filter and
	// as-of in computed.
	asked    bool
	computed views.State
	target   plan.Target
	typed    string // the target as the user wrote it
	// autoTyped is set while the target is the one the planner proposed
	// (a fifth more customers than now): it follows the filter then.
	autoTyped bool
	plan      *plan.Plan
	planErr   string
	editing   bool
	input     string
	offset    int
	width     int
	height    int
}

// New builds the planner; the models are computed in the background.
func New(c views.Common, st views.State) *Model {
	return &Model{common: c, keys: DefaultKeyMap(), state: st}
}

func (p *Model) Title() string             { return views.FilteredTitle("Levers and planner", p.state.Filter) }
func (p *Model) SetSize(w, h int)          { p.width, p.height = w, h; p.clampScroll() }
func (p *Model) Init() tea.Cmd             { return p.start() }
func (p *Model) ShortHelp() []key.Binding  { return p.keys.ShortHelp() }
func (p *Model) FullHelp() [][]key.Binding { return p.keys.FullHelp() }

// Capturing reports whether the target input has the keyboard.
func (p *Model) Capturing() bool { return p.editing }

// start computes the models for the state's filter and as-of date in the
// background, unless they are already (being) computed for them.
func (p *Model) start() tea.Cmd {
	if p.asked && p.computed.Filter == p.state.Filter && p.computed.AsOf == p.state.AsOf {
		return nil
	}
	p.asked, p.computed = true, p.state
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
	p.clampScroll()
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
	switch msg := msg.(type) {
	case views.StateMsg:
		p.state = msg.State
		cmd := p.start()
		if cmd != nil {
			p.data, p.plan, p.offset = nil, nil, 0
		}
		return cmd
	case tea.PasteMsg:
		if p.editing {
			p.input += widgets.Clean(msg.Content)
		}
		return nil
	case tea.KeyPressMsg:
		if p.editing {
			p.editKey(msg)
			return nil
		}
		return p.key(msg)
	}
	return nil
}

func (p *Model) editKey(km tea.KeyPressMsg) {
	switch km.String() {
	case "enter":
		p.editing = false
		p.typed, p.autoTyped = p.input, false
		p.replan()
	case "esc":
		p.editing = false
	case "backspace":
		if r := []rune(p.input); len(r) > 0 {
			p.input = string(r[:len(r)-1])
		}
	case "ctrl+u":
		p.input = ""
	default:
		if km.Text != "" && len([]rune(p.input)) < 60 {
			p.input += widgets.Clean(km.Text)
		}
	}
}

func (p *Model) key(km tea.KeyPressMsg) tea.Cmd {
	page := max(1, p.bodyHeight()-1)
	switch {
	case key.Matches(km, p.keys.Up):
		p.offset--
	case key.Matches(km, p.keys.Down):
		p.offset++
	case key.Matches(km, p.keys.PageUp):
		p.offset -= page
	case key.Matches(km, p.keys.PageDown):
		p.offset += page
	case key.Matches(km, p.keys.Top):
		p.offset = 0
	case key.Matches(km, p.keys.Edit):
		p.editing, p.input = true, p.typed
	}
	p.clampScroll()
	return nil
}

// bodyHeight is the scrolled part: below the target line.
func (p *Model) bodyHeight() int { return max(1, p.height-2) }

func (p *Model) clampScroll() {
	n := len(p.bodyLines())
	p.offset = max(0, min(p.offset, n-p.bodyHeight()))
}
