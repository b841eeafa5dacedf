package views

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// BreakdownKeys are the breakdown's bindings.
type BreakdownKeys struct {
	Up, Down, Apply, PrevStep, NextStep, Sort, Reverse, Dimension key.Binding
}

// DefaultBreakdownKeys returns the breakdown's key map.
func DefaultBreakdownKeys() BreakdownKeys {
	return BreakdownKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Apply:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "filter to this slice")),
		PrevStep:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous step")),
		NextStep:  key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next step")),
		Sort:      key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "sort by next column")),
		Reverse:   key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "reverse sort order")),
		Dimension: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "choose dimension")),
	}
}

// sort columns of the breakdown, in the order S cycles them.
var bdSortNames = []string{"lost", "rate", "from", "records", "slice"}

// Breakdown is one row per value of a dimension: counts per stage, the
// focused step's rate with its 95% interval, a sparkline of that rate per
// period and the conversions lost against the rest.
type Breakdown struct {
	common  Common
	keys    BreakdownKeys
	state   State
	dim     string // "" while picking
	pick    int
	step    int // the focused step: stage step → step+1
	sortCol int
	asc     bool
	cursor  int
	offset  int
	width   int
	height  int
	gen     int
	res     *query.Result
	err     error
	rows    []bdRow
	note    string
	money   *bdMoney // nil when the data has no amounts
}

// NewBreakdown builds the breakdown by dim ("" shows a list to pick from).
func NewBreakdown(c Common, st State, dim string) *Breakdown {
	b := &Breakdown{common: c, keys: DefaultBreakdownKeys(), state: st}
	if d := c.Data().Dim(dim); d != nil {
		b.dim = d.Name
	}
	return b
}

func (b *Breakdown) Init() tea.Cmd    { return b.recompute() }
func (b *Breakdown) SetSize(w, h int) { b.width, b.height = w, h; b.clamp() }

// Dimension is the dimension broken down by ("" while picking).
func (b *Breakdown) Dimension() string { return b.dim }

// Rows are the slices in display order.
func (b *Breakdown) Rows() []string {
	out := make([]string, len(b.rows))
	for i, r := range b.rows {
		out[i] = r.Key
	}
	return out
}

func (b *Breakdown) Title() string {
	if b.dim == "" {
		return "Breakdown"
	}
	return "Breakdown by " + widgets.Clean(b.dim)
}

func (b *Breakdown) ShortHelp() []key.Binding {
	if b.dim == "" {
		return []key.Binding{b.keys.Up, b.keys.Down, pickBinding(b.keys.Apply)}
	}
	return []key.Binding{b.keys.Apply, b.keys.NextStep, b.keys.Sort, b.keys.Reverse, b.keys.Dimension}
}

func (b *Breakdown) FullHelp() [][]key.Binding {
	k := b.keys
	return [][]key.Binding{{k.Up, k.Down, k.Apply}, {k.PrevStep, k.NextStep}, {k.Sort, k.Reverse, k.Dimension}}
}

func pickBinding(b key.Binding) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, "break down by this"))
}

func (b *Breakdown) recompute() tea.Cmd {
	b.gen++
	if b.dim == "" {
		return nil
	}
	b.res, b.err, b.money = nil, nil, nil
	c, st, dim, gen := b.common, b.state, b.dim, b.gen
	eng := c.Engine
	return func() tea.Msg {
		q, err := engineQuery(eng.Data(), st)
		if err != nil {
			return breakdownMsg{gen: gen, err: err}
		}
		q.By, q.LastPeriods = dim, 12
		r, err := eng.Compute(q)
		return breakdownMsg{gen: gen, res: r, err: err, money: computeBdMoney(c, st, dim)}
	}
}

type breakdownMsg struct {
	gen   int
	res   *query.Result
	err   error
	money *bdMoney
}

func (b *Breakdown) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case breakdownMsg:
		if msg.gen == b.gen {
			b.res, b.err, b.money = msg.res, msg.err, msg.money
			b.derive()
		}
		return nil
	case StateMsg:
		b.state = msg.State
		return b.recompute()
	case tea.KeyPressMsg:
		if b.dim == "" {
			return b.pickKey(msg)
		}
		return b.key(msg)
	}
	return nil
}

func (b *Breakdown) pickKey(msg tea.KeyPressMsg) tea.Cmd {
	names := b.common.Data().DimNames()
	switch {
	case key.Matches(msg, b.keys.Up):
		b.pick = max(0, b.pick-1)
	case key.Matches(msg, b.keys.Down):
		b.pick = min(len(names)-1, b.pick+1)
	case key.Matches(msg, b.keys.Apply) && b.pick < len(names):
		b.dim = names[b.pick]
		b.cursor, b.offset = 0, 0
		return b.recompute()
	}
	return nil
}

func (b *Breakdown) key(msg tea.KeyPressMsg) tea.Cmd {
	ns := len(b.common.Data().Stages)
	b.note = ""
	switch {
	case key.Matches(msg, b.keys.Up):
		b.cursor--
	case key.Matches(msg, b.keys.Down):
		b.cursor++
	case key.Matches(msg, b.keys.PrevStep) && b.step > 0:
		b.step--
		b.derive()
	case key.Matches(msg, b.keys.NextStep) && b.step < ns-2:
		b.step++
		b.derive()
	case key.Matches(msg, b.keys.Sort):
		b.sortCol = (b.sortCol + 1) % len(bdSortNames)
		b.asc = bdSortNames[b.sortCol] == "slice"
		b.sortRows()
	case key.Matches(msg, b.keys.Reverse):
		b.asc = !b.asc
		b.sortRows()
	case key.Matches(msg, b.keys.Dimension):
		b.dim, b.rows, b.res = "", nil, nil
		b.gen++
		return nil
	case key.Matches(msg, b.keys.Apply):
		return b.apply()
	}
	b.clamp()
	return nil
}

// apply filters the explorer to the selected slice, on top of the filter
// already set.
func (b *Breakdown) apply() tea.Cmd {
	if b.cursor >= len(b.rows) {
		return nil
	}
	k := b.rows[b.cursor].Key
	if k == query.OtherGroup {
		b.note = "(other) merges the smaller values: filter on one of them with /"
		return nil
	}
	term := filter.Term{Column: b.dim, Op: "=", Values: []string{k}}.String()
	return SetFilter(strings.TrimSpace(b.state.Filter + " " + term))
}

func (b *Breakdown) bodyHeight() int {
	if b.money != nil {
		return max(1, b.height-5) // the money note under the foot
	}
	return max(1, b.height-4)
}

func (b *Breakdown) clamp() {
	b.cursor = min(max(b.cursor, 0), max(0, len(b.rows)-1))
	h := b.bodyHeight()
	if b.cursor < b.offset {
		b.offset = b.cursor
	}
	if b.cursor >= b.offset+h {
		b.offset = b.cursor - h + 1
	}
	b.offset = max(0, min(b.offset, len(b.rows)-h))
}

func (b *Breakdown) pickView() string {
	st := b.common.Styles
	lines := []string{st.Title.Render(widgets.Truncate("Break down by which column?", b.width)), ""}
	for i, n := range b.common.Data().DimNames() {
		d := b.common.Data().Dim(n)
		text := fmt.Sprintf("%s  %s values", widgets.Fit(n, 20), widgets.Count(d.Cardinality()-1))
		if i == b.pick {
			lines = append(lines, st.Selected.Render(widgets.PadRight(widgets.Truncate("▸ "+text, b.width), b.width)))
			continue
		}
		lines = append(lines, widgets.Truncate("  "+text, b.width))
	}
	lines = append(lines, "", st.Muted.Render(widgets.Truncate("enter picks · or type :by channel", b.width)))
	return strings.Join(lines, "\n")
}
