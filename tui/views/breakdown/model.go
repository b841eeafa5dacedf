// Package breakdown is one row per value of a dimension: counts per stage,
// the focused step's rate with its 95% interval, a sparkline of that rate
// per period, the conversions lost against the rest and the won revenue.
package breakdown

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the breakdown.
type Model struct {
	common  views.Common
	keys    KeyMap
	state   views.State
	dim     string // "" while picking
	prevDim string // the dimension d left, for esc to go back to
	step    int    // the focused step: stage step → step+1
	sortCol int
	asc     bool
	list    widgets.Scroll // the cursor over the slices
	picker  widgets.Scroll // the cursor over the dimensions while picking
	table   widgets.Table
	width   int
	height  int
	job     views.Job[result]
	res     *query.Result
	err     error
	rows    []row
	note    string
	money   *wonMoney // nil when the data has no amounts
	// moneyCol is the table's revenue column (-1: none)
	moneyCol int
}

// New builds the breakdown by dim ("" shows a list to pick from).
func New(c views.Common, st views.State, dim string) *Model {
	b := &Model{common: c, keys: DefaultKeyMap(), state: st, list: widgets.NewList(), picker: widgets.NewList(),
		table: widgets.NewTable(c.TableStyles())}
	b.list.KeyMap, b.table.KeyMap = b.keys.Rows, b.keys.Columns
	b.picker.KeyMap = b.keys.Rows
	b.picker.SetLen(len(c.Data().DimNames()))
	b.picker.SetHeight(len(c.Data().DimNames()))
	if d := c.Data().Dim(dim); d != nil {
		b.dim = d.Name
	}
	return b
}

func (b *Model) Init() tea.Cmd             { return b.recompute() }
func (b *Model) SetSize(w, h int)          { b.width, b.height = w, h; b.setHeight() }
func (b *Model) FullHelp() [][]key.Binding { return b.keys.FullHelp() }

func (b *Model) Title() string {
	if b.dim == "" {
		return "Breakdown"
	}
	return "Breakdown by " + format.Clean(b.dim)
}

func (b *Model) ShortHelp() []key.Binding {
	if b.dim == "" {
		return b.keys.pickHelp()
	}
	return b.keys.ShortHelp()
}

func (b *Model) Update(msg tea.Msg) tea.Cmd {
	if r, ok := b.job.Done(msg); ok {
		b.res, b.err, b.money = r.res, r.err, r.money
		b.setHeight()
		b.derive()
		return nil
	}
	if views.Restate(msg, &b.common, &b.state) {
		return b.recompute()
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if b.dim == "" {
			return b.pickKey(msg)
		}
		return b.key(msg)
	}
	return nil
}

func (b *Model) pickKey(msg tea.KeyPressMsg) tea.Cmd {
	names := b.common.Data().DimNames()
	if b.picker.Update(msg) {
		return nil
	}
	if key.Matches(msg, b.keys.Apply) && b.picker.Cursor() < len(names) {
		b.dim, b.prevDim = names[b.picker.Cursor()], ""
		b.list.SetCursor(0)
		return b.recompute()
	}
	return nil
}

func (b *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	ns := len(b.common.Data().Stages)
	b.note = ""
	if b.list.Update(msg) || b.table.Update(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, b.keys.PrevStep) && b.step > 0:
		b.step--
		b.derive()
	case key.Matches(msg, b.keys.NextStep) && b.step < ns-2:
		b.step++
		b.derive()
	case key.Matches(msg, b.keys.Sort):
		b.sortCol = (b.sortCol + 1) % len(sortNames)
		b.asc = sortNames[b.sortCol] == "slice"
		b.sortRows()
	case key.Matches(msg, b.keys.Reverse):
		b.asc = !b.asc
		b.sortRows()
	case key.Matches(msg, b.keys.Dimension):
		b.prevDim, b.dim, b.rows, b.res = b.dim, "", nil, nil
		b.job.Cancel()
		return nil
	case key.Matches(msg, b.keys.Apply):
		return b.apply()
	}
	return nil
}

// apply filters the explorer to the selected slice, on top of the filter
// already set.
func (b *Model) apply() tea.Cmd {
	if b.list.Cursor() >= len(b.rows) {
		return nil
	}
	k := b.rows[b.list.Cursor()].Key
	if k == query.OtherGroup {
		b.note = "(other) merges the smaller values: filter on one of them with /"
		return nil
	}
	term := filter.Term{Column: b.dim, Op: "=", Values: []string{k}}.String()
	return views.SetFilter(strings.TrimSpace(b.state.Filter + " " + term))
}

// setHeight gives the list the lines below the caption and header, less
// the foot and the notes under it.
func (b *Model) setHeight() {
	foot := 2 // the whole step, the hidden columns
	if b.money != nil {
		foot++ // the money note
	}
	b.list.SetHeight(b.height - 2 - foot)
	b.picker.SetHeight(max(1, b.height-4)) // the title, a gap, the list, a gap, the hint
}
