package breakdown

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// fourDeals by channel: chat r0 (won $1,000) r1 (open $500); paid r2
// (open, no amount) r3 (lost $200). Won: chat 1 deal $1,000, paid none.
func TestBreakdownMoneyColumn(t *testing.T) {
	b := New(viewtest.On(viewtest.FourDealsByChannel()), views.DefaultState(), "channel")
	b.SetSize(140, 12)
	viewtest.Run(b, b.Init())
	out := ansi.Strip(b.View())
	if !strings.Contains(out, "Won USD") {
		t.Fatalf("no money column:\n%s", out)
	}
	for _, want := range []struct{ key, won, rev string }{{"chat", "1", "1,000"}, {"paid", "0", "0"}} {
		found := false
		for _, l := range strings.Split(out, "\n") {
			f := rowFields(l)
			if len(f) > 2 && f[0] == want.key {
				found = true
				if f[len(f)-2] != want.won || f[len(f)-1] != want.rev {
					t.Errorf("%s row %q: want won %s revenue %s", want.key, l, want.won, want.rev)
				}
			}
		}
		if !found {
			t.Errorf("no %s row:\n%s", want.key, out)
		}
	}
	// under paid=... the filter: chat has no record, so no chat row; under
	// exit=open the won deal is not selected and chat wins nothing
	st := views.DefaultState()
	st.Filter = "exit=open"
	viewtest.Run(b, b.Update(views.StateMsg{State: st}))
	for _, l := range strings.Split(ansi.Strip(b.View()), "\n") {
		if f := rowFields(l); len(f) > 2 && f[0] == "chat" && f[len(f)-2] != "0" {
			t.Errorf("under exit=open chat row %q should win nothing", l)
		}
	}
}

func TestBreakdownMoneyMixedCurrenciesRefused(t *testing.T) {
	ds := viewtest.Mixed()
	ds.Dims = []*model.Dim{{Name: "channel", Values: []string{"", "chat", "paid"}, Codes: model.CodesOf([]uint32{1, 1, 2}, 3)}}
	b := New(viewtest.On(ds), views.DefaultState(), "channel")
	b.SetSize(160, 12)
	viewtest.Run(b, b.Init())
	out := ansi.Strip(b.View())
	if !strings.Contains(out, "not summed") || strings.Contains(out, "1,500") || !strings.Contains(out, "—") {
		t.Fatalf("mixed currencies should be refused:\n%s", out)
	}
}

// Without amounts there is no money column.
func TestBreakdownWithoutAmountsHasNoMoney(t *testing.T) {
	b := New(viewtest.On(noAmounts()), views.DefaultState(), "channel")
	b.SetSize(140, 12)
	viewtest.Run(b, b.Init())
	if out := ansi.Strip(b.View()); strings.Contains(out, "Won USD") || strings.Contains(out, "revenue") {
		t.Fatalf("money column without amounts:\n%s", out)
	}
}

func noAmounts() *model.Dataset {
	ds := viewtest.FourDealsByChannel()
	ds.Amount, ds.Currency = nil, ""
	return ds
}

// rowFields splits a breakdown row into its cells, without the cursor
// mark and the "too few" note.
func rowFields(l string) []string {
	l = strings.TrimSpace(strings.TrimPrefix(l, "▸"))
	return strings.Fields(strings.TrimSuffix(l, " too few"))
}

// With amounts but no currency the money columns and their note say
// "Won revenue", never "Won : …".
func TestBreakdownMoneyWithoutCurrency(t *testing.T) {
	ds := viewtest.FourDealsByChannel()
	ds.Currency = ""
	b := New(viewtest.On(ds), views.DefaultState(), "channel")
	b.SetSize(160, 12)
	viewtest.Run(b, b.Init())
	out := ansi.Strip(b.View())
	if !strings.Contains(out, "Won revenue: their amounts") || strings.Contains(out, "Won :") {
		t.Fatalf("no-currency money note:\n%s", out)
	}
}
