package money

import (
	"encoding/json"
	"testing"
)

func fixtureSpend() []SpendRow {
	return []SpendRow{
		{Line: 2, Channel: "Paid Social", Month: 2026 * 12, Period: "2026-01", Amount: 100000, Currency: "USD"},
		{Line: 3, Channel: "paid social", Month: 2026*12 + 1, Period: "2026-02", Amount: 50000},
		{Line: 4, Channel: "ORGANIC", Month: 2026 * 12, Period: "2026-01", Amount: 30000},
		{Line: 5, Channel: "Events", Month: 2026*12 + 1, Period: "2026-02", Amount: 120000},
		{Line: 6, Campaign: "Chat Widget", Month: 2026*12 + 1, Period: "2026-02", Amount: 60000},
		{Line: 7, Channel: "TV Brand", Month: 2026 * 12, Period: "2026-01", Amount: 70000},
	}
}

func TestJoinSpendMismatchedNames(t *testing.T) {
	j, err := JoinSpend(fixtureDataset(t), fixtureSpend(), "channel", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []NameMatch{
		{"Chat Widget", "chat", "channel", "via campaign"},
		{"Events", "events", "channel", "normalised"},
		{"ORGANIC", "organic", "channel", "normalised"},
		{"Paid Social", "paid_social", "channel", "normalised"},
		{"paid social", "paid_social", "channel", "normalised"},
	}
	if len(j.Matches) != len(want) {
		t.Fatalf("matches = %+v", j.Matches)
	}
	for i := range want {
		if j.Matches[i] != want[i] {
			t.Errorf("match %d = %+v, want %+v", i, j.Matches[i], want[i])
		}
	}
	if len(j.Unmatched) != 1 || j.Unmatched[0].Channel != "TV Brand" || j.Unmatched[0].Line != 7 || j.Unmatched[0].Amount != 70000 {
		t.Errorf("unmatched = %+v", j.Unmatched)
	}
	if j.Total != 430000 || j.Matched != 360000 {
		t.Errorf("total %d matched %d", j.Total, j.Matched)
	}
	// by campaign: channel-only rows cannot be placed, the campaign row can
	j, _ = JoinSpend(fixtureDataset(t), fixtureSpend(), "campaign", Options{})
	if len(j.Unmatched) != 5 || j.Matched != 60000 || j.Matches[0] != (NameMatch{"Chat Widget", "chat-widget", "campaign", "normalised"}) {
		t.Errorf("campaign join: %+v", j)
	}
	// spend in another currency needs a rate
	rows := fixtureSpend()
	rows[0].Currency = "EUR"
	if _, err := JoinSpend(fixtureDataset(t), rows, "channel", Options{}); err == nil {
		t.Error("EUR spend summed into USD without a rate")
	}
	j, _ = JoinSpend(fixtureDataset(t), rows, "channel", Options{Rates: Rates{"EUR": 2}})
	if j.Total != 530000 {
		t.Errorf("converted total = %d, want 530000", j.Total)
	}
}

func TestUnitEconomics(t *testing.T) {
	u, err := ComputeUnitEconomics(fixtureDataset(t), fixtureSpend(), "channel", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if u.WindowFrom != "2026-01" || u.WindowTo != "2026-02" || u.AsOf != "2026-06-10" || u.Undated != 0 {
		t.Fatalf("window %s..%s as of %s", u.WindowFrom, u.WindowTo, u.AsOf)
	}
	names := []string{}
	for _, g := range u.Groups {
		names = append(names, g.Name)
	}
	// ordered by spend: paid_social 1500, events 1200, chat 600, organic 300
	if len(u.Groups) != 4 || names[0] != "paid_social" || names[1] != "events" || names[2] != "chat" || names[3] != "organic" {
		t.Fatalf("groups = %v", names)
	}
	ps, ev, ch, org, tot := u.Groups[0], u.Groups[1], u.Groups[2], u.Groups[3], u.Total
	// paid_social: r0 r1 r2 in window (r10 entered in May); 1500 / 3 leads,
	// / 2 MQL, / 1 SQL, opp, customer
	wantCost := []int64{50000, 75000, 150000, 150000, 150000}
	for k, w := range wantCost {
		if ptr(ps.CostPer[k].CostPer) != w {
			t.Errorf("paid_social cost per %s = %d, want %d", ps.CostPer[k].Stage, ptr(ps.CostPer[k].CostPer), w)
		}
	}
	// pipeline 12000 = 8 × spend; bookings 12000: ROI 7, payback 12×1500/12000
	if ps.Leads != 3 || ps.Customers != 1 || ptr(ps.CAC) != 150000 || ps.Pipeline != 1200000 || !near(fptr(ps.PipelinePerCost), 8) ||
		ps.FirstYearBookings != 1200000 || !near(fptr(ps.ROI), 7) || !near(fptr(ps.PaybackMonths), 1.5) || ps.MonthlyChurn != nil || ps.LTV != nil {
		t.Errorf("paid_social = %+v", ps)
	}
	// organic: 300 spend, r3 r4; r3 won 24000 over 24 months: 12000 first year;
	// churn: 1 event over 111 days (02-19..06-10); LTV = 1000/month / (1/(111/30.4375))
	if org.Leads != 2 || ptr(org.CAC) != 30000 || org.Pipeline != 2900000 || org.FirstYearBookings != 1200000 ||
		!near(fptr(org.ROI), 39) || !near(fptr(org.PaybackMonths), 0.3) || org.ChurnEvents != 1 ||
		!near(fptr(org.MonthlyChurn), 30.4375/111) || ptr(org.LTV) != 364681 || !near(fptr(org.LTVToCAC), 364681.0/30000) {
		t.Errorf("organic = %+v", org)
	}
	// events: no customers: CAC undefined, ROI −1, no payback
	if ev.Customers != 0 || ev.CAC != nil || !near(fptr(ev.ROI), -1) || ev.PaybackMonths != nil || ev.Pipeline != 1100000 {
		t.Errorf("events = %+v", ev)
	}
	// chat (spend via its campaign): r7 6000 over 6 months → all in year one
	if ptr(ch.CAC) != 60000 || ch.FirstYearBookings != 600000 || !near(fptr(ch.ROI), 9) || !near(fptr(ch.PaybackMonths), 1.2) {
		t.Errorf("chat = %+v", ch)
	}
	// total: all 4300 spend (TV Brand included) over r0..r9: 10 leads, 9 MQL
	// (r8 implied), 8 SQL, 8 opps, 3 customers
	reached := []int{10, 9, 8, 8, 3}
	for k, w := range reached {
		if tot.CostPer[k].Reached != w {
			t.Errorf("total reached %s = %d, want %d", tot.CostPer[k].Stage, tot.CostPer[k].Reached, w)
		}
	}
	if tot.Spend != 430000 || ptr(tot.CAC) != 143333 || tot.Pipeline != 6100000 || tot.FirstYearBookings != 3000000 ||
		!near(fptr(tot.ROI), (3000000.0-430000)/430000) || !near(fptr(tot.PaybackMonths), 1.72) {
		t.Errorf("total = %+v", tot)
	}
	// LTV with a given churn rate: paid_social 1000/month / 2% = 50000
	u2, _ := ComputeUnitEconomics(fixtureDataset(t), fixtureSpend(), "channel", Options{MonthlyChurn: 0.02})
	if ptr(u2.Groups[0].LTV) != 5000000 || !near(fptr(u2.Groups[0].LTVToCAC), 5000000.0/150000) {
		t.Errorf("given churn: %+v", u2.Groups[0])
	}
	if _, err := json.Marshal(u); err != nil {
		t.Fatal(err)
	}
}

func TestSpendCurrencyWithUnnamedData(t *testing.T) {
	ds := fixtureDataset(t)
	ds.Currency = ""
	rows := fixtureSpend()
	rows[0].Currency, rows[1].Currency = "EUR", "USD"
	if _, err := JoinSpend(ds, rows, "channel", Options{}); err == nil {
		t.Error("EUR and USD spend summed for data with no currency")
	}
	// --currency names an unnamed single-currency dataset (no conversion)
	d, err := ComputeDeals(ds, Options{Currency: "GBP"})
	if err != nil || d.Currency != "GBP" || d.WonRevenue != 4500000 {
		t.Errorf("unnamed data as GBP: %v %s %d", err, d.Currency, d.WonRevenue)
	}
	if _, err := JoinSpend(ds, rows, "owner", Options{}); err == nil {
		t.Error("join by owner accepted")
	}
}
