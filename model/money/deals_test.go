package money

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

func TestDeals(t *testing.T) {
	d, err := ComputeDeals(fixtureDataset(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// created: every record that reached Opportunity (r0, r3-r10) = 9;
	// won r0 r3 r7 r10; lost r5 r8 r9; open r4 r6
	if d.Currency != "USD" || d.OpportunityStage != "Opportunity" || d.Created != 9 || d.Won != 4 || d.Lost != 3 || d.Open != 2 {
		t.Fatalf("counts = %+v", d)
	}
	// open pipeline 5000 + 3000, all at Opportunity; organic 5000, events 3000
	if d.OpenPipeline != 800000 || len(d.PipelineByStage) != 1 || d.PipelineByStage[0] != (ValueRow{"Opportunity", 2, 800000}) {
		t.Errorf("pipeline = %d %+v", d.OpenPipeline, d.PipelineByStage)
	}
	if len(d.PipelineByChannel) != 2 || d.PipelineByChannel[0] != (ValueRow{"organic", 1, 500000}) || d.PipelineByChannel[1] != (ValueRow{"events", 1, 300000}) {
		t.Errorf("by channel = %+v", d.PipelineByChannel)
	}
	// weighted: only r4 has a probability: 5000 × 50% = 2500
	if ptr(d.WeightedPipeline) != 250000 || d.WeightedDeals != 1 {
		t.Errorf("weighted = %d over %d", ptr(d.WeightedPipeline), d.WeightedDeals)
	}
	// won 12000 + 24000 + 6000 + 3000 = 45000; ASP 45000 / 4 = 11250
	if d.WonRevenue != 4500000 || ptr(d.ASP) != 1125000 || d.WonWithAmount != 4 {
		t.Errorf("won %d asp %d", d.WonRevenue, ptr(d.ASP))
	}
	// ACV: 12000×12/12, 24000×12/24, 6000×12/6 = 12000 each (r10 has no term)
	if ptr(d.ACV) != 1200000 || d.ACVDeals != 3 {
		t.Errorf("acv %d over %d", ptr(d.ACV), d.ACVDeals)
	}
	if !near(d.WinRateClosed, 4.0/7) || !near(d.WinRateCreated, 4.0/9) {
		t.Errorf("win rates %v %v", d.WinRateClosed, d.WinRateCreated)
	}
	// cycles 30 (r0), 30 (r3), 40 (r7), 22 (r10): median 30
	if d.SalesCycleMedianDays != 30 || d.CycleDeals != 4 {
		t.Errorf("cycle %v over %d", d.SalesCycleMedianDays, d.CycleDeals)
	}
	// lost 8000 + 2000 + 1000; Price 2 deals 10000, no reason 1000
	if d.LostValue != 1100000 || len(d.LostByReason) != 2 || d.LostByReason[0] != (ValueRow{"Price", 2, 1000000}) || d.LostByReason[1] != (ValueRow{"(no reason)", 1, 100000}) {
		t.Errorf("lost %d %+v", d.LostValue, d.LostByReason)
	}
	if _, err := json.Marshal(d); err != nil {
		t.Fatal(err)
	}
}

func mixed(t *testing.T) *model.Dataset {
	ds := fixtureDataset(t)
	ds.Currencies = model.NewDim("currency", ds.Len())
	for i := 0; i < ds.Len(); i++ {
		c := "USD"
		if i == 3 {
			c = "eur"
		}
		ds.Currencies.Append(c)
	}
	return ds
}

func TestMultiCurrencyRefused(t *testing.T) {
	ds := mixed(t)
	_, err := ComputeDeals(ds, Options{})
	var me *MixedCurrencyError
	if !errors.As(err, &me) {
		t.Fatalf("err = %v, want *MixedCurrencyError", err)
	}
	// USD: 8 records, 40000, won 12000+6000+3000; EUR: r3 24000 won
	want := []CurrencyTotal{{"USD", 8, 4000000, 2100000}, {"EUR", 1, 2400000, 2400000}}
	if len(me.Totals) != 2 || me.Totals[0] != want[0] || me.Totals[1] != want[1] {
		t.Errorf("totals = %+v, want %+v", me.Totals, want)
	}
	if !strings.Contains(err.Error(), "USD, EUR") || !strings.Contains(err.Error(), "--rates") {
		t.Errorf("message = %q", err)
	}
	for name, f := range map[string]func() error{
		"accounts":  func() error { _, err := RollUpAccounts(ds, Options{}); return err },
		"segments":  func() error { _, err := AssignSegments(ds, nil, Options{}); return err },
		"customers": func() error { _, err := ComputeCustomers(ds, Options{}); return err },
		"economics": func() error { _, err := ComputeUnitEconomics(ds, nil, "", Options{}); return err },
	} {
		if !errors.As(f(), &me) {
			t.Errorf("%s summed mixed currencies", name)
		}
	}
	// a target without a rate for EUR is refused too, naming the code
	if _, err := ComputeDeals(ds, Options{Currency: "USD"}); err == nil || !strings.Contains(err.Error(), "no rate from EUR to USD") {
		t.Errorf("missing rate: err = %v", err)
	}
	// with EUR=1.5: r3 is 36000 USD; won 21000 + 36000 = 57000
	d, err := ComputeDeals(ds, Options{Currency: "usd", Rates: Rates{"EUR": 1.5}})
	if err != nil || d.WonRevenue != 5700000 || d.Currency != "USD" {
		t.Errorf("converted: %v %d %s", err, d.WonRevenue, d.Currency)
	}
}

func TestParseRates(t *testing.T) {
	r, err := ParseRates("eur=1.08, GBP=1.27")
	if err != nil || r["EUR"] != 1.08 || r["GBP"] != 1.27 || len(r) != 2 {
		t.Errorf("ParseRates = %v %v", r, err)
	}
	for _, bad := range []string{"EUR", "EUR=x", "EURO=1", "EUR=-1", "EUR=0"} {
		if _, err := ParseRates(bad); err == nil {
			t.Errorf("ParseRates(%q) accepted", bad)
		}
	}
}
