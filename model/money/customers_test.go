package money

import "testing"

func TestChurn(t *testing.T) {
	c := ComputeChurn(fixtureDataset(t), 6, Options{})
	// customers r0 (won 03-03), r3 (02-19, churned 06-10), r7 (03-22), r10 (06-01)
	if c.AsOf != "2026-06-10" || c.Customers != 4 || c.Churned != 1 {
		t.Fatalf("churn = %+v", c)
	}
	want := []ChurnMonth{
		{"2026-01", 0, 0, 0, 0},
		{"2026-02", 0, 0, 0, 1},
		{"2026-03", 1, 0, 0, 2},
		{"2026-04", 3, 0, 0, 0},
		{"2026-05", 3, 0, 0, 0},
		{"2026-06", 3, 1, 1.0 / 3, 1},
	}
	for i, w := range want {
		if g := c.Months[i]; g.Month != w.Month || g.AtStart != w.AtStart || g.Lost != w.Lost || !near(g.Rate, w.Rate) || g.New != w.New {
			t.Errorf("month %d = %+v, want %+v", i, g, w)
		}
	}
	// exposure 99 + 111 + 80 + 9 = 299 days
	if !near(c.CustomerMonths, 299/30.4375) || !near(c.MonthlyRate, 30.4375/299) {
		t.Errorf("customer months %v rate %v", c.CustomerMonths, c.MonthlyRate)
	}
}

func TestCustomers(t *testing.T) {
	r, err := ComputeCustomers(fixtureDataset(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// all won 45000, of it the Acme upsell (r10) 3000
	if r.TypeColumn != "type" || r.TotalRevenue != 4500000 || r.ExpansionRevenue != 300000 || !near(r.ExpansionShare, 3.0/45) || r.UnlinkedExpansion != 0 {
		t.Fatalf("report = %+v", r)
	}
	// new-business customers: r0 paid_social, r3 organic (churned), r7 chat;
	// the upsell goes to Acme's first deal: paid_social, 2026-Q1
	want := []Retention{
		{Group: "chat", Customers: 1, Active: 1, Retained: 1, NewRevenue: 600000},
		{Group: "organic", Customers: 1, Active: 0, Retained: 0, MonthlyChurn: 30.4375 / 111, NewRevenue: 2400000},
		{Group: "paid_social", Customers: 1, Active: 1, Retained: 1, NewRevenue: 1200000, Expansion: 300000, ExpansionShare: 0.2},
	}
	if len(r.ByChannel) != 3 {
		t.Fatalf("by channel = %+v", r.ByChannel)
	}
	for i, w := range want {
		g := r.ByChannel[i]
		if g.Group != w.Group || g.Customers != w.Customers || g.Active != w.Active || !near(g.Retained, w.Retained) ||
			!near(g.MonthlyChurn, w.MonthlyChurn) || g.NewRevenue != w.NewRevenue || g.Expansion != w.Expansion || !near(g.ExpansionShare, w.ExpansionShare) {
			t.Errorf("channel %d = %+v, want %+v", i, g, w)
		}
	}
	if len(r.ByCohort) != 1 || r.ByCohort[0].Group != "2026-Q1" || r.ByCohort[0].Customers != 3 || r.ByCohort[0].Active != 2 ||
		r.ByCohort[0].NewRevenue != 4200000 || r.ByCohort[0].Expansion != 300000 {
		t.Errorf("by cohort = %+v", r.ByCohort)
	}
	// denominators: organic's one churn over 111 days as a customer
	if g := r.ByChannel[1]; g.Churned != 1 || !near(g.CustomerMonths, 111/30.4375) {
		t.Errorf("organic denominators: churned %d over %v customer-months", g.Churned, g.CustomerMonths)
	}
	for _, v := range []string{"Upsell", "Existing Business", "expansion", "Cross-sell", "add-on"} {
		if !IsExpansionType(v) {
			t.Errorf("IsExpansionType(%q) = false", v)
		}
	}
	for _, v := range []string{"New Business", "", "renewal"} {
		if IsExpansionType(v) {
			t.Errorf("IsExpansionType(%q) = true", v)
		}
	}
}
