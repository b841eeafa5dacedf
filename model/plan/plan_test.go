package plan

import (
	"encoding/json"
	"math"
	"testing"
)

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-6*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

var stages = []string{"Lead", "MQL", "SQL", "Won"}

// 1000 leads at 50%, 40%, 25%: 1000 → 500 → 200 → 50 customers; $10,000
// deals = $500,000; $50 a lead = $50,000 spend, CAC $1,000.
func base() Funnel {
	return Funnel{Name: "all", Stages: stages, Top: 1000, Rates: []float64{0.5, 0.4, 0.25},
		DealValue: 1_000_000, CostPerLead: 5_000, CostKnown: true}
}

func TestForward(t *testing.T) {
	o := Forward(base())
	for k, want := range []float64{1000, 500, 200, 50} {
		near(t, stages[k], o.Counts[k], want)
	}
	near(t, "revenue", o.Revenue, 50_000_000)
	near(t, "cost", o.Cost, 5_000_000)
	near(t, "CAC", o.CAC, 100_000)
	q := Forward(base().Scaled(3))
	near(t, "quarter customers", q.Customers, 150)
	near(t, "quarter CAC", q.CAC, 100_000)
	f := base()
	f.CostKnown = false
	if o := Forward(f); o.Cost != 0 || o.CAC != 0 {
		t.Errorf("unknown cost gave cost %v CAC %v", o.Cost, o.CAC)
	}
}

// +10% volume: 55 customers, cost 5,500,000, CAC unchanged at 100,000.
// +5 points SQL→Won (25% → 30%): 60 customers at the same cost, CAC 83,333.33.
func TestSimulateLevers(t *testing.T) {
	b, rs := Simulate([]Funnel{base()}, []Lever{
		{Kind: LeverVolume, Percent: 10},
		{Kind: LeverRate, Step: 2, Points: 5},
		{Kind: LeverRate, Step: 0, Points: 5, ExtraCost: 100_000},
	})
	near(t, "base customers", b.Customers, 50)
	near(t, "volume customers", rs[0].Outcome.Customers, 55)
	near(t, "volume cost", rs[0].Outcome.Cost, 5_500_000)
	near(t, "volume CAC", rs[0].Outcome.CAC, 100_000)
	near(t, "volume cost per extra", rs[0].CostPerExtraCustomer, 100_000)
	near(t, "rate customers", rs[1].Outcome.Customers, 60)
	near(t, "rate CAC", rs[1].Outcome.CAC, 5_000_000.0/60)
	near(t, "rate ΔCAC", rs[1].DeltaCAC, 5_000_000.0/60-100_000)
	// +5 pts Lead→MQL: 1000·.55·.4·.25 = 55 customers for 100,000 more
	near(t, "top rate customers", rs[2].Outcome.Customers, 55)
	near(t, "top rate cost per extra", rs[2].CostPerExtraCustomer, 20_000)
	if rs[1].Label != "+5 pts SQL→Won, all channels" {
		t.Errorf("label %q", rs[1].Label)
	}
	if _, err := json.Marshal(rs); err != nil {
		t.Fatal(err)
	}
}

func channels() []Funnel {
	chat := Funnel{Name: "chat", Stages: stages, Top: 20, Rates: []float64{0.9, 0.9, 0.9},
		RateLow: []float64{0.7, 0.7, 0.7}, RateHigh: []float64{0.97, 0.97, 0.97},
		DealValue: 1_000_000, CostPerLead: 10_000, CostKnown: true}
	social := Funnel{Name: "paid_social", Stages: stages, Top: 800, Rates: []float64{0.3, 0.3, 0.1},
		RateLow: []float64{0.27, 0.25, 0.05}, RateHigh: []float64{0.33, 0.35, 0.16},
		DealValue: 800_000, CostPerLead: 2_000, CostKnown: true}
	return []Funnel{chat, social}
}

func TestSliceLever(t *testing.T) {
	chs := channels()
	// chat: 20·.729 = 14.58; social: 800·.009 = 7.2
	b, rs := Simulate(chs, []Lever{{Kind: LeverVolume, Slice: "chat", Percent: 50}, {Kind: LeverRate, Slice: "paid_social", Step: 2, Points: 10}})
	near(t, "base", b.Customers, 14.58+7.2)
	near(t, "chat +50%", rs[0].Outcome.Customers, 14.58*1.5+7.2)
	near(t, "social +10 pts", rs[1].Outcome.Customers, 14.58+14.4)
	if chs[0].Top != 20 || chs[1].Rates[2] != 0.1 {
		t.Error("Simulate changed its input")
	}
	if n := len(StandardLevers(chs, 10, 5)); n != 1+2+3 {
		t.Errorf("standard levers: %d", n)
	}
}

// Plan forward from the reverse plan's answer and get the target back.
func TestReverseRoundTrip(t *testing.T) {
	f := base()
	p, err := Reverse(f, Target{Customers: 60, Period: "month"})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "leads", p.Leads, 1200) // 60 / .25 / .4 / .5
	near(t, "SQL", p.Stages[2].Needed, 240)
	near(t, "budget", p.Budget, 6_000_000)
	g := f
	g.Top = p.Leads
	near(t, "round trip", Forward(g).Customers, 60)

	p, err = Reverse(f, Target{Revenue: 75_000_000})
	if err != nil {
		t.Fatal(err)
	}
	g.Top = p.Leads
	near(t, "revenue round trip", Forward(g).Revenue, 75_000_000)
}

func TestReverseChannelsRoundTripAndRange(t *testing.T) {
	chs := channels()
	p, err := ReverseChannels(chs, Target{Customers: 100, Period: "quarter"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Channels) != 2 {
		t.Fatalf("channel plans: %d", len(p.Channels))
	}
	var sum, leads float64
	for i, c := range p.Channels {
		g := chs[i]
		g.Top = c.Leads
		sum += Forward(g).Customers
		leads += c.Leads
		if !(c.Stages[0].Low < c.Leads && c.Leads < c.Stages[0].High) {
			t.Errorf("%s: range %v..%v does not hold %v", c.Name, c.Stages[0].Low, c.Stages[0].High, c.Leads)
		}
	}
	near(t, "channels round trip", sum, 100)
	near(t, "blended leads = channel sum", p.Leads, leads)
	// chat delivers 14.58 of 21.78 customers: 66.94% of the 100
	near(t, "chat share", p.Channels[0].Customers, 100*14.58/21.78)
	all := Merge("all", chs)
	all.Top = p.Leads
	near(t, "blended round trip", Forward(all).Customers, 100)
	if !(p.BudgetLow < p.Budget && p.Budget < p.BudgetHigh) {
		t.Errorf("budget range %v < %v < %v", p.BudgetLow, p.Budget, p.BudgetHigh)
	}
}

func TestReverseErrors(t *testing.T) {
	f := base()
	f.Rates[1] = 0
	if _, err := Reverse(f, Target{Customers: 1}); err == nil {
		t.Error("0% step: no error")
	}
	f = base()
	f.DealValue = 0
	if _, err := Reverse(f, Target{Revenue: 1}); err == nil {
		t.Error("revenue without deal value: no error")
	}
	if _, err := Reverse(base(), Target{}); err == nil {
		t.Error("empty target: no error")
	}
	f = base()
	f.Stages = stages[:2]
	if _, err := Reverse(f, Target{Customers: 1}); err == nil {
		t.Error("stage/rate mismatch: no error")
	}
}

// Twenty chat leads a month converting at 75% beat hundreds from sponsored
// posts that never convert.
func TestRankChannels(t *testing.T) {
	out := RankChannels([]ChannelStat{
		{Name: "paid_social", Leads: 900, Customers: 2, Revenue: 1_000_000, Cost: 5_000_000, CostKnown: true},
		{Name: "chat", Leads: 20, Customers: 15, Revenue: 15_000_000, Cost: 1_000_000, CostKnown: true},
		{Name: "events", Leads: 200, Customers: 6, Revenue: 9_000_000},
	})
	if out[0].Name != "chat" || out[1].Name != "events" || out[2].Name != "paid_social" {
		t.Fatalf("order %s, %s, %s", out[0].Name, out[1].Name, out[2].Name)
	}
	c := out[0]
	near(t, "chat lead→customer", c.LeadToCustomer, 0.75)
	near(t, "chat ROI", c.ROI, 14)
	near(t, "chat CAC", c.CAC, 1_000_000.0/15)
	if c.RankLeads != 3 || c.RankCustomers != 1 || c.RankROI != 1 || out[2].RankLeads != 1 || out[2].RankROI != 2 {
		t.Errorf("ranks: %+v", out)
	}
	if out[1].RankROI != 0 || out[1].CAC != 0 {
		t.Errorf("unknown cost ranked: %+v", out[1])
	}
}

// A rate whose interval reaches 0% still gives a finite interval (the
// counts, or the interval on the log scale), and the plan marshals.
func TestReverseWideInterval(t *testing.T) {
	f := base()
	f.RateLow = []float64{0.4, 0, 0.2}
	f.RateHigh = []float64{0.6, 0.8, 0.3}
	p, err := Reverse(f, Target{Customers: 10})
	if err != nil {
		t.Fatal(err)
	}
	lead := p.Stages[0]
	if !(lead.Low < lead.Needed && lead.Needed < lead.High) || math.IsInf(lead.High, 0) {
		t.Errorf("leads %v in %v..%v", lead.Needed, lead.Low, lead.High)
	}
	if _, err := json.Marshal(p); err != nil {
		t.Fatal(err)
	}
}
