package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/tui/theme"
	moneyview "github.com/funnel-cli/funnel/tui/views/money"
)

func TestMoneyViewOpensWithEAndKeepsSpendWhenMasked(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 3000, Seed: 1})
	a := New(ds, Options{NoColor: true, Spend: demo.Spend(ds)})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 60})
	press(a, tea.KeyPressMsg{Code: 'e', Text: "e"})
	if _, ok := a.Top().(*moneyview.Model); !ok {
		t.Fatalf("e opened %q", a.Top().Title())
	}
	press(a, tea.KeyPressMsg{Code: 'j', Text: "j"}, tea.KeyPressMsg{Code: 'G', Text: "G"}, tea.KeyPressMsg{Code: 'g', Text: "g"})
	out := ansi.Strip(a.View().Content)
	if !strings.Contains(out, "Deals and revenue") || !strings.Contains(out, "Money") {
		t.Fatalf("money view:\n%s", out)
	}
	press(a, tea.KeyPressMsg{Code: 'M', Text: "M"})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 200})
	if out := ansi.Strip(a.View().Content); a.Top().Title() != "Money" || !strings.Contains(out, "CAC = spend") {
		t.Fatalf("after M the spend is gone:\n%s", out)
	}
	// the money view's keys collide with no global or top-view key
	global := map[string]bool{}
	for _, b := range append(a.topBindings(), a.keys.Quit, a.keys.Help, a.keys.Back, a.keys.Mouse, a.keys.Filter, a.keys.Command, a.keys.Mask) {
		for _, k := range b.Keys() {
			global[k] = true
		}
	}
	for _, g := range a.Top().FullHelp() {
		for _, b := range g {
			for _, k := range b.Keys() {
				if global[k] {
					t.Errorf("money view binds the root's key %q", k)
				}
			}
		}
	}
}

func TestMoneyViewHostileSpendNamesAndSizes(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 500})
	var spend []money.SpendRow
	for i, h := range hostile {
		spend = append(spend, money.SpendRow{Line: i + 2, Channel: h, Month: 2026*12 + 1, Period: "2026-02", Amount: 10_000})
	}
	a := New(ds, Options{NoColor: true, Spend: spend})
	*a.styles = *theme.Plain()
	a.applyHelpStyles()
	press(a, tea.KeyPressMsg{Code: 'e', Text: "e"})
	for _, sz := range [][2]int{{1, 1}, {60, 15}, {61, 100}, {100, 30}, {300, 300}} {
		a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		out := a.View().Content
		for _, bad := range []string{"\x1b", "\x07", "\u202E", "\u200B", "\u009b", "\xff"} {
			if strings.Contains(out, bad) {
				t.Fatalf("%v: output contains %q", sz, bad)
			}
		}
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > sz[0] {
				t.Fatalf("%v: line wider than the window: %q", sz, l)
			}
		}
	}
}
