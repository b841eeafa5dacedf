package money

import "testing"

// Hand-computed: the spend window is 2026-01..02 (r10, entered in May, is
// out). Channel spend and the window's leads by segment:
//
//	paid_social 1500: r0 Mid, r1 Mid, r2 none → Mid 1000, none 500
//	events      1200: r5 Mid, r6 none         → Mid 600, none 600
//	organic      300: r3 Ent, r4 SMB          → Ent 150, SMB 150
//	chat         600: r7 SMB                  → SMB 600
//	outbound       0: r8 none, r9 Ent
//	TV Brand     700: unmatched               → unallocated
//
// So Enterprise 150, Mid-market 1600, SMB 750, (none) 1100; 3600 of 4300.
func TestSegmentEconomics(t *testing.T) {
	ds := fixtureDataset(t)
	lo, mid, hi := 1.0, 50.0, 1000.0
	seg, err := AssignSegments(ds, []SegmentRule{
		{Segment: "Enterprise", Column: "employees", Min: &hi},
		{Segment: "Mid-market", Column: "employees", Min: &mid, Max: &hi},
		{Segment: "SMB", Column: "employees", Min: &lo, Max: &mid},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := ComputeSegmentEconomics(ds, seg, fixtureSpend(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e.WindowFrom != "2026-01" || e.WindowTo != "2026-02" || e.Spend != 430000 || e.Allocated != 360000 || e.Unallocated != 70000 {
		t.Fatalf("window %s..%s spend %d allocated %d unallocated %d", e.WindowFrom, e.WindowTo, e.Spend, e.Allocated, e.Unallocated)
	}
	// leads in the window, customers among them, pipeline (Opportunity or
	// past), first-year bookings (r3: 24000 over 24 months → 12000)
	want := []struct {
		name             string
		spend            int64
		leads, customers int
		cac, cpl         int64
		pipeline, booked int64
		roi              float64
	}{
		{"Enterprise", 15000, 2, 1, 15000, 7500, 2500000, 1200000, (1200000 - 15000) / 15000.0},
		{"Mid-market", 160000, 3, 1, 160000, 53333, 2000000, 1200000, (1200000 - 160000) / 160000.0},
		{"SMB", 75000, 2, 1, 75000, 37500, 1100000, 600000, (600000 - 75000) / 75000.0},
		{"(none)", 110000, 3, 0, -1, 36667, 500000, 0, -1},
	}
	if len(e.Groups) != len(want) {
		t.Fatalf("groups %+v", e.Groups)
	}
	for i, w := range want {
		g := e.Groups[i]
		if g.Name != w.name || g.Spend != w.spend || g.Leads != w.leads || g.Customers != w.customers || ptr(g.CAC) != w.cac ||
			ptr(g.CostPer[0].CostPer) != w.cpl || g.Pipeline != w.pipeline || g.FirstYearBookings != w.booked || !near(fptr(g.ROI), w.roi) {
			t.Errorf("segment %s = spend %d leads %d customers %d CAC %d CPL %d pipeline %d booked %d ROI %v; want %+v",
				g.Name, g.Spend, g.Leads, g.Customers, ptr(g.CAC), ptr(g.CostPer[0].CostPer), g.Pipeline, g.FirstYearBookings, fptr(g.ROI), w)
		}
	}
	if tot := e.Total; tot.Spend != 430000 || tot.Leads != 10 || tot.Customers != 3 {
		t.Errorf("total = %+v", tot)
	}
	// thirds: 1000 split 1:2 among two segments rounds and still adds up
	spend := []SpendRow{{Line: 2, Channel: "paid_social", Month: 2026 * 12, Period: "2026-01", Amount: 100001}}
	e, _ = ComputeSegmentEconomics(ds, seg, spend, Options{})
	var sum int64
	for _, g := range e.Groups {
		sum += g.Spend
	}
	if sum != 100001 || e.Allocated != 100001 {
		t.Errorf("shares add up to %d of 100001", sum)
	}
}
