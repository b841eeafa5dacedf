package money

import "testing"

func TestNormalizeCompany(t *testing.T) {
	for in, want := range map[string]string{
		"Acme Inc": "acme", "ACME, Inc.": "acme", "The Acme Co., Inc.": "acme", "Globex GmbH": "globex",
		"Globex G.m.b.H.": "globex", "Initech LLC": "initech", "Umbrella Ltd.": "umbrella", "  Stark   Industries ": "stark industries",
		"Inc": "inc", "AT&T Inc": "at&t", "": "",
	} {
		if got := NormalizeCompany(in); got != want {
			t.Errorf("NormalizeCompany(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAccountKey(t *testing.T) {
	cases := []struct{ comp, email, key, src string }{
		{"Acme Inc", "bob@gmail.com", "acme", "company"},
		{"", "bob@Acme.COM", "acme.com", "domain"},
		{"", "joe@gmail.com", "", "personal"},
		{"", "y@yahoo.co.uk", "", "personal"},
		{"", "z@hotmail.fr", "", "personal"},
		{"", "a@icloud.com", "", "personal"},
		{"", "o@outlook.com", "", "personal"},
		{"", "not-an-email", "", ""},
	}
	for _, c := range cases {
		if k, s := AccountKey(c.comp, c.email); k != c.key || s != c.src {
			t.Errorf("AccountKey(%q, %q) = %q %q, want %q %q", c.comp, c.email, k, s, c.key, c.src)
		}
	}
}

func TestRollUpAccounts(t *testing.T) {
	a, err := RollUpAccounts(fixtureDataset(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// acme (r0 r1 r10), globex (r3), initech (r5, and r4 by its domain),
	// umbrella (r7), vandelay (r9); r2 gmail, r6 yahoo, r8 hotmail have none
	want := []Account{
		{Key: "acme", Name: "Acme Inc", Source: "company", People: 3, Deepest: "Won", Won: true, Amount: 1500000},
		{Key: "globex", Name: "Globex GmbH", Source: "company", People: 1, Deepest: "Won", Won: true, Amount: 2400000},
		{Key: "initech", Name: "Initech LLC", Source: "company", People: 2, Deepest: "Opportunity"},
		{Key: "umbrella", Name: "Umbrella Ltd", Source: "company", People: 1, Deepest: "Won", Won: true, Amount: 600000},
		{Key: "vandelay", Name: "Vandelay", Source: "company", People: 1, Deepest: "Opportunity"},
	}
	if len(a.List) != len(want) {
		t.Fatalf("accounts = %+v", a.List)
	}
	for i := range want {
		if a.List[i] != want[i] {
			t.Errorf("account %d = %+v, want %+v", i, a.List[i], want[i])
		}
	}
	if a.Unassigned != 3 || a.Personal != 3 || a.ByDomainMerged != 1 {
		t.Errorf("unassigned %d personal %d merged %d", a.Unassigned, a.Personal, a.ByDomainMerged)
	}
	if a.Of[4] != 2 || a.Of[2] != -1 || a.Of[10] != 0 {
		t.Errorf("record accounts = %v", a.Of)
	}
	// account funnel: 5 accounts reach Lead..Opportunity, 3 are won
	reach := []int{5, 5, 5, 5, 3}
	for k, w := range reach {
		if a.Funnel[k].Accounts != w {
			t.Errorf("accounts at %s = %d, want %d", a.Funnel[k].Stage, a.Funnel[k].Accounts, w)
		}
	}
	if !near(a.Funnel[4].ConversionFromPrevious, 0.6) {
		t.Errorf("won conversion = %v", a.Funnel[4].ConversionFromPrevious)
	}
}

func TestSegments(t *testing.T) {
	lo, mid, hi := 1.0, 50.0, 1000.0
	rules := []SegmentRule{
		{Segment: "Enterprise", Column: "employees", Min: &hi},
		{Segment: "Mid-market", Column: "Employees", Min: &mid, Max: &hi},
		{Segment: "SMB", Column: "employees", Min: &lo, Max: &mid},
	}
	s, err := AssignSegments(fixtureDataset(t), rules, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Enterprise "1,200" r3, "5000" r9; Mid "51-200" r0 r1 r10, "500+" r5;
	// SMB "10" r4, "11-50" r7; none: r2 "", r6 "n/a", r8 "".
	// Pipeline: records at Opportunity or past it. Enterprise r3 24000 +
	// r9 1000; Mid r0 12000 + r10 3000 + r5 8000 (r1 only reached MQL); SMB
	// r4 5000 (open) + r7 6000; none r6 3000 (open) + r8 2000.
	want := []Segment{
		{"Enterprise", 2, []int{2, 2, 2, 2, 1}, 1, 2400000, 0.5, 2500000, 2, 0, 0},
		{"Mid-market", 4, []int{4, 4, 3, 3, 2}, 2, 1500000, 0.5, 2300000, 3, 0, 0},
		{"SMB", 2, []int{2, 2, 2, 2, 1}, 1, 600000, 0.5, 1100000, 2, 500000, 1},
		{"(none)", 3, []int{3, 2, 2, 2, 0}, 0, 0, 0, 500000, 2, 300000, 1},
	}
	if len(s.Segments) != len(want) {
		t.Fatalf("segments = %+v", s.Segments)
	}
	for i, w := range want {
		g := s.Segments[i]
		if g.Segment != w.Segment || g.Records != w.Records || g.Won != w.Won || g.WonRevenue != w.WonRevenue || !near(g.WinRate, w.WinRate) ||
			!equalInts(g.Reached, w.Reached) || g.Pipeline != w.Pipeline || g.PipelineDeals != w.PipelineDeals ||
			g.OpenPipeline != w.OpenPipeline || g.OpenDeals != w.OpenDeals {
			t.Errorf("segment %d = %+v, want %+v", i, g, w)
		}
	}
	if s.Of[3] != "Enterprise" || s.Of[6] != "" {
		t.Errorf("Of = %v", s.Of)
	}
	// values rule, and a rule on a missing column
	s, _ = AssignSegments(fixtureDataset(t), []SegmentRule{{Segment: "Social", Column: "channel", Values: []string{"PAID_SOCIAL"}}}, Options{})
	if s.Segments[0].Records != 4 {
		t.Errorf("values rule: %+v", s.Segments)
	}
	if _, err := AssignSegments(fixtureDataset(t), []SegmentRule{{Segment: "X", Column: "industry", Values: []string{"a"}}}, Options{}); err == nil {
		t.Error("rule on a missing column accepted")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzAccountKey(f *testing.F) {
	for _, r := range fixture {
		f.Add(r.comp, r.email)
	}
	f.Add("G.m.b.H. The", "@")
	f.Fuzz(func(t *testing.T, comp, email string) {
		key, src := AccountKey(comp, email)
		if (key == "") != (src == "" || src == "personal") {
			t.Fatalf("AccountKey(%q, %q) = %q %q", comp, email, key, src)
		}
	})
}

// The account column keeps its own name ("CustomerName", "Associated
// Company"): the roll-up finds it through Dataset.Account.
func TestRollUpAccountsByTheLoadersAccountColumn(t *testing.T) {
	ds := fixtureDataset(t)
	renamed := *ds.Dim("company")
	renamed.Name = "CustomerName"
	cp := *ds
	cp.Dims = nil
	for _, d := range ds.Dims {
		if d.Name == "company" {
			d = &renamed
		}
		cp.Dims = append(cp.Dims, d)
	}
	cp.Account = "CustomerName"
	a, err := RollUpAccounts(&cp, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.List) != 5 || a.List[0].Source != "company" {
		t.Errorf("accounts by CustomerName: %+v", a.List)
	}
}
