package views

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// MoneyKeys are the money view's bindings (scrolling only; `e` opens it
// from anywhere).
type MoneyKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// DefaultMoneyKeys returns the money view's key map.
func DefaultMoneyKeys() MoneyKeys {
	return MoneyKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
	}
}

// MoneyData is everything the money view shows, computed once from the
// dataset, the spend table and the money options. Each part keeps its own
// error: a mixed-currency dataset is reported (Mixed), never summed.
type MoneyData struct {
	Currency string
	Deals    money.Deals
	DealsErr error
	// Econ is nil when no spend table was given.
	Econ     *money.UnitEconomics
	EconErr  error
	Accounts *money.Accounts
	AccErr   error
	// Mixed is set when amounts are in several currencies and no
	// conversion was given: the per-currency totals.
	Mixed *money.MixedCurrencyError
	// Scope says which records the figures are about under a filter ("" for
	// all), SpendNotes what was done to the spend to match, and FilterErr
	// is a filter that could not be applied (nothing is computed then).
	Scope      string
	SpendNotes []string
	FilterErr  error
}

// ComputeMoney computes the money view's numbers (the report's money
// section computes the same with the same calls).
func ComputeMoney(c Common) MoneyData {
	d := computeDealsEcon(c)
	a, err := money.RollUpAccounts(c.Data(), c.Money)
	d.setAccounts(a, err)
	return d
}

// computeDealsEcon computes deals and unit economics (accounts come apart).
func computeDealsEcon(c Common) MoneyData {
	var d MoneyData
	ds := c.Data()
	d.Deals, d.DealsErr = money.ComputeDeals(ds, c.Money)
	d.Currency = d.Deals.Currency
	if c.Spend != nil {
		u, err := money.ComputeUnitEconomics(ds, c.Spend, "channel", c.Money)
		if err == nil {
			d.Econ = &u
		}
		d.EconErr = err
	}
	d.findMixed()
	return d
}

func (d *MoneyData) setAccounts(a money.Accounts, err error) {
	if err == nil {
		d.Accounts = &a
	} else {
		d.AccErr = err
	}
	d.findMixed()
}

func (d *MoneyData) findMixed() {
	for _, err := range []error{d.DealsErr, d.EconErr, d.AccErr} {
		var me *money.MixedCurrencyError
		if errors.As(err, &me) {
			d.Mixed = me
			return
		}
	}
}

// pendingMoney is the computation running in the background (the account
// roll-up takes seconds at a million leads). The goroutine writes data,
// then closes done; the view reads it only after done is closed.
type pendingMoney struct {
	done chan struct{}
	data MoneyData
}

// moneyReadyMsg wakes the program when the roll-up is done, so the view
// redraws; whichever view receives it, the money view picks the result up
// the next time it is drawn.
type moneyReadyMsg struct{}

// Money is the economics view (`e`): deals and revenue, unit economics per
// channel against spend, and the account roll-up. It scrolls.
type Money struct {
	common Common
	keys   MoneyKeys
	state  State // the filter and as-of the figures are (being) computed for
	data   MoneyData
	lines  []string
	offset int
	ready  bool          // data is in
	pend   *pendingMoney // nil once the data is in
	width  int
	height int
}

// NewMoney builds the view and starts computing its figures for the
// state's filter and as-of date in the background, so the first frame
// comes at once at any size.
func NewMoney(c Common, st State) *Money {
	m := &Money{common: c, keys: DefaultMoneyKeys(), state: st}
	m.pend = startMoney(c, st)
	return m
}

func startMoney(c Common, st State) *pendingMoney {
	p := &pendingMoney{done: make(chan struct{})}
	go func() {
		p.data = computeMoneyFor(c, st)
		close(p.done)
	}()
	return p
}

// Init returns a command that reports when the figures are in.
func (m *Money) Init() tea.Cmd { return m.waitCmd() }

func (m *Money) waitCmd() tea.Cmd {
	p := m.pend
	if p == nil { // already picked up by a draw
		return func() tea.Msg { return moneyReadyMsg{} }
	}
	return func() tea.Msg { <-p.done; return moneyReadyMsg{} }
}

// restate recomputes the figures when the filter or as-of date changed;
// the old computation is abandoned (its result is never read).
func (m *Money) restate(st State) tea.Cmd {
	same := st.Filter == m.state.Filter && st.AsOf == m.state.AsOf
	m.state = st
	if same {
		return nil
	}
	m.ready, m.offset = false, 0
	m.pend = startMoney(m.common, st)
	m.lines = m.render()
	return m.waitCmd()
}

// poll takes the figures in once they are done.
func (m *Money) poll() {
	if m.pend == nil {
		return
	}
	select {
	case <-m.pend.done:
		m.data, m.ready = m.pend.data, true
		m.pend = nil
		m.lines = m.render()
		m.clamp()
	default:
	}
}

// Wait blocks until the figures are in (for tests).
func (m *Money) Wait() {
	if m.pend != nil {
		<-m.pend.done
		m.poll()
	}
}
func (m *Money) Title() string { return filteredTitle("Money", m.state.Filter) }

// Data is what the view shows (empty until the figures are in).
func (m *Money) Data() MoneyData { return m.data }

func (m *Money) SetSize(w, h int) {
	m.width, m.height = w, h
	m.lines = m.render()
	m.clamp()
}

func (m *Money) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Down, m.keys.PageDown}
}

func (m *Money) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}}
}

func (m *Money) Update(msg tea.Msg) tea.Cmd {
	m.poll()
	if sm, ok := msg.(StateMsg); ok {
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

func (m *Money) clamp() {
	m.offset = max(0, min(m.offset, len(m.lines)-m.height))
}

func (m *Money) View() string {
	m.poll()
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

func (m *Money) render() []string {
	if !m.ready {
		msg := "Computing pipeline, revenue, unit economics and accounts…"
		if m.state.Filter != "" {
			msg = "Computing pipeline, revenue, unit economics and accounts where " + widgets.Clean(m.state.Filter) + "…"
		}
		return []string{m.common.Styles.Muted.Render(widgets.Truncate(msg, m.width))}
	}
	st := m.common.Styles
	if err := m.data.FilterErr; err != nil {
		return []string{st.Error.Render(widgets.Truncate("Money: "+widgets.Clean(err.Error()), m.width))}
	}
	var head []string
	if m.data.Scope != "" {
		head = append(head, st.Emphasis.Render(widgets.Truncate("Money "+m.data.Scope, m.width)))
	}
	for _, n := range m.data.SpendNotes {
		for _, l := range wrap(n, m.width) {
			head = append(head, st.Warn.Render(l))
		}
	}
	return append(head, renderMoney(m.common, m.data, m.width)...)
}
