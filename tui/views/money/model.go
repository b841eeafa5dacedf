// Package money is the economics view (`e`): deals and revenue, unit
// economics per channel against spend, and the account roll-up, computed
// by model/money (imported under its own name, money) and scrolled here.
package money

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the money view.
type Model struct {
	common views.Common
	keys   KeyMap
	state  views.State // the filter and as-of the figures are (being) computed for
	job    views.Job[result]
	res    result
	ready  bool // res is in
	lines  []string
	offset int
	width  int
	height int
}

// New builds the view; Init starts computing its figures for the state's
// filter and as-of date in the background (the account roll-up takes
// seconds at a million leads), so the first frame comes at once.
func New(c views.Common, st views.State) *Model {
	return &Model{common: c, keys: DefaultKeyMap(), state: st}
}

func (m *Model) Init() tea.Cmd             { return m.start() }
func (m *Model) Title() string             { return views.FilteredTitle("Money", m.state.Filter) }
func (m *Model) ShortHelp() []key.Binding  { return m.keys.ShortHelp() }
func (m *Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

func (m *Model) start() tea.Cmd {
	c, st := m.common, m.state
	return m.job.Start(func() result { return computeFor(c, st) })
}

// restate recomputes the figures when the filter or as-of date changed;
// the old computation is abandoned (its result is dropped).
func (m *Model) restate(st views.State) tea.Cmd {
	same := st.Filter == m.state.Filter && st.AsOf == m.state.AsOf
	m.state = st
	if same {
		return nil
	}
	m.ready, m.offset = false, 0
	m.lines = m.render()
	return m.start()
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.lines = m.render()
	m.clamp()
}

func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if r, ok := m.job.Done(msg); ok {
		m.res, m.ready = r, true
		m.lines = m.render()
		m.clamp()
		return nil
	}
	if sm, ok := msg.(views.StateMsg); ok {
		return m.restate(sm.State)
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	page := max(1, m.height-1)
	switch {
	case key.Matches(km, m.keys.Up):
		m.offset--
	case key.Matches(km, m.keys.Down):
		m.offset++
	case key.Matches(km, m.keys.PageUp):
		m.offset -= page
	case key.Matches(km, m.keys.PageDown):
		m.offset += page
	case key.Matches(km, m.keys.Top):
		m.offset = 0
	case key.Matches(km, m.keys.Bottom):
		m.offset = len(m.lines)
	}
	m.clamp()
	return nil
}

func (m *Model) clamp() {
	m.offset = max(0, min(m.offset, len(m.lines)-m.height))
}

func (m *Model) View() string {
	if m.height <= 0 {
		return ""
	}
	end := min(len(m.lines), m.offset+m.height)
	out := make([]string, 0, m.height)
	for _, l := range m.lines[m.offset:end] {
		out = append(out, widgets.Truncate(l, m.width))
	}
	if more := len(m.lines) - end; more > 0 && m.height > 1 {
		out[len(out)-1] = m.common.Styles.Muted.Render(widgets.Truncate(
			fmt.Sprintf("↓ %d more lines (j, pgdn)", more+1), m.width))
	}
	return strings.Join(out, "\n")
}

// render lays the whole view out for the width, as styled lines.
func (m *Model) render() []string {
	if !m.ready {
		msg := "Computing pipeline, revenue, unit economics and accounts…"
		if m.state.Filter != "" {
			msg = "Computing pipeline, revenue, unit economics and accounts where " + widgets.Clean(m.state.Filter) + "…"
		}
		return []string{m.common.Styles.Muted.Render(widgets.Truncate(msg, m.width))}
	}
	st := m.common.Styles
	if err := m.res.FilterErr; err != nil {
		return []string{st.Error.Render(widgets.Truncate("Money: "+widgets.Clean(err.Error()), m.width))}
	}
	var head []string
	if m.res.Scope != "" {
		head = append(head, st.Emphasis.Render(widgets.Truncate("Money "+m.res.Scope, m.width)))
	}
	for _, n := range m.res.SpendNotes {
		for _, l := range widgets.Wrap(n, m.width) {
			head = append(head, st.Warn.Render(l))
		}
	}
	return append(head, renderMoney(m.common, m.res, m.width)...)
}
