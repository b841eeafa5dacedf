package query

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

func ip(v int) *int { return &v }

func eqp(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func TestVelocityHandCounted(t *testing.T) {
	r, err := engineFor(handData()).Velocity(Query{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatal(err)
	}
	// Lead→MQL moved after 5 (r0), 22 (r1), 5 (r5), 5 (r7), 3 (r9) days; r4
	// is open at Lead for 43 days (censored); r2, r6 left. KM: S(3)=5/6,
	// S(5)=1/3, S(22)=1/6, final 1/6, so 5/6 move on; among movers the
	// median is the first day with F >= 0.5·5/6 (day 5), p90 0.9·5/6 (day 22).
	// MQL→SQL moved after 17, 10, 12 days; open r5 (33), r8 (13): S(10)=4/5,
	// S(12)=3/5, S(17)=3/10; p90 at F >= 0.63 is day 17.
	// SQL→Won moved after 28 (r0), 26 (r9); open r7 (5): p90 28.
	// Entry→close: won 50 (r0), 41 (r9); disqualified 39, 5, 4; lost 33;
	// open 43, 38, 20, 13.
	want := []struct {
		moved, open   int
		med, p75, p90 *int
		share         float64
	}{
		{5, 1, ip(5), ip(5), ip(22), 5.0 / 6},
		{3, 2, ip(12), ip(17), ip(17), 0.7},
		{2, 1, ip(26), ip(28), ip(28), 1},
		{6, 4, nil, nil, nil, 0},
	}
	for i, w := range want[:3] {
		s := r.Whole.Steps[i]
		if s.Moved != w.moved || s.Open != w.open || !eqp(s.Median, w.med) || !eqp(s.P75, w.p75) || !eqp(s.P90, w.p90) || !near(s.MoveShare, w.share) {
			t.Errorf("step %s→%s = moved %d open %d median %v p75 %v p90 %v share %v", s.From, s.To, s.Moved, s.Open,
				deref(s.Median), deref(s.P75), deref(s.P90), s.MoveShare)
		}
		if !s.Few {
			t.Errorf("step %d on %d records not flagged few", i, s.Moved)
		}
	}
	// Cycle: events 4,5,33,39,41,50 and censored 13,20,38,43. KM at 4: 9/10,
	// 5: 8/10, (13, 20 censored, 6 at risk) 33: 5/6·8/10 = 2/3, (38 censored,
	// 4 at risk) 39: 1/2, 41: 1/3, (43 censored) 50: 0. Median: F >= 0.5 at 39.
	cy := r.Whole.Steps[3]
	if cy.From != "entry" || cy.To != CycleTo || cy.Moved != 6 || cy.Open != 4 || !eqp(cy.Median, ip(39)) || !eqp(cy.P90, ip(50)) {
		t.Errorf("cycle %+v median %v p90 %v", cy, deref(cy.Median), deref(cy.P90))
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestVelocityByChannelAndMonth(t *testing.T) {
	r, err := engineFor(handData()).Velocity(Query{By: "channel", Period: PeriodMonth})
	if err != nil {
		t.Fatal(err)
	}
	// chat Lead→MQL: r0 5, r1 22, r5 5 days.
	for _, g := range r.Groups {
		if g.Key == "chat" {
			if s := g.Steps[0]; s.Moved != 3 || s.Open != 0 || !eqp(s.Median, ip(5)) || !eqp(s.P90, ip(22)) {
				t.Errorf("chat lead→mql %+v", s)
			}
		}
	}
	// Steps starting in January: Lead→MQL r0 (5), r1 (22), r9 (3); r2 left.
	if s := r.Trend[0].Steps[0]; r.Trend[0].Key != "2025-01" || s.Moved != 3 || !eqp(s.Median, ip(5)) {
		t.Errorf("january lead→mql %+v", s)
	}
}

// TestKaplanMeierBeatsNaiveMedian: four records moved after 1, 2, 3 and
// 10 days; four more have been open 5 days without moving. The naive median
// of the observed times is 2–2.5 days, but four of the eight at risk after
// day 5 moved only at day 10: KM puts the median at 10 days.
func TestKaplanMeierBeatsNaiveMedian(t *testing.T) {
	ev := make([]int32, 11)
	ce := make([]int32, 11)
	ev[1], ev[2], ev[3], ev[10] = 1, 1, 1, 1
	ce[5] = 4
	km := KaplanMeier(ev, ce, 0)
	naive := 2 // lower median of 1, 2, 3, 10
	if !near(km.At(3), 5.0/8) || !near(km.At(9), 5.0/8) || km.At(10) != 0 {
		t.Fatalf("curve %v", km.S)
	}
	med, ok := km.QuantileAmongEvents(0.5)
	if !ok || med != 10 || med == naive {
		t.Fatalf("KM median %d (ok %v); naive %d", med, ok, naive)
	}
	if m, _ := km.Quantile(0.5); m != 10 {
		t.Errorf("unscaled median %d", m)
	}
}

func TestStalledHandCounted(t *testing.T) {
	r, err := engineFor(handData()).Stalled(Query{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	// p90s: Lead 22, MQL 17, SQL 28 days (TestVelocityHandCounted). Open
	// records: r4 at Lead since 02-10 (43 days > 22), r5 at MQL since 02-20
	// (33 > 17), r8 at MQL since 03-12 (13), r7 at SQL since 03-20 (5).
	if r.Total != 2 || len(r.Records) != 2 {
		t.Fatalf("stalled %+v", r)
	}
	a, b := r.Records[0], r.Records[1]
	if a.ID != "r4" || a.Stage != "Lead" || a.AgeDays != 43 || a.P90Days != 22 || a.Since != "2025-02-10" {
		t.Errorf("first %+v", a)
	}
	if b.ID != "r5" || b.Stage != "MQL" || b.AgeDays != 33 || b.P90Days != 17 || b.Row != 5 {
		t.Errorf("second %+v", b)
	}
	th := r.Thresholds
	if th[0].Open != 1 || th[0].Stalled != 1 || th[1].Open != 2 || th[1].Stalled != 1 || th[2].Open != 1 || th[2].Stalled != 0 {
		t.Errorf("thresholds %+v", th)
	}
}

func TestCohortsMonthlyWithMaturity(t *testing.T) {
	r, err := engineFor(handData()).Cohorts(CohortQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatal(err)
	}
	// Entry→Won: converters at 41 (r9) and 50 (r0) days; never: r1, r2, r3,
	// r6; open (censored): r8 13, r7 20, r5 38, r4 43. KM: S(41)=6/7,
	// S(50)=24/35, so F=11/35 and the p90 among converters is day 50.
	if r.MatureAfterDays == nil || *r.MatureAfterDays != 50 || r.Target != "Won" || r.Period != "month" {
		t.Fatalf("mature after %v target %s", deref(r.MatureAfterDays), r.Target)
	}
	want := []struct {
		period          string
		size, conv, age int
		immature        bool
		observed, est   float64
	}{
		{"2025-01", 4, 2, 53, false, 0.5, 0.5},
		// r4 (43 days): (6/7-24/35)/(6/7) = 1/5; r5 (38 days): 11/35.
		{"2025-02", 3, 0, 25, true, 0, (0.2 + 11.0/35) / 3},
		// r7 (20), r8 (13): 11/35 each.
		{"2025-03", 3, 0, 0, true, 0, 22.0 / 105},
	}
	if len(r.Cohorts) != 3 {
		t.Fatalf("cohorts %+v", r.Cohorts)
	}
	for i, w := range want {
		c := r.Cohorts[i]
		if c.Period != w.period || c.Size != w.size || c.Converted != w.conv || c.AgeDays != w.age || c.Immature != w.immature ||
			!near(c.Observed, w.observed) || !near(c.Estimated, w.est) {
			t.Errorf("cohort %d = %+v, want %+v", i, c, w)
		}
	}
	// The young February cohort converts 0% so far; the estimate is not 0.
	if r.Cohorts[1].Estimated <= r.Cohorts[1].Observed {
		t.Error("immature cohort estimated no better than observed")
	}
}

func TestCohortsByKey(t *testing.T) {
	r, err := engineFor(handData()).Cohorts(CohortQuery{Query: Query{By: "channel"}, Target: "SQL"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Cohort{}
	for _, c := range r.Cohorts {
		got[c.Key] = c
	}
	// chat: r0 reached SQL; r1 dq; r5 open. paid: r3, r9 reached SQL.
	if c := got["chat"]; c.Size != 3 || c.Converted != 1 || c.Open != 1 || c.AgeDays != int(model.DayFromCivil(2025, 3, 25)-model.DayFromCivil(2025, 2, 15)) {
		t.Errorf("chat %+v", c)
	}
	if c := got["paid"]; c.Size != 5 || c.Converted != 2 || c.Open != 1 {
		t.Errorf("paid %+v", c)
	}
}

func TestStalledLimitKeepsMostOverdue(t *testing.T) {
	r, err := engineFor(handData()).Stalled(Query{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	// r4 is 21 days past its p90, r5 16.
	if r.Total != 2 || len(r.Records) != 1 || r.Records[0].ID != "r4" {
		t.Errorf("%+v", r)
	}
}

// TestComputeAgreesWithFunnel cross-checks the engine against the
// foundation's independent counter, on 6 stages (mask histogram path) and
// on 10 (per-stage path).
func TestComputeAgreesWithFunnel(t *testing.T) {
	X := model.NoDay
	rows := [][]int32{}
	for i := range 300 {
		r := make([]int32, 10)
		for k := range r {
			r[k] = X
			if (i*7+k*13)%(k+2) != 0 {
				r[k] = model.DayFromCivil(2025, 1, 1) + int32(i%90+k*3)
			}
		}
		rows = append(rows, r)
	}
	for _, ns := range []int{6, 10} {
		names := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}[:ns]
		sub := make([][]int32, len(rows))
		for i, r := range rows {
			sub[i] = r[:ns]
		}
		ds := tiny(names, sub)
		want := engineFor(ds).Funnel(FunnelOptions{AsOf: model.NoDay})
		got, err := engineFor(ds).Compute(Query{Period: PeriodMonth})
		if err != nil {
			t.Fatal(err)
		}
		for k := range names {
			w, g := want.Stages[k], got.Whole.Stages[k]
			if w.Reached != g.Reached || w.Implied != g.Implied {
				t.Errorf("%d stages, %s: engine %d/%d, ComputeFunnel %d/%d", ns, names[k], g.Reached, g.Implied, w.Reached, w.Implied)
			}
			ev := 0
			for _, row := range got.Whole.Trend {
				ev += row.Stages[k].Events
			}
			me := 0
			for _, m := range want.Stages[k].Monthly {
				me += m
			}
			if ev != me {
				t.Errorf("%d stages, %s: %d events, ComputeFunnel %d", ns, names[k], ev, me)
			}
		}
		if len(want.Warnings) != len(got.Warnings) {
			t.Errorf("warnings %v vs %v", got.Warnings, want.Warnings)
		}
	}
}

func TestNoDatesAndEmpty(t *testing.T) {
	ds := handData()
	ds.HasDates = false
	r, err := engineFor(ds).Compute(Query{By: "owner"})
	if err != nil || r.Records != 10 || r.Whole.Stages[3].Reached != 2 {
		t.Fatalf("no dates: %v %+v", err, r)
	}
	if _, err := engineFor(ds).Compute(Query{Period: PeriodMonth}); err == nil {
		t.Error("periods without dates")
	}
	if _, err := engineFor(ds).Velocity(Query{}); err == nil {
		t.Error("velocity without dates")
	}
	empty := tiny([]string{"Lead", "Won"}, nil)
	r, err = engineFor(empty).Compute(Query{Period: PeriodMonth})
	if err == nil {
		t.Errorf("periods on an empty dataset: %+v", r)
	}
	r, err = engineFor(empty).Compute(Query{})
	if err != nil || r.Records != 0 || r.Whole.Stages[1].Cumulative != 0 {
		t.Errorf("empty: %v %+v", err, r)
	}
	if _, err := engineFor(handData()).Compute(Query{By: "chanel"}); err == nil || !strings.Contains(err.Error(), `did you mean "channel"`) {
		t.Errorf("unknown by: %v", err)
	}
}
