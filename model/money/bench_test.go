package money_test

import (
	"testing"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/money"
)

// BenchmarkMoney50k runs every money report over the 50,000-lead demo.
func BenchmarkMoney50k(b *testing.B) {
	ds := demo.Generate(demo.Options{})
	spend := demo.Spend(ds)
	b.ResetTimer()
	for b.Loop() {
		if _, err := money.ComputeDeals(ds, money.Options{}); err != nil {
			b.Fatal(err)
		}
		if _, err := money.ComputeUnitEconomics(ds, spend, "channel", money.Options{}); err != nil {
			b.Fatal(err)
		}
		if _, err := money.RollUpAccounts(ds, money.Options{}); err != nil {
			b.Fatal(err)
		}
		if _, err := money.ComputeCustomers(ds, money.Options{}); err != nil {
			b.Fatal(err)
		}
		money.ComputeChurn(ds, 12, money.Options{})
	}
}

// TestDemoMoney checks the demo's planted shapes come through in money:
// chat has the best CAC, paid social the worst ROI.
func TestDemoMoney(t *testing.T) {
	if testing.Short() {
		t.Skip("50k-row demo")
	}
	ds := demo.Generate(demo.Options{Rows: 20000})
	u, err := money.ComputeUnitEconomics(ds, demo.Spend(ds), "channel", money.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cac := map[string]int64{}
	for _, g := range u.Groups {
		if g.CAC != nil {
			cac[g.Name] = *g.CAC
		}
	}
	for name, c := range cac {
		if name != "chat" && c <= cac["chat"] {
			t.Errorf("CAC %s %d <= chat %d", name, c, cac["chat"])
		}
	}
	if u.Total.Spend <= u.Join.Matched || len(u.Join.Unmatched) == 0 {
		t.Errorf("retainer not in total: %d vs %d", u.Total.Spend, u.Join.Matched)
	}
}
