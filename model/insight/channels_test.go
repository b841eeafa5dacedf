package insight

import (
	"math"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/plan"
)

// On the demo, paid social brings the most leads but chat, with a tenth of
// the leads, brings more customers.
func TestRankChannelsDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("demo dataset")
	}
	ds := demo.Generate(demo.Options{Rows: 20000})
	cs, err := RankChannels(ds, ChannelOptions{Cost: map[string]int64{"chat": 1_000_000, "paid_social": 50_000_000}})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]plan.ChannelStat{}
	leads := 0
	for _, c := range cs {
		by[c.Name] = c
		leads += c.Leads
	}
	if leads != ds.Len() {
		t.Errorf("channels hold %d leads of %d", leads, ds.Len())
	}
	ps, chat := by["paid_social"], by["chat"]
	if ps.RankLeads != 1 || chat.RankCustomers >= ps.RankCustomers || chat.Customers <= ps.Customers {
		t.Errorf("paid_social %+v\nchat %+v", ps, chat)
	}
	if chat.RankROI != 1 || ps.RankROI != 2 || by["organic"].CostKnown {
		t.Errorf("ROI ranks: chat %d, paid_social %d", chat.RankROI, ps.RankROI)
	}
	if _, err := RankChannels(ds, ChannelOptions{Dim: "nope"}); err == nil {
		t.Error("unknown dimension: no error")
	}
}

// Funnel models from the demo plan a target and round-trip it.
func TestFunnelModelsDemoRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("demo dataset")
	}
	ds := demo.Generate(demo.Options{Rows: 20000})
	fs, err := FunnelModels(ds, ModelOptions{Dim: "channel", CostPerLead: map[string]float64{"": 4_000}})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 6 {
		t.Fatalf("%d channel funnels", len(fs))
	}
	for _, f := range fs {
		for k, r := range f.Rates {
			if r < 0 || r > 1 || f.RateLow[k] > r || f.RateHigh[k] < r {
				t.Errorf("%s step %d: rate %v in [%v, %v]", f.Name, k, r, f.RateLow[k], f.RateHigh[k])
			}
		}
	}
	p, err := plan.ReverseChannels(fs, plan.Target{Revenue: 100_000_000_00, Period: "month"}) // $1M a month
	if err != nil {
		t.Fatal(err)
	}
	var rev float64
	for _, c := range p.Channels {
		for _, g := range fs {
			if g.Name == c.Name {
				g.Top = c.Leads
				rev += plan.Forward(g).Revenue
			}
		}
	}
	if math.Abs(rev-100_000_000_00) > 1 {
		t.Errorf("round trip revenue %v", rev)
	}
	if !(p.BudgetLow < p.Budget && p.Budget < p.BudgetHigh) {
		t.Errorf("budget %v..%v..%v", p.BudgetLow, p.Budget, p.BudgetHigh)
	}
	all, err := FunnelModels(ds, ModelOptions{AsOf: model.NoDay})
	if err != nil || len(all) != 1 || all[0].Name != "all" || all[0].CostKnown {
		t.Errorf("single funnel: %v %+v", err, all)
	}
}
