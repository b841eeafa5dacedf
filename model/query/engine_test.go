package query

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

func ip(v int) *int { return &v }

func fp(v float64) *float64 { return &v }

func eqp[T int | float64](a, b *T) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func TestVelocityHandCounted(t *testing.T) {
	r, err := engineFor(handData()).Velocity(Query{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatal(err)
	}
	// Lead→MQL moved after 3 (r9), 5 (r0, r5, r7) and 22 (r1) days; r2
	// and r6 left after 5 and 4 days (competing); r4 is open at Lead for 43
	// days (censored). Aalen–Johansen, F the incidence of moving on:
	//	d3: 8 at risk, F = 1/8, S = 7/8
	//	d4: 7 at risk, one left, S = 6/8
	//	d5: 6 at risk, 3 moved, 1 left: F = 1/8 + 6/8·3/6 = 4/8, S = 2/8
	//	d22: 2 at risk: F = 4/8 + 2/8·1/2 = 5/8
	// so 5/8 move on. Quantiles among movers, each day's moves spread over
	// the day: median at F = 5/16, day 5 + (5/16 − 1/8)/(3/8) = 5.5; p75
	// at 15/32: 5.9; p90 at 9/16, day 22 + (9/16 − 4/8)/(1/8) = 22.5.
	// MQL→SQL moved after 10 (r7), 12 (r9), 17 (r0) days; r1 left after 17;
	// open r8 (13), r5 (33): F(10) = 3/18, F(12) = 6/18, then 3 at risk at
	// day 17: F = 6/18 + 4/6·1/3 = 10/18. Median at 5/18: 12.7; p75 17.4;
	// p90 17.8.
	// SQL→Won moved after 26 (r9), 28 (r0); r3 left after 18; open r7 (5):
	// F(26) = 2/3·1/2 = 1/3, F(28) = 2/3. Median 27, p75 28.5, p90 28.8.
	// Entry→close: won 50 (r0), 41 (r9); disqualified 39, 5, 4; lost 33;
	// open 43, 38, 20, 13.
	want := []struct {
		moved, open, left int
		med, p75, p90     *float64
		share             float64
	}{
		{5, 1, 2, fp(5.5), fp(5.9), fp(22.5), 5.0 / 8},
		{3, 2, 1, fp(12.7), fp(17.4), fp(17.8), 10.0 / 18},
		{2, 1, 1, fp(27), fp(28.5), fp(28.8), 2.0 / 3},
	}
	for i, w := range want {
		s := r.Whole.Steps[i]
		if s.Moved != w.moved || s.Open != w.open || s.Left != w.left || !eqp(s.Median, w.med) || !eqp(s.P75, w.p75) || !eqp(s.P90, w.p90) || !near(s.MoveShare, w.share) {
			t.Errorf("step %s→%s = moved %d open %d left %d median %v p75 %v p90 %v share %v", s.From, s.To, s.Moved, s.Open, s.Left,
				deref(s.Median), deref(s.P75), deref(s.P90), s.MoveShare)
		}
		if !s.Few {
			t.Errorf("step %d on %d records not flagged few", i, s.Moved)
		}
	}
	// Cycle: events 4,5,33,39,41,50 and censored 13,20,38,43 (closing is
	// the event, nothing competes). KM at 4: 9/10, 5: 8/10, (13, 20
	// censored, 6 at risk) 33: 5/6·8/10 = 2/3, (38 censored, 4 at risk) 39:
	// 1/2, 41: 1/3, (43 censored) 50: 0. Median: F reaches 0.5 at the end of
	// day 39, 39 + (1/2 − 1/3)/(1/2 − 1/3) = 40; p90 50 + (0.9 − 2/3)·3 = 50.7.
	cy := r.Whole.Steps[3]
	if cy.From != "entry" || cy.To != CycleTo || cy.Moved != 6 || cy.Open != 4 || !eqp(cy.Median, fp(40)) || !eqp(cy.P90, fp(50.7)) {
		t.Errorf("cycle %+v median %v p90 %v", cy, deref(cy.Median), deref(cy.P90))
	}
}

func deref[T any](p *T) any {
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
	// chat Lead→MQL: r0 5, r1 22, r5 5 days: F(5) = 2/3, F(22) = 1;
	// median 5 + 0.5/(2/3) = 5.75, p90 22 + (0.9 − 2/3)·3 = 22.7.
	for _, g := range r.Groups {
		if g.Key == "chat" {
			if s := g.Steps[0]; s.Moved != 3 || s.Open != 0 || !eqp(s.Median, fp(5.8)) || !eqp(s.P90, fp(22.7)) {
				t.Errorf("chat lead→mql %+v", s)
			}
		}
	}
	// Steps starting in January: Lead→MQL r0 (5), r1 (22), r9 (3); r2 left
	// after 5: F(3) = 1/4, F(5) = 1/2, F(22) = 3/4; median at 3/8: 5.5.
	if s := r.Trend[0].Steps[0]; r.Trend[0].Key != "2025-01" || s.Moved != 3 || s.Left != 1 || !eqp(s.Median, fp(5.5)) {
		t.Errorf("january lead→mql %+v", s)
	}
}

// TestCensoringBeatsNaiveMedian: four records moved after 1, 2, 3 and 10
// days; four more have been open 5 days without moving. The naive median of
// the observed times is 2–2.5 days, but four of the five at risk after day 5
// moved only at day 10: the estimate (Aalen–Johansen with one cause, i.e.
// Kaplan–Meier) puts the median in day 10.
func TestCensoringBeatsNaiveMedian(t *testing.T) {
	ev := make([]int32, 11)
	ce := make([]int32, 11)
	ev[1], ev[2], ev[3], ev[10] = 1, 1, 1, 1
	ce[5] = 4
	inc := stats.AalenJohansen([][]int32{ev}, ce)
	if !near(inc.Survival(3), 5.0/8) || !near(inc.Survival(9), 5.0/8) || inc.Survival(10) != 0 {
		t.Fatalf("curve %v", inc.S)
	}
	med, ok := inc.Quantile(0, 0.5)
	if !ok || med < 10 || med >= 11 {
		t.Fatalf("median %v (ok %v); naive 2", med, ok)
	}
}

func TestStalledHandCounted(t *testing.T) {
	r, err := engineFor(handData()).Stalled(Query{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	// p90s in whole days: Lead 23 (22.5), MQL 18 (17.8), SQL 29 (28.8)
	// (TestVelocityHandCounted). Open records: r4 at Lead since 02-10 (43
	// days > 23), r5 at MQL since 02-20 (33 > 18), r8 at MQL since 03-12
	// (13), r7 at SQL since 03-20 (5).
	if r.Total != 2 || len(r.Records) != 2 {
		t.Fatalf("stalled %+v", r)
	}
	a, b := r.Records[0], r.Records[1]
	if a.ID != "r4" || a.Stage != "Lead" || a.AgeDays != 43 || a.P90Days != 23 || a.Since != "2025-02-10" {
		t.Errorf("first %+v", a)
	}
	if b.ID != "r5" || b.Stage != "MQL" || b.AgeDays != 33 || b.P90Days != 18 || b.Row != 5 {
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
	// Entry→Won: won after 41 (r9) and 50 (r0) days; left after 4 (r6),
	// 5 (r2), 33 (r3), 39 (r1), competing; open (censored): r8 13, r7 20,
	// r5 38, r4 43. Aalen–Johansen: S(5) = 8/10, S(33) = 8/10·5/6 = 2/3,
	// S(39) = 2/3·3/4 = 1/2; won at 41: F = 1/2·1/3 = 1/6, S = 1/3; at
	// 50: F = 1/6 + 1/3 = 1/2. The p90 among winners, at F = 0.45, is day
	// 50 + (0.45 − 1/6)/(1/3) = 50.85: 51 whole days.
	if r.MatureAfterDays == nil || *r.MatureAfterDays != 51 || r.Target != "Won" || r.Period != "month" {
		t.Fatalf("mature after %v target %s", deref(r.MatureAfterDays), r.Target)
	}
	want := []struct {
		period          string
		size, conv, age int
		immature        bool
		observed, est   float64
	}{
		{"2025-01", 4, 2, 53, false, 0.5, 0.5},
		// still open, the chance to win later is (1/2 − F(age))/S(age):
		// r4 (43 days) (1/2 − 1/6)/(1/3) = 1, r5 (38 days) (1/2)/(2/3) = 3/4.
		{"2025-02", 3, 0, 25, true, 0, (1 + 0.75) / 3},
		// r7 (20), r8 (13): (1/2)/(8/10) = 5/8 each.
		{"2025-03", 3, 0, 0, true, 0, 1.25 / 3},
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
		want := referenceFunnel(ds, FunnelOptions{AsOf: model.NoDay})
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
