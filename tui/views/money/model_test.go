package money

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// computed is the money view over c in st with its figures in.
func computed(c views.Common, st views.State) *Model {
	m := New(c, st)
	viewtest.Run(m, m.Init())
	return m
}

// allLines renders the whole money view (scrolling page by page).
func allLines(m *Model) string {
	return strings.Join(m.lines, "\n")
}

func TestMoneyViewGolden(t *testing.T) {
	c := viewtest.MoneyDemo(true)
	for _, sz := range []struct {
		name string
		w, h int
	}{{"60x15", 60, 15}, {"120x40", 120, 40}} {
		t.Run(sz.name, func(t *testing.T) {
			m := computed(c, views.DefaultState())
			m.SetSize(sz.w, sz.h)
			page := ansi.Strip(m.View())
			if msg := viewtest.Box(page, sz.w, sz.h); msg != "" {
				t.Error(msg)
			}
			golden.RequireEqual(t, []byte(page+"\n--- whole view ---\n"+ansi.Strip(allLines(m))+"\n"))
		})
	}
}

func TestMoneyViewScrolls(t *testing.T) {
	m := computed(viewtest.MoneyDemo(true), views.DefaultState())
	m.SetSize(80, 10)
	first := m.View()
	m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	if m.page.Scroll.Offset() != 1 || m.View() == first {
		t.Fatalf("j did not scroll: offset %d", m.page.Scroll.Offset())
	}
	m.Update(tea.KeyPressMsg{Code: 'G', Text: "G"})
	if m.page.Scroll.Offset() != len(m.lines)-10 {
		t.Fatalf("G: offset %d of %d lines", m.page.Scroll.Offset(), len(m.lines))
	}
	m.Update(tea.KeyPressMsg{Code: 'g', Text: "g"})
	if m.page.Scroll.Offset() != 0 {
		t.Fatalf("g: offset %d", m.page.Scroll.Offset())
	}
}

func TestMoneyViewWithoutSpendSaysHow(t *testing.T) {
	m := New(viewtest.MoneyDemo(false), views.DefaultState())
	m.SetSize(200, 200)
	if out := ansi.Strip(m.View()); !strings.Contains(out, "Computing") {
		t.Fatalf("first frame:\n%s", out)
	}
	viewtest.Run(m, m.Init())
	if out := ansi.Strip(m.View()); !strings.Contains(out, "--spend FILE") || !strings.Contains(out, "Won revenue") ||
		!strings.Contains(out, "accounts (company name") {
		t.Fatalf("output:\n%s", out)
	}
}

func TestMoneyViewMixedCurrenciesAreNotSummed(t *testing.T) {
	c := viewtest.On(viewtest.Mixed())
	m := computed(c, views.DefaultState())
	m.SetSize(120, 40)
	out := ansi.Strip(m.View())
	for _, want := range []string{"2 currencies and are not summed", "USD", "$1,000", "EUR", "€500.00", "--currency CODE", "--rates"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "1,500") {
		t.Errorf("the currencies were summed:\n%s", out)
	}
	// with a conversion: 1,000 USD + 500 EUR × 1.1 = 1,550 USD of deals; won 1,000
	c.Money = money.Options{Currency: "USD", Rates: money.Rates{"EUR": 1.1}}
	m = computed(c, views.DefaultState())
	m.SetSize(120, 40)
	out = ansi.Strip(m.View())
	if m.res.Mixed != nil || m.res.Deals.WonRevenue != 100_000 || m.res.Deals.OpenPipeline != 55_000 {
		t.Fatalf("converted: %+v", m.res.Deals)
	}
	if !strings.Contains(out, "$550 ") { // whole units, as won revenue ($1,000) in the same column
		t.Errorf("open pipeline $550 missing:\n%s", out)
	}
}

// TestMoneyViewEqualsReport: the report's money section and the money view
// give the same numbers for the demo with its spend table.
func TestMoneyViewEqualsReport(t *testing.T) {
	c := viewtest.MoneyDemo(true)
	r, err := report.Build(c.Data(), report.Options{Sections: []string{report.SecMoney}, Spend: c.Spend})
	if err != nil {
		t.Fatal(err)
	}
	v := computed(c, views.DefaultState())
	d := v.res
	if !reflect.DeepEqual(r.Money.Deals, d.Deals) {
		t.Errorf("deals differ:\nreport %+v\nview   %+v", r.Money.Deals, d.Deals)
	}
	if d.Econ == nil || !reflect.DeepEqual(*r.Money.UnitEconomics, *d.Econ) {
		t.Errorf("unit economics differ")
	}
	v.SetSize(200, 500)
	out := ansi.Strip(v.View())
	for _, want := range []string{
		format.Money(r.Money.Deals.WonRevenue, "USD"),
		format.Money(r.Money.Deals.OpenPipeline, "USD"),
		format.Money(*r.Money.UnitEconomics.Total.CAC, "USD"),
		format.Percent(r.Money.Deals.WinRateClosed),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the view lacks the report's %q", want)
		}
	}
}
