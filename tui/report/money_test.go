package report

import (
	"errors"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/money"
)

// mixed is three deals over Lead, Opportunity, Won: r0 won USD 1,000.00,
// r1 open EUR 500.00, r2 a lead with no amount.
func mixed() *model.Dataset {
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

func TestMoneyMixedCurrenciesRefused(t *testing.T) {
	_, err := Build(mixed(), Options{Sections: []string{SecMoney}})
	var me *MoneyError
	var mce *money.MixedCurrencyError
	if !errors.As(err, &me) || !errors.As(err, &mce) {
		t.Fatalf("want a MoneyError wrapping a MixedCurrencyError, got %v", err)
	}
	for _, want := range []string{"2 currencies", "USD 1,000 over 1 records", "EUR 500.00 over 1 records", "--currency", "--rates"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// converted: open pipeline 500 EUR × 1.2 = 600 USD; won 1,000 USD
	r, err := Build(mixed(), Options{Sections: []string{SecMoney}, Money: money.Options{Currency: "usd", Rates: money.Rates{"EUR": 1.2}}})
	if err != nil {
		t.Fatal(err)
	}
	d := r.Money.Deals
	if r.Money.Currency != "USD" || d.OpenPipeline != 60_000 || d.WonRevenue != 100_000 || d.Created != 2 || len(r.Money.ByCurrency) != 2 {
		t.Fatalf("%+v", r.Money)
	}
	if tabs := r.Money.Tables(); len(tabs) < 2 || !strings.Contains(tabs[len(tabs)-1].Title, "before conversion") {
		t.Errorf("the per-currency table is missing: %+v", tabs)
	}
	// a missing rate is bad input too
	if _, err := Build(mixed(), Options{Sections: []string{SecMoney}, Money: money.Options{Currency: "USD"}}); !errors.As(err, &me) ||
		!strings.Contains(err.Error(), "EUR") {
		t.Fatalf("missing rate: %v", err)
	}
}

func TestMoneyDefaultSection(t *testing.T) {
	r, err := Build(tiny(), Options{Money: money.Options{Currency: "USD"}})
	if err != nil || r.Money == nil || r.Sections[len(r.Sections)-1] != SecMoney {
		t.Fatalf("money not added by --currency: %v %v", r.Sections, err)
	}
	r, _ = Build(tiny(), Options{})
	if r.Money != nil {
		t.Fatal("money computed without being asked for")
	}
}
