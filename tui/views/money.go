package views

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"funnel/model/money"
	"funnel/tui/widgets"
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
}

// ComputeMoney computes the money view's numbers (the report's money
// section computes the same with the same calls).
func ComputeMoney(c Common) MoneyData {
	var d MoneyData
	ds := c.Data
	d.Deals, d.DealsErr = money.ComputeDeals(ds, c.Money)
	d.Currency = d.Deals.Currency
	if c.Spend != nil {
		u, err := money.ComputeUnitEconomics(ds, c.Spend, "channel", c.Money)
		if err == nil {
			d.Econ = &u
		}
		d.EconErr = err
	}
	if a, err := money.RollUpAccounts(ds, c.Money); err == nil {
		d.Accounts = &a
	} else {
		d.AccErr = err
	}
	for _, err := range []error{d.DealsErr, d.EconErr, d.AccErr} {
		var me *money.MixedCurrencyError
		if errors.As(err, &me) {
			d.Mixed = me
			break
		}
	}
	return d
}

// Money is the economics view (`e`): deals and revenue, unit economics per
// channel against spend, and the account roll-up. It scrolls.
type Money struct {
	common Common
	keys   MoneyKeys
	data   MoneyData
	lines  []string
	offset int
	width  int
	height int
}

// NewMoney computes the money figures of the dataset and builds the view.
func NewMoney(c Common) *Money {
	return &Money{common: c, keys: DefaultMoneyKeys(), data: ComputeMoney(c)}
}

func (m *Money) Init() tea.Cmd { return nil }
func (m *Money) Title() string { return "Money" }

// Data is what the view shows.
func (m *Money) Data() MoneyData { return m.data }

func (m *Money) SetSize(w, h int) {
	m.width, m.height = w, h
	m.lines = renderMoney(m.common, m.data, w)
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
