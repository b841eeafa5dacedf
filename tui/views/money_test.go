package views

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/theme"
	"github.com/funnel-cli/funnel/tui/widgets"
)

func moneyDemoCommon(t testing.TB, withSpend bool) Common {
	t.Helper()
	ds := demo.Generate(demo.Options{Rows: 5000, Seed: 1})
	c := Common{Styles: theme.Plain(), Engine: query.New(ds)}
	if withSpend {
		c.Spend = demo.Spend(ds)
	}
	return c
}

// allLines renders the whole money view (scrolling page by page).
func allLines(m *Money) string {
	return strings.Join(m.lines, "\n")
}

func TestMoneyViewGolden(t *testing.T) {
	c := moneyDemoCommon(t, true)
	for _, sz := range []struct {
		name string
		w, h int
	}{{"60x15", 60, 15}, {"120x40", 120, 40}} {
		t.Run(sz.name, func(t *testing.T) {
			m := NewMoney(c, DefaultState())
			m.Wait()
			m.SetSize(sz.w, sz.h)
			page := ansi.Strip(m.View())
			for _, l := range strings.Split(page, "\n") {
				if ansi.StringWidth(l) > sz.w {
					t.Errorf("line wider than %d: %q", sz.w, l)
				}
			}
			if n := len(strings.Split(page, "\n")); n > sz.h {
				t.Errorf("%d lines, want at most %d", n, sz.h)
			}
			golden.RequireEqual(t, []byte(page+"\n--- whole view ---\n"+ansi.Strip(allLines(m))+"\n"))
		})
	}
}

func TestMoneyViewScrolls(t *testing.T) {
	m := NewMoney(moneyDemoCommon(t, true), DefaultState())
	m.Wait()
	m.SetSize(80, 10)
	first := m.View()
	m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	if m.offset != 1 || m.View() == first {
		t.Fatalf("j did not scroll: offset %d", m.offset)
	}
	m.Update(tea.KeyPressMsg{Code: 'G', Text: "G"})
	if m.offset != len(m.lines)-10 {
		t.Fatalf("G: offset %d of %d lines", m.offset, len(m.lines))
	}
	m.Update(tea.KeyPressMsg{Code: 'g', Text: "g"})
	if m.offset != 0 {
		t.Fatalf("g: offset %d", m.offset)
	}
}

func TestMoneyViewWithoutSpendSaysHow(t *testing.T) {
	m := NewMoney(moneyDemoCommon(t, false), DefaultState())
	m.SetSize(200, 200)
	if out := ansi.Strip(m.View()); !strings.Contains(out, "Computing") && !strings.Contains(out, "Won revenue") {
		t.Fatalf("first frame:\n%s", out)
	}
	if msg := m.Init()(); msg != (moneyReadyMsg{}) {
		t.Fatalf("Init's command returned %T", msg)
	}
	m.SetSize(200, 200)
	if out := ansi.Strip(m.View()); !strings.Contains(out, "--spend FILE") || !strings.Contains(out, "Won revenue") ||
		!strings.Contains(out, "accounts (company name") {
		t.Fatalf("output:\n%s", out)
	}
}

// mixedDataset is three deals, two in USD and one in EUR.
func mixedDataset() *model.Dataset {
	n := model.NoDay
	cur := model.NewDim("currency", 3)
	for _, v := range []string{"USD", "EUR", "USD"} {
		cur.Append(v)
	}
	return &model.Dataset{
		Stages:     []string{"Lead", "Opportunity", "Won"},
		Days:       [][]int32{{0, 1, 2}, {5, 6, n}, {20, n, n}},
		Reached:    []uint16{0b111, 0b011, 0b001},
		Exit:       make([]model.ExitKind, 3),
		ExitDay:    []int32{n, n, n},
		Amount:     []int64{100_000, 50_000, 0},
		Currencies: cur,
		HasDates:   true,
	}
}

func TestMoneyViewMixedCurrenciesAreNotSummed(t *testing.T) {
	c := Common{Styles: theme.Plain(), Engine: query.New(mixedDataset())}
	m := NewMoney(c, DefaultState())
	m.Wait()
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
	m = NewMoney(c, DefaultState())
	m.Wait()
	m.SetSize(120, 40)
	out = ansi.Strip(m.View())
	if m.Data().Mixed != nil || m.Data().Deals.WonRevenue != 100_000 || m.Data().Deals.OpenPipeline != 55_000 {
		t.Fatalf("converted: %+v", m.Data().Deals)
	}
	if !strings.Contains(out, "$550.00") {
		t.Errorf("open pipeline $550.00 missing:\n%s", out)
	}
}

// TestMoneyViewEqualsReport: the report's money section and the money view
// give the same numbers for the demo with its spend table.
func TestMoneyViewEqualsReport(t *testing.T) {
	c := moneyDemoCommon(t, true)
	r, err := report.Build(c.Data(), report.Options{Sections: []string{report.SecMoney}, Spend: c.Spend})
	if err != nil {
		t.Fatal(err)
	}
	v := NewMoney(c, DefaultState())
	v.Wait()
	d := v.Data()
	if !reflect.DeepEqual(r.Money.Deals, d.Deals) {
		t.Errorf("deals differ:\nreport %+v\nview   %+v", r.Money.Deals, d.Deals)
	}
	if d.Econ == nil || !reflect.DeepEqual(*r.Money.UnitEconomics, *d.Econ) {
		t.Errorf("unit economics differ")
	}
	v.SetSize(200, 500)
	out := ansi.Strip(v.View())
	for _, want := range []string{
		widgets.Money(r.Money.Deals.WonRevenue, "USD"),
		widgets.Money(r.Money.Deals.OpenPipeline, "USD"),
		widgets.Money(*r.Money.UnitEconomics.Total.CAC, "USD"),
		widgets.Percent(r.Money.Deals.WinRateClosed),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the view lacks the report's %q", want)
		}
	}
}
