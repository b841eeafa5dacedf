package views

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// PlannerKeys are the planner's bindings.
type PlannerKeys struct {
	Up, Down, PageUp, PageDown, Top, Edit key.Binding
}

// DefaultPlannerKeys returns the planner's key map.
func DefaultPlannerKeys() PlannerKeys {
	return PlannerKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Edit:     key.NewBinding(key.WithKeys("i", "enter"), key.WithHelp("i/enter", "edit the target (e.g. 30 customers per quarter)")),
	}
}

// Planner shows the lever simulator, the reverse funnel for a target the
// user types, and the channels ranked by what reaches the bottom.
type Planner struct {
	common Common
	keys   PlannerKeys
	state  State
	job    *job[plannerData]
	data   *plannerData
	asked  bool
	// computed is the filter and as-of the models are (being) computed
	// for; gen numbers the computations, and a result of an older one is
	// never adopted.
	computed State
	gen      int
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

// NewPlanner builds the planner; the models are computed in the background.
func NewPlanner(c Common, st State) *Planner {
	return &Planner{common: c, keys: DefaultPlannerKeys(), state: st}
}

func (p *Planner) Title() string    { return filteredTitle("Levers and planner", p.state.Filter) }
func (p *Planner) SetSize(w, h int) { p.width, p.height = w, h; p.clampScroll() }
func (p *Planner) Init() tea.Cmd    { return p.start() }

// Capturing reports whether the target input has the keyboard.
func (p *Planner) Capturing() bool { return p.editing }

// Ready reports whether the models are computed.
func (p *Planner) Ready() bool { p.poll(); return p.data != nil }

// Plan is the reverse plan for the current target (nil before one is made).
func (p *Planner) Plan() *plan.Plan { p.poll(); return p.plan }

// start computes the models for the state's filter and as-of date in the
// background, unless they are already (being) computed for them.
func (p *Planner) start() tea.Cmd {
	if p.asked && p.computed.Filter == p.state.Filter && p.computed.AsOf == p.state.AsOf {
		return nil
	}
	p.asked, p.computed = true, p.state
	p.gen++
	c, st, gen := p.common, p.state, p.gen
	var cmd tea.Cmd
	p.job, cmd = startJob(func() plannerData { return computePlannerFor(c, st, gen) })
	return cmd
}

func (p *Planner) poll() {
	if !p.job.ready() {
		return
	}
	d := p.job.res
	p.job = nil
	if d.gen != p.gen {
		return // an older computation's result
	}
	p.data = &d
	if (p.typed == "" || p.autoTyped) && d.base.Customers > 0 {
		// start from a fifth more customers than now, per month
		p.typed, p.autoTyped = insight.DefaultTarget(d.base).String(), true
	}
	p.replan()
	p.clampScroll()
}

// replan parses the typed target and works the funnel back from it.
func (p *Planner) replan() {
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

func (p *Planner) Update(msg tea.Msg) tea.Cmd {
	p.poll()
	switch msg := msg.(type) {
	case StateMsg:
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

func (p *Planner) editKey(km tea.KeyPressMsg) {
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

func (p *Planner) key(km tea.KeyPressMsg) tea.Cmd {
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

func (p *Planner) ShortHelp() []key.Binding {
	return []key.Binding{p.keys.Edit, p.keys.Down, p.keys.PageDown}
}

func (p *Planner) FullHelp() [][]key.Binding {
	k := p.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top}, {k.Edit}}
}

// bodyHeight is the scrolled part: below the target line.
func (p *Planner) bodyHeight() int { return max(1, p.height-2) }

func (p *Planner) clampScroll() {
	n := len(p.bodyLines())
	p.offset = max(0, min(p.offset, n-p.bodyHeight()))
}
