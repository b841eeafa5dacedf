package query_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// TestSignaturePathMatchesMaskPath runs the same queries with row
// signatures (sig.go) and without, and wants identical results: filters,
// as-of dates that cut records, every period, breakdowns large enough to
// need an "(other)" group, and cohorts.
func TestSignaturePathMatchesMaskPath(t *testing.T) {
	ds := propData
	var queries []query.Query
	for _, by := range []string{"", "channel", "company", "campaign"} {
		for _, per := range []query.Period{query.PeriodNone, query.PeriodWeek, query.PeriodMonth, query.PeriodQuarter} {
			for _, asOf := range []int32{0, model.DayFromCivil(2026, 2, 14), model.DayFromCivil(2025, 9, 1)} {
				queries = append(queries, query.Query{By: by, Period: per, AsOf: asOf})
			}
		}
	}
	for i, expr := range propFilters {
		queries = append(queries, query.Query{Filters: []filter.Filter{parse(t, ds, expr)}, By: []string{"segment", "owner", ""}[i%3],
			Period: query.PeriodMonth, AsOf: []int32{0, model.DayFromCivil(2026, 4, 30)}[i%2]})
	}
	for _, q := range queries {
		name := fmt.Sprintf("by=%s period=%v asof=%d filters=%d", q.By, q.Period, q.AsOf, len(q.Filters))
		fast, slow := both(t, ds, func(e *query.Engine) any {
			r, err := e.Compute(q)
			if err != nil {
				t.Fatal(err)
			}
			return r
		})
		if fast != slow {
			t.Fatalf("%s: signature path differs from mask path", name)
		}
		cq := query.CohortQuery{Query: q}
		fast, slow = both(t, ds, func(e *query.Engine) any {
			r, err := e.Cohorts(cq)
			if err != nil {
				return err.Error()
			}
			return r
		})
		if fast != slow {
			t.Fatalf("cohorts %s: signature path differs from mask path", name)
		}
	}
}

// both runs the same work on an engine with row signatures and on one
// without, and returns the two results as JSON.
func both(t *testing.T, ds *model.Dataset, run func(e *query.Engine) any) (fast, slow string) {
	t.Helper()
	js := func(e *query.Engine) string {
		b, err := json.Marshal(run(e))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	return js(engineFor(ds)), js(query.NewMaskPath(ds))
}

// TestVelocityPassMatchesReference compares the velocity pass with the
// first, record-by-record one over filters, as-of dates and breakdowns.
func TestVelocityPassMatchesReference(t *testing.T) {
	ds := propData
	for i, fe := range []string{"", "channel=chat", "segment!=SMB created>=2025-06", "stage>=SQL", "exit=lost"} {
		for _, asOf := range []int32{0, model.DayFromCivil(2026, 3, 31), model.DayFromCivil(2025, 8, 15)} {
			for _, by := range []string{"", "channel", "company"} {
				q := query.Query{By: by, AsOf: asOf, Period: []query.Period{query.PeriodNone, query.PeriodMonth, query.PeriodWeek}[i%3]}
				if fe != "" {
					q.Filters = []filter.Filter{parse(t, ds, fe)}
				}
				ok, err := query.VelocityMatchesReference(ds, q)
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					t.Fatalf("filter %q as of %d by %q: velocity histograms differ from the reference pass:\n%s", fe, asOf, by, query.VelocityDiff(ds, q))
				}
			}
		}
	}
}

// TestManySignatures: a dataset with more distinct signatures than a byte
// holds (300 exit reasons) takes the mask path, as-of dates included.
func TestManySignatures(t *testing.T) {
	src := propData
	ds := *src
	ds.Reason = model.NewDim("reason", ds.Len())
	for i := range ds.Len() {
		r := ""
		if ds.Exit[i] == model.ExitDisqualified || ds.Exit[i] == model.ExitLost {
			r = fmt.Sprintf("reason %d", i%300)
		}
		ds.Reason.Append(r)
	}
	asOf := model.DayFromCivil(2026, 3, 1)
	for _, q := range []query.Query{{By: "channel", Period: query.PeriodMonth}, {AsOf: asOf, Period: query.PeriodWeek}} {
		got := compute(t, &ds, q)
		want := compute(t, src, q)
		for k := range got.Whole.Stages {
			g, w := got.Whole.Stages[k], want.Whole.Stages[k]
			if g.Reached != w.Reached || g.Left != w.Left {
				t.Fatalf("%+v stage %d: %+v, with the original reasons %+v", q, k, g, w)
			}
		}
		if _, err := engineFor(&ds).Velocity(q); err != nil {
			t.Fatal(err)
		}
		if _, err := engineFor(&ds).Cohorts(query.CohortQuery{Query: q}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestStalledMatchesRowByRow checks the one-pass Stalled against a plain
// loop over the records, with the p90s Velocity gives for the same
// selection.
func TestStalledMatchesRowByRow(t *testing.T) {
	ds := propData
	q := query.Query{Filters: []filter.Filter{parse(t, ds, "channel!=chat")}}
	got, err := engineFor(ds).Stalled(q, 40)
	if err != nil {
		t.Fatal(err)
	}
	v, err := engineFor(ds).Velocity(q)
	if err != nil {
		t.Fatal(err)
	}
	_, asOf, _ := ds.DayRange()
	ns := len(ds.Stages)
	type ref struct {
		row  int
		over int32
	}
	var want []ref
	open := make([]int, ns)
	for i := range ds.Len() {
		mask := ds.Reached[i]
		k := ds.Deepest(i)
		kind := ds.Exit[i]
		if (kind == model.ExitWon || kind == model.ExitChurned) && k != ns-1 {
			kind = model.ExitOpen
		}
		if ds.Dim("channel").Value(i) == "chat" || kind != model.ExitOpen || mask == 0 || k >= ns-1 || ds.Days[k][i] == model.NoDay {
			continue
		}
		open[k]++
		p90 := v.Whole.Steps[k].P90Days()
		if p90 < 0 {
			continue
		}
		if over := asOf - ds.Days[k][i] - int32(p90); over > 0 {
			want = append(want, ref{i, over})
		}
	}
	sort.Slice(want, func(a, b int) bool {
		if want[a].over != want[b].over {
			return want[a].over > want[b].over
		}
		return want[a].row < want[b].row
	})
	if got.Total != len(want) {
		t.Fatalf("total %d, row by row %d", got.Total, len(want))
	}
	for k, th := range got.Thresholds {
		if th.Open != open[k] {
			t.Errorf("stage %d: %d open, row by row %d", k, th.Open, open[k])
		}
	}
	for x, r := range got.Records {
		if r.Row != want[x].row || int32(r.AgeDays-r.P90Days) != want[x].over {
			t.Fatalf("record %d: row %d (%d over), row by row %d (%d over)", x, r.Row, r.AgeDays-r.P90Days, want[x].row, want[x].over)
		}
	}
}

// TestCohortsFastPathMatchesRows: the cohort pass from the per-dataset
// times (no as-of cut) gives what counting record by record gives, over
// filters, breakdowns, periods and targets.
func TestCohortsFastPathMatchesRows(t *testing.T) {
	ds := propData
	for _, fe := range []string{"", "channel=chat", "segment!=SMB created>=2025-06", "exit=lost"} {
		for _, by := range []string{"", "channel"} {
			for _, per := range []query.Period{query.PeriodNone, query.PeriodMonth} {
				for _, target := range []string{"", ds.Stages[2]} {
					q := query.CohortQuery{Query: query.Query{By: by, Period: per}, Target: target}
					if fe != "" {
						q.Filters = []filter.Filter{parse(t, ds, fe)}
					}
					fast, slow := both(t, ds, func(e *query.Engine) any {
						r, err := e.Cohorts(q)
						if err != nil {
							t.Fatal(err)
						}
						return r
					})
					if fast != slow {
						t.Fatalf("filter %q by %q period %v target %q: cohorts differ\nfast %s\nrows %s", fe, by, per, target, fast[:min(len(fast), 600)], slow[:min(len(slow), 600)])
					}
				}
			}
		}
	}
}
