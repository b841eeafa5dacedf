package query_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// propData is large enough (40k rows) that queries run on both cores.
var propData = demo.Generate(demo.Options{Rows: 40_000, Seed: 7})

var testEngines sync.Map // *model.Dataset -> *query.Engine

// engineFor is one engine per test dataset, as the explorer has one.
func engineFor(ds *model.Dataset) *query.Engine {
	if e, ok := testEngines.Load(ds); ok {
		return e.(*query.Engine)
	}
	e, _ := testEngines.LoadOrStore(ds, query.New(ds))
	return e.(*query.Engine)
}

func compute(t *testing.T, ds *model.Dataset, q query.Query) *query.Result {
	t.Helper()
	r, err := engineFor(ds).Compute(q)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func parse(t *testing.T, ds *model.Dataset, expr string) filter.Filter {
	t.Helper()
	f, err := filter.Parse(expr, ds)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var propFilters = []string{
	"channel=chat", "channel!=paid_social", "segment in (SMB,Enterprise)", "created>=2025-06",
	"created<2026-03", "sql>=2026-01", "stage>=SAL", "exit=lost", "reason in (Price,\"Not ICP\")",
	`owner="Ana Silva"`, "campaign not in (blog,docs)", "opportunity<=2026-Q2",
}

func TestPropertyCountsNeverRise(t *testing.T) {
	ds := propData
	for _, by := range append(ds.DimNames()[:4], "") {
		for _, per := range []query.Period{query.PeriodNone, query.PeriodMonth, query.PeriodWeek} {
			r := compute(t, ds, query.Query{By: by, Period: per})
			for _, s := range append(r.Groups, r.Whole) {
				for k := 1; k < len(s.Stages); k++ {
					if s.Stages[k].Reached > s.Stages[k-1].Reached {
						t.Fatalf("by %s: %s reached %d > %s %d", by, s.Stages[k].Name, s.Stages[k].Reached, s.Stages[k-1].Name, s.Stages[k-1].Reached)
					}
					if s.Stages[k].Implied < 0 {
						t.Fatalf("negative implied %+v", s.Stages[k])
					}
				}
				for _, row := range s.Trend {
					for k := 1; k < len(row.Stages); k++ {
						if row.Stages[k].Reached > row.Stages[k-1].Reached {
							t.Fatalf("by %s %s: cohort counts rise at stage %d", by, row.Period, k)
						}
					}
				}
			}
		}
	}
}

func TestPropertySlicesSumToWhole(t *testing.T) {
	ds := propData
	for _, by := range ds.DimNames() {
		for _, maxGroups := range []int{0, 3} {
			r := compute(t, ds, query.Query{By: by, Period: query.PeriodQuarter, MaxGroups: maxGroups,
				AsOf: model.DayFromCivil(2026, 8, 31)})
			ns := len(r.Stages)
			sum := make([]query.StageStats, ns)
			records := 0
			trend := make([][2]int, len(r.Periods)*ns)
			for _, g := range r.Groups {
				records += g.Records
				for k, s := range g.Stages {
					sum[k].Reached += s.Reached
					sum[k].Marked += s.Marked
					sum[k].Left.Open += s.Left.Open
					sum[k].Left.Disqualified += s.Left.Disqualified
					sum[k].Left.Lost += s.Left.Lost
					sum[k].Left.Won += s.Left.Won
					sum[k].Left.Churned += s.Left.Churned
				}
				for p, row := range g.Trend {
					for k, s := range row.Stages {
						trend[p*ns+k][0] += s.Reached
						trend[p*ns+k][1] += s.Events
					}
				}
			}
			if records != r.Records {
				t.Fatalf("by %s: groups hold %d records, whole %d", by, records, r.Records)
			}
			for k, s := range r.Whole.Stages {
				if s.Reached != sum[k].Reached || s.Marked != sum[k].Marked || s.Left != sum[k].Left {
					t.Fatalf("by %s (max %d) stage %d: sum %+v whole %+v", by, maxGroups, k, sum[k], s)
				}
			}
			for p, row := range r.Whole.Trend {
				for k, s := range row.Stages {
					if s.Reached != trend[p*ns+k][0] || s.Events != trend[p*ns+k][1] {
						t.Fatalf("by %s period %d stage %d: sums %v whole %d/%d", by, p, k, trend[p*ns+k], s.Reached, s.Events)
					}
				}
			}
			if maxGroups == 3 && len(ds.Dim(by).Values) > 3 && len(r.Groups) > 3 {
				t.Fatalf("by %s: %d groups with max 3", by, len(r.Groups))
			}
		}
	}
}

func TestPropertyFiltersCommute(t *testing.T) {
	ds := propData
	rng := rand.New(rand.NewPCG(1, 2))
	for range 12 {
		a := propFilters[rng.IntN(len(propFilters))]
		b := propFilters[rng.IntN(len(propFilters))]
		q := query.Query{By: "channel", Period: query.PeriodMonth}
		q1, q2, q3 := q, q, q
		q1.Filters = []filter.Filter{parse(t, ds, a), parse(t, ds, b)}
		q2.Filters = []filter.Filter{parse(t, ds, b), parse(t, ds, a)}
		q3.Filters = []filter.Filter{parse(t, ds, a+" "+b)}
		r1, r2, r3 := compute(t, ds, q1), compute(t, ds, q2), compute(t, ds, q3)
		r1.Filter, r2.Filter, r3.Filter = "", "", ""
		if !reflect.DeepEqual(r1, r2) || !reflect.DeepEqual(r1, r3) {
			t.Fatalf("%s and %s do not commute", a, b)
		}
		ra := compute(t, ds, query.Query{Filters: []filter.Filter{parse(t, ds, a)}})
		if r1.Records > ra.Records {
			t.Fatalf("%s %s selects more (%d) than %s alone (%d)", a, b, r1.Records, a, ra.Records)
		}
	}
}

func TestPropertyAsOf(t *testing.T) {
	ds := propData
	full := compute(t, ds, query.Query{By: "segment", Period: query.PeriodMonth})
	late := compute(t, ds, query.Query{By: "segment", Period: query.PeriodMonth, AsOf: model.DayFromCivil(2030, 1, 1)})
	late.AsOf = full.AsOf
	if !reflect.DeepEqual(full.Whole.Stages, late.Whole.Stages) {
		t.Fatal("as of a date after the data differs from no as-of")
	}
	prev := 0
	prevWon := 0
	for _, m := range []int{3, 6, 9, 12} {
		r := compute(t, ds, query.Query{AsOf: model.DayFromCivil(2026, m, 1)})
		won := r.Whole.Stages[len(r.Stages)-1].Reached
		if r.Records < prev || won < prevWon {
			t.Fatalf("as of 2026-%02d: %d records / %d won, fewer than earlier %d / %d", m, r.Records, won, prev, prevWon)
		}
		prev, prevWon = r.Records, won
	}
}

// TestPropertyMatchesRowByRow checks the block pass against a plain loop.
func TestPropertyMatchesRowByRow(t *testing.T) {
	ds := propData
	asOf := model.DayFromCivil(2026, 5, 20)
	f := parse(t, ds, "segment!=Enterprise created>=2025-03")
	r := compute(t, ds, query.Query{Filters: []filter.Filter{f}, By: "channel", AsOf: asOf})
	ns := len(ds.Stages)
	want := map[string][]int{}
	for i := 0; i < ds.Len(); i++ {
		mask := ds.Reached[i]
		entry := model.NoDay
		for k := 0; k < ns; k++ {
			if mask&(1<<k) == 0 {
				continue
			}
			if d := ds.Days[k][i]; d > asOf {
				mask &^= 1 << k
			} else if entry == model.NoDay {
				entry = d
			}
		}
		if mask == 0 || ds.Dims[2].Value(i) == "Enterprise" || entry < model.DayFromCivil(2025, 3, 1) {
			continue
		}
		key := ds.Dim("channel").Value(i)
		if want[key] == nil {
			want[key] = make([]int, ns)
		}
		for k := 0; k < ns && k < 16; k++ {
			if mask>>k != 0 {
				want[key][k]++
			}
		}
	}
	for _, g := range r.Groups {
		got := make([]int, ns)
		for k, s := range g.Stages {
			got[k] = s.Reached
		}
		if fmt.Sprint(got) != fmt.Sprint(want[g.Key]) {
			t.Errorf("%s: %v, row by row %v", g.Key, got, want[g.Key])
		}
	}
}

func TestPropertyEngineRunsOnDemo(t *testing.T) {
	ds := propData
	v, err := engineFor(ds).Velocity(query.Query{By: "channel", Period: query.PeriodQuarter})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range v.Whole.Steps {
		if s.Median == nil || s.P90 == nil || *s.Median > *s.P90 {
			t.Errorf("step %s→%s median %v p90 %v", s.From, s.To, s.Median, s.P90)
		}
	}
	c, err := engineFor(ds).Cohorts(query.CohortQuery{})
	if err != nil {
		t.Fatal(err)
	}
	n := len(c.Cohorts)
	if n < 20 || c.Cohorts[0].Immature || !c.Cohorts[n-1].Immature {
		t.Errorf("cohorts: %d, first immature %v, last immature %v", n, c.Cohorts[0].Immature, c.Cohorts[n-1].Immature)
	}
	for _, co := range c.Cohorts {
		if co.Estimated+1e-9 < co.Observed {
			t.Errorf("cohort %s estimate %.3f below observed %.3f", co.Period, co.Estimated, co.Observed)
		}
	}
	s, err := engineFor(ds).Stalled(query.Query{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if s.Total == 0 || len(s.Records) != 10 {
		t.Errorf("stalled total %d listed %d", s.Total, len(s.Records))
	}
}

func TestPropertyStalledTopMatchesFullList(t *testing.T) {
	ds := propData
	all, err := engineFor(ds).Stalled(query.Query{By: "channel"}, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	top, err := engineFor(ds).Stalled(query.Query{By: "channel"}, 25)
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != len(all.Records) || top.Total != all.Total || !reflect.DeepEqual(top.Records, all.Records[:25]) {
		t.Fatalf("top 25 of %d differ from the full list", all.Total)
	}
}
