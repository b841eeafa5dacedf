// Package money is the economics view (`e`): deals and revenue, unit
// economics per channel against spend, and the account roll-up, computed
// by model/money (imported under its own name, money) and scrolled here.
package money

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the money view.
type Model struct {
	common views.Common
	keys   KeyMap
	state  views.State
	asked  views.Asked // the state the figures are (being) computed for
	job    views.Job[result]
	res    result
	ready  bool // res is in
	lines  []string
	page   widgets.Page
	width  int
	height int
}

// New builds the view; Init starts computing its figures for the state's
// filter and as-of date in the background (the account roll-up takes
// seconds at a million leads), so the first frame comes at once.
func New(c views.Common, st views.State) *Model {
	m := &Model{common: c, keys: DefaultKeyMap(), state: st}
	m.page = widgets.NewPage(c.TableStyles(), m.keys)
	return m
}

func (m *Model) Init() tea.Cmd             { return m.start() }
func (m *Model) Title() string             { return views.FilteredTitle("Money", m.state.Filter) }
func (m *Model) ShortHelp() []key.Binding  { return m.keys.ShortHelp() }
func (m *Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// start computes the figures for the state's filter, as-of date and
// mask, unless they are already (being) computed for them; an older
// computation is abandoned (its result is dropped).
func (m *Model) start() tea.Cmd {
	if !m.asked.Changed(m.state) {
		return nil
	}
	if m.ready {
		m.ready = false
		m.relayout()
		m.page.Scroll.SetOffset(0)
	}
	c, st := m.common, m.state
	return m.job.Start(func() result { return computeFor(c, st) })
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.page.Scroll.SetHeight(h)
	m.relayout()
}

// relayout renders the page again (new figures, width or column scroll).
func (m *Model) relayout() {
	m.lines = m.render()
	m.page.Scroll.SetLen(len(m.lines))
}

func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if r, ok := m.job.Done(msg); ok {
		m.res, m.ready = r, true
		m.relayout()
		return nil
	}
	if views.Restate(msg, &m.common, &m.state) {
		return m.start()
	}
	km, ok := msg.(tea.KeyPressMsg)
	if ok && m.page.Update(km) {
		m.relayout()
	}
	return nil
}

func (m *Model) View() string {
	if m.height <= 0 {
		return ""
	}
	from, to := m.page.Scroll.Window()
	out := make([]string, 0, m.height)
	for _, l := range m.lines[from:to] {
		out = append(out, format.Truncate(l, m.width))
	}
	if more := m.page.Scroll.Below(); more > 0 && m.height > 1 {
		out[len(out)-1] = m.common.Styles.Muted.Render(format.Truncate(
			fmt.Sprintf("↓ %d more lines (j, pgdn)", more+1), m.width))
	}
	return strings.Join(out, "\n")
}

// render lays the whole view out for the width, as styled lines.
func (m *Model) render() []string {
	if !m.ready {
		msg := "Computing pipeline, revenue, unit economics and accounts…"
		if m.state.Filter != "" {
			msg = "Computing pipeline, revenue, unit economics and accounts where " + format.Clean(m.state.Filter) + "…"
		}
		return []string{m.common.Styles.Muted.Render(format.Truncate(msg, m.width))}
	}
	st := m.common.Styles
	if err := m.res.FilterErr; err != nil {
		return []string{st.Error.Render(format.Truncate("Money: "+format.Clean(err.Error()), m.width))}
	}
	var head []string
	if m.res.Scope != "" {
		head = append(head, st.Emphasis.Render(format.Truncate("Money "+m.res.Scope, m.width)))
	}
	for _, n := range m.res.SpendNotes {
		for _, l := range format.Wrap(format.Clean(n), m.width) {
			head = append(head, st.Warn.Render(l))
		}
	}
	m.page.Sheet.Styles = m.common.TableStyles()
	m.page.Sheet.Begin(m.width)
	return append(head, renderMoney(&page{c: m.common, width: m.width, sheet: &m.page.Sheet}, m.res)...)
}
