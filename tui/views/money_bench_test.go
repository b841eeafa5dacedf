package views

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/theme"
)

// BenchmarkNewMoney1M is what pressing `e` first costs at 1M leads before
// the first frame (the figures follow in the background,
// BenchmarkMoneyCompute1M); BenchmarkMoneyScroll1M is one key and its frame.
func BenchmarkNewMoney1M(b *testing.B) {
	ds := demo.Generate(demo.Options{Rows: 1_000_000})
	c := Common{Styles: theme.Plain(), Engine: query.New(ds), Spend: demo.Spend(ds)}
	b.ResetTimer()
	for b.Loop() {
		m := NewMoney(c, DefaultState()) // the figures are computed in the background
		m.SetSize(120, 40)
		_ = m.View()
	}
}

func BenchmarkMoneyScroll1M(b *testing.B) {
	ds := demo.Generate(demo.Options{Rows: 1_000_000})
	m := NewMoney(Common{Styles: theme.Plain(), Engine: query.New(ds), Spend: demo.Spend(ds)}, DefaultState())
	m.Wait()
	m.SetSize(120, 40)
	j := tea.KeyPressMsg{Code: 'j', Text: "j"}
	b.ResetTimer()
	for b.Loop() {
		m.Update(j)
		_ = m.View()
	}
}

func BenchmarkMoneyCompute1M(b *testing.B) {
	ds := demo.Generate(demo.Options{Rows: 1_000_000})
	c := Common{Styles: theme.Plain(), Engine: query.New(ds), Spend: demo.Spend(ds)}
	b.ResetTimer()
	for b.Loop() {
		NewMoney(c, DefaultState()).Wait()
	}
}

func BenchmarkMoneyComputeFiltered1M(b *testing.B) {
	ds := demo.Generate(demo.Options{Rows: 1_000_000})
	c := Common{Styles: theme.Plain(), Engine: query.New(ds), Spend: demo.Spend(ds)}
	st := DefaultState()
	st.Filter = "channel=chat"
	b.ResetTimer()
	for b.Loop() {
		computeMoneyFor(c, st)
	}
}
