package query

import (
	"encoding/json"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/internal/fixture"
	"github.com/funnel-cli/funnel/model/query/filter"
)

func handData() *model.Dataset { return fixture.Hand() }

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

func mustCompute(t *testing.T, ds *model.Dataset, q Query) *Result {
	t.Helper()
	r, err := engineFor(ds).Compute(q)
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
	r := mustCompute(t, handData(), Query{AsOf: model.DayFromCivil(2025, 2, 15)})
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
		f, err := filter.Parse(c.expr, ds)
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		r := mustCompute(t, ds, Query{Filters: []filter.Filter{f}})
		if r.Records != c.want {
			t.Errorf("%s: %d records, want %d", c.expr, r.Records, c.want)
		}
	}
}
