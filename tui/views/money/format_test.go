package money

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// The deal figures are one column: with won revenue of $1,000 the open
// pipeline is "$500", not "$500.00" (hubspot: "0.00" under "1,323,250").
func TestMoneyFiguresOneFormat(t *testing.T) {
	m := computed(viewtest.On(viewtest.FourDeals()), views.DefaultState())
	m.SetSize(120, 60)
	out := allLines(m)
	for _, want := range []string{"Open pipeline", "$500 ", "Won revenue", "$1,000 "} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "$500.00") || strings.Contains(out, "$200.00") {
		t.Errorf("cents beside whole units in one column:\n%s", out)
	}
}

// With no account in the data the accounts section says so and draws no
// funnel of zeros.
func TestMoneyNoAccountsNoTable(t *testing.T) {
	m := computed(viewtest.On(viewtest.FourDeals()), views.DefaultState())
	m.SetSize(120, 60)
	out := allLines(m)
	if !strings.Contains(out, "0 accounts") || strings.Contains(out, "Accounts    Step") {
		t.Errorf("accounts without any account:\n%s", out)
	}
}
