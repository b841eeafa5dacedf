package model

import (
	"encoding/json"
	"testing"
)

// handData is ten records over Lead, MQL, SQL, Won in Jan–Mar 2025, small
// enough that every expected number in the tests below is counted by hand.
//
//	row channel owner  Lead   MQL    SQL    Won    exit (day, reason)
//	r0  chat    ana    01-10  01-15  02-01  03-01  won 03-01
//	r1  chat    ben    01-12  02-03  -      -      disqualified 02-20 "No budget"
//	r2  paid    ana    01-20  -      -      -      disqualified 01-25 "Not ICP"
//	r3  paid    ben    02-05  -      02-20  -      lost 03-10 "Price" (MQL implied)
//	r4  paid    ana    02-10  -      -      -      open
//	r5  chat    ana    02-15  02-20  -      -      open
//	r6  paid    ben    03-01  -      -      -      disqualified 03-05 "Not ICP"
//	r7  organic ana    03-05  03-10  03-20  -      open
//	r8  organic ben    -      03-12  -      -      open (Lead implied, no lead date)
//	r9  paid    ana    01-05  01-08  01-20  02-15  churned 03-25 "Churned"
//
// The last date in the data is 2025-03-25 (r9's churn), the default as-of.
func handData() *Dataset {
	d := func(m, day int) int32 { return DayFromCivil(2025, m, day) }
	X := NoDay
	type rec struct {
		ch, ow     string
		days       [4]int32
		exit       ExitKind
		xday       int32
		reason, id string
	}
	recs := []rec{
		{"chat", "ana", [4]int32{d(1, 10), d(1, 15), d(2, 1), d(3, 1)}, ExitWon, d(3, 1), "", "r0"},
		{"chat", "ben", [4]int32{d(1, 12), d(2, 3), X, X}, ExitDisqualified, d(2, 20), "No budget", "r1"},
		{"paid", "ana", [4]int32{d(1, 20), X, X, X}, ExitDisqualified, d(1, 25), "Not ICP", "r2"},
		{"paid", "ben", [4]int32{d(2, 5), X, d(2, 20), X}, ExitLost, d(3, 10), "Price", "r3"},
		{"paid", "ana", [4]int32{d(2, 10), X, X, X}, ExitOpen, X, "", "r4"},
		{"chat", "ana", [4]int32{d(2, 15), d(2, 20), X, X}, ExitOpen, X, "", "r5"},
		{"paid", "ben", [4]int32{d(3, 1), X, X, X}, ExitDisqualified, d(3, 5), "Not ICP", "r6"},
		{"organic", "ana", [4]int32{d(3, 5), d(3, 10), d(3, 20), X}, ExitOpen, X, "", "r7"},
		{"organic", "ben", [4]int32{X, d(3, 12), X, X}, ExitOpen, X, "", "r8"},
		{"paid", "ana", [4]int32{d(1, 5), d(1, 8), d(1, 20), d(2, 15)}, ExitChurned, d(3, 25), "Churned", "r9"},
	}
	ds := &Dataset{Stages: []string{"Lead", "MQL", "SQL", "Won"}, Days: make([][]int32, 4), HasDates: true,
		Reason: NewDim("reason", 0)}
	ch, ow := NewDim("channel", 0), NewDim("owner", 0)
	ds.Dims = []*Dim{ch, ow}
	for _, r := range recs {
		var mask uint16
		for k, v := range r.days {
			ds.Days[k] = append(ds.Days[k], v)
			if v != X {
				mask |= 1 << k
			}
		}
		ds.Reached = append(ds.Reached, mask)
		ds.Exit = append(ds.Exit, r.exit)
		ds.ExitDay = append(ds.ExitDay, r.xday)
		ds.Reason.Append(r.reason)
		ch.Append(r.ch)
		ow.Append(r.ow)
		ds.IDs.Append(r.id)
	}
	return ds
}

type wantStage struct{ reached, marked, implied int }

func checkStages(t *testing.T, what string, got []StageStats, want []wantStage) {
	t.Helper()
	for k, w := range want {
		s := got[k]
		if s.Reached != w.reached || s.Marked != w.marked || s.Implied != w.implied {
			t.Errorf("%s stage %s: reached/marked/implied %d/%d/%d, want %d/%d/%d", what, s.Name,
				s.Reached, s.Marked, s.Implied, w.reached, w.marked, w.implied)
		}
	}
}

func mustCompute(t *testing.T, ds *Dataset, q Query) *Result {
	t.Helper()
	r, err := Compute(ds, q)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestComputeWholeHandCounted(t *testing.T) {
	r := mustCompute(t, handData(), Query{})
	if r.Records != 10 || r.AsOf != "2025-03-25" || r.TimeZone != TimeZoneNote {
		t.Fatalf("records %d as of %q tz %q", r.Records, r.AsOf, r.TimeZone)
	}
	checkStages(t, "whole", r.Whole.Stages, []wantStage{{10, 9, 1}, {7, 6, 1}, {4, 4, 0}, {2, 2, 0}})
	st := r.Whole.Stages
	if !near(st[1].Step, 0.7) || !near(st[2].Step, 4.0/7) || !near(st[3].Step, 0.5) || !near(st[3].Cumulative, 0.2) {
		t.Errorf("conversions %+v", st)
	}
	left := []ExitCounts{
		{Open: 1, Disqualified: 2},
		{Open: 2, Disqualified: 1},
		{Open: 1, Lost: 1},
		{Won: 1, Churned: 1},
	}
	for k, w := range left {
		if st[k].Left != w {
			t.Errorf("left at %s = %+v, want %+v", st[k].Name, st[k].Left, w)
		}
	}
	if len(st[0].Reasons) != 1 || st[0].Reasons[0] != (ReasonCount{"Not ICP", 2}) {
		t.Errorf("lead reasons %v", st[0].Reasons)
	}
	if len(st[2].Reasons) != 1 || st[2].Reasons[0] != (ReasonCount{"Price", 1}) {
		t.Errorf("sql reasons %v", st[2].Reasons)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings %v", r.Warnings)
	}
}

func TestComputeByChannel(t *testing.T) {
	r := mustCompute(t, handData(), Query{By: "channel"})
	want := map[string][]wantStage{
		"chat":    {{3, 3, 0}, {3, 3, 0}, {1, 1, 0}, {1, 1, 0}},
		"paid":    {{5, 5, 0}, {2, 1, 1}, {2, 2, 0}, {1, 1, 0}},
		"organic": {{2, 1, 1}, {2, 2, 0}, {1, 1, 0}, {0, 0, 0}},
	}
	if len(r.Groups) != 3 {
		t.Fatalf("groups %d", len(r.Groups))
	}
	for _, g := range r.Groups {
		checkStages(t, g.Key, g.Stages, want[g.Key])
	}
	// organic has more MQL marks (2) than Lead marks (1): warned.
	if len(r.Warnings) != 0 || len(r.Groups[2].Warnings) != 1 {
		t.Errorf("warnings %v / %v", r.Warnings, r.Groups[2].Warnings)
	}
}

func TestComputeMonthlyTrend(t *testing.T) {
	r := mustCompute(t, handData(), Query{Period: PeriodMonth})
	if r.Change != "MoM" || len(r.Periods) != 3 || r.Periods[0].Label != "2025-01" || !r.Periods[2].Partial {
		t.Fatalf("periods %+v change %q", r.Periods, r.Change)
	}
	tr := r.Whole.Trend
	entered := []int{4, 3, 3}
	reached := [][]int{{4, 3, 2, 2}, {3, 2, 1, 0}, {3, 2, 1, 0}}
	events := [][]int{{4, 2, 1, 0}, {3, 2, 2, 1}, {2, 2, 1, 1}}
	for p := range tr {
		if tr[p].Entered != entered[p] {
			t.Errorf("%s entered %d, want %d", tr[p].Period, tr[p].Entered, entered[p])
		}
		for k := range 4 {
			if tr[p].Stages[k].Reached != reached[p][k] || tr[p].Stages[k].Events != events[p][k] {
				t.Errorf("%s stage %d reached/events %d/%d, want %d/%d", tr[p].Period, k,
					tr[p].Stages[k].Reached, tr[p].Stages[k].Events, reached[p][k], events[p][k])
			}
		}
	}
	if tr[0].Stages[0].Change != nil {
		t.Error("first period has a change")
	}
	c := tr[1].Stages[0].Change.Events // Lead events 4 -> 3
	if c.Abs != -1 || c.Rel == nil || !near(*c.Rel, -0.25) {
		t.Errorf("lead events MoM %+v", c)
	}
	w := tr[1].Stages[3].Change.Cumulative // Won 2/4 -> 0/3
	if !near(w.Abs, -0.5) || w.Rel == nil || !near(*w.Rel, -1) {
		t.Errorf("won conversion MoM %+v", w)
	}
	if z := tr[2].Stages[3].Change.Cumulative; z.Rel != nil {
		t.Errorf("change from zero has a relative delta %+v", z)
	}
}

func TestComputeWeeksStartOnMondayOrAsSet(t *testing.T) {
	ds := handData()
	r := mustCompute(t, ds, Query{Period: PeriodWeek})
	// 2025-01-05 (r9's lead, the first date) is a Sunday: its Monday week starts 2024-12-30.
	if r.Periods[0].Start != "2024-12-30" || r.WeekStart != "Monday" || r.Change != "WoW" {
		t.Errorf("first week %+v, start %s", r.Periods[0], r.WeekStart)
	}
	r = mustCompute(t, ds, Query{Period: PeriodWeek, WeekStart: 7})
	if r.Periods[0].Start != "2025-01-05" || r.WeekStart != "Sunday" {
		t.Errorf("first Sunday week %+v", r.Periods[0])
	}
	r = mustCompute(t, ds, Query{Period: PeriodQuarter})
	if len(r.Periods) != 1 || r.Periods[0].Label != "2025-Q1" || r.Whole.Trend[0].Entered != 10-1+1 {
		t.Errorf("quarter %+v %+v", r.Periods, r.Whole.Trend)
	}
	r = mustCompute(t, ds, Query{Period: PeriodYear})
	if r.Periods[0].Label != "2025" || r.Periods[0].Days != 365 || r.Change != "YoY" {
		t.Errorf("year %+v", r.Periods)
	}
}

func TestComputeAsOf(t *testing.T) {
	r := mustCompute(t, handData(), Query{AsOf: DayFromCivil(2025, 2, 15)})
	if r.Records != 7 {
		t.Fatalf("records as of 02-15: %d, want 7", r.Records)
	}
	checkStages(t, "as of", r.Whole.Stages, []wantStage{{7, 7, 0}, {3, 3, 0}, {2, 2, 0}, {1, 1, 0}})
	left := []ExitCounts{{Open: 3, Disqualified: 1}, {Open: 1}, {Open: 1}, {Won: 1}}
	for k, w := range left {
		if got := r.Whole.Stages[k].Left; got != w {
			t.Errorf("left at %d as of = %+v, want %+v", k, got, w)
		}
	}
}

func TestComputeFilters(t *testing.T) {
	ds := handData()
	cases := []struct {
		expr string
		want int
	}{
		{"channel=paid", 5},
		{"owner in (ana)", 6},
		{"created>=2025-02", 6},
		{"created=2025-01", 4},
		{"created<2025-02", 4},
		{"created<=2025-01", 4},
		{"sql>=2025-02-01", 3},
		{"channel!=paid owner=ben", 2},
		{"stage>=SQL", 4},
		{"stage=mql", 3},
		{"exit=dq", 3},
		{"reason=price", 1},
		{`owner not in ("ana")`, 4},
		{"created=2025-Q1 and channel=CHAT", 3},
	}
	for _, c := range cases {
		f, err := ParseFilter(c.expr, ds)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		r := mustCompute(t, ds, Query{Filters: []Filter{f}})
		if r.Records != c.want {
			t.Errorf("%s: %d records, want %d", c.expr, r.Records, c.want)
		}
	}
}
