package money

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/theme"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

func bigMoney() views.Common {
	c := viewtest.Big()
	return views.Common{Styles: theme.Plain(), Engine: query.New(c.Data()), Spend: demo.Spend(c.Data())}
}

// BenchmarkNewMoney1M is what pressing `e` first costs at 1M leads before
// the first frame (the figures follow in the background,
// BenchmarkMoneyCompute1M); BenchmarkMoneyScroll1M is one key and its frame.
func BenchmarkNewMoney1M(b *testing.B) {
	c := bigMoney()
	for b.Loop() {
		m := New(c, views.DefaultState())
		_ = m.Init() // the command is run by the program, off the loop
		m.SetSize(120, 40)
		_ = m.View()
	}
}

func BenchmarkMoneyScroll1M(b *testing.B) {
	m := computed(bigMoney(), views.DefaultState())
	m.SetSize(120, 40)
	j := tea.KeyPressMsg{Code: 'j', Text: "j"}
	for b.Loop() {
		m.Update(j)
		_ = m.View()
	}
}

func BenchmarkMoneyCompute1M(b *testing.B) {
	c := bigMoney()
	for b.Loop() {
		computeFor(c, views.DefaultState())
	}
}

func BenchmarkMoneyComputeFiltered1M(b *testing.B) {
	c := bigMoney()
	for b.Loop() {
		computeFor(c, viewtest.ChatState())
	}
}
