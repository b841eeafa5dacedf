package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/plan"
)

// tiny is four records over stages A, B, C:
//
//	r0 x: A day 0, B day 2, C day 10
//	r1 x: A day 0, B day 4
//	r2 y: A day 1
//	r3 y: only C marked (day 20): A and B implied
func tiny() *model.Dataset {
	n := model.NoDay
	ch := model.NewDim("channel", 4)
	for _, v := range []string{"x", "x", "y", "y"} {
		ch.Append(v)
	}
	return &model.Dataset{
		Stages:   []string{"A", "B", "C"},
		Days:     [][]int32{{0, 0, 1, n}, {2, 4, n, n}, {10, n, n, 20}},
		Reached:  []uint16{0b111, 0b011, 0b001, 0b100},
		Dims:     []*model.Dim{ch},
		Exit:     make([]model.ExitKind, 4),
		ExitDay:  []int32{n, n, n, n},
		HasDates: true,
		Load:     model.LoadInfo{Files: []string{"tiny.csv"}, Read: 4, Used: 4},
	}
}

func TestStagesHandComputed(t *testing.T) {
	r, err := Build(tiny(), Options{By: "channel"})
	if err != nil {
		t.Fatal(err)
	}
	// reached: A 4, B 3 (r0 r1 r3), C 2 (r0 r3); implied: A 1 (r3), B 1 (r3), C 0
	want := []struct {
		reached, implied, prev int
		step, top              float64
		median                 float64 // -1: null
		timed                  int
	}{
		{4, 1, 4, 1, 1, -1, 0},
		// gaps 2 and 4, r2 open at A for 19 days: F(2) = 1/3, F(4) = 2/3;
		// among the 2/3 that move on, half by the end of day 2 (each day's
		// moves spread over the day): 3.0
		{3, 1, 4, 0.75, 0.75, 3, 2},
		// r0 moved after 8 days, r1 open at B for 16: F(8) = 1/2, the
		// median among movers half-way through day 8
		{2, 0, 3, 2.0 / 3, 0.5, 8.5, 1},
	}
	for k, w := range want {
		s := r.Stages[k]
		if s.Reached != w.reached || s.Implied != w.implied || s.PreviousReached != w.prev ||
			s.ConversionFromPrevious != w.step || s.ConversionFromTop != w.top || s.TimedFromPrevious != w.timed {
			t.Errorf("stage %d: got %+v, want %+v", k, s, w)
		}
		if (w.median < 0) != (s.MedianDaysFromPrevious == nil) || (w.median >= 0 && *s.MedianDaysFromPrevious != w.median) {
			t.Errorf("stage %d median: got %v, want %v", k, s.MedianDaysFromPrevious, w.median)
		}
	}
	if r.Denominators != (Denominators{Records: 4, TopStage: "A", TopReached: 4}) {
		t.Errorf("denominators %+v", r.Denominators)
	}
	b := r.Breakdown
	if b == nil || len(b.Groups) != 2 {
		t.Fatalf("breakdown %+v", b)
	}
	x, y := b.Groups[0], b.Groups[1]
	if x.Value != "x" || x.Records != 2 || !eqInts(x.Reached, []int{2, 2, 1}) || !x.Small {
		t.Errorf("group x %+v", x)
	}
	if y.Value != "y" || !eqInts(y.Reached, []int{2, 1, 1}) || y.ConversionFromTop[1] != 0.5 {
		t.Errorf("group y %+v", y)
	}
	// velocity C from B: one record, 8 days (spread over day 8), r1 open
	if v := r.Velocity[1]; v.Records != 1 || v.Open != 1 || *v.MedianDays != 8.5 || *v.P90Days != 8.9 {
		t.Errorf("velocity %+v", v)
	}
}

func TestWhereFilters(t *testing.T) {
	r, err := Build(tiny(), Options{Where: []string{"channel=y"}, Sections: []string{SecStages}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Denominators.Records != 2 || r.Stages[1].Reached != 1 || r.Stages[2].Reached != 1 || r.Filters[0] != "channel=y" {
		t.Fatalf("filtered: %+v %+v", r.Denominators, r.Stages)
	}
	r, _ = Build(tiny(), Options{Where: []string{"channel!=y"}})
	if r.Denominators.Records != 2 || r.Stages[2].Reached != 1 {
		t.Fatalf("not-filter: %+v", r.Stages)
	}
	for _, o := range []Options{
		{Where: []string{"nope=y"}},
		{Where: []string{"channel=zzz"}},
		{Where: []string{"channel="}},
		{By: "nope"},
		{Sections: []string{SecBreakdown}},
	} {
		if _, err := Build(tiny(), o); err == nil {
			t.Errorf("%+v: want an error", o)
		}
	}
}

func TestParseSections(t *testing.T) {
	s, err := ParseSections(" stages, Velocity,stages")
	if err != nil || len(s) != 2 || s[1] != SecVelocity {
		t.Fatalf("%v %v", s, err)
	}
	for _, bad := range []string{"", "nope", "cohort"} {
		if _, err := ParseSections(bad); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

func demoReport(t *testing.T) *Report {
	t.Helper()
	ds := demo.Generate(demo.Options{Rows: 5000})
	r, err := Build(ds, Options{By: "channel", Spend: demo.Spend(ds), Target: plan.Target{Customers: 30, Period: "quarter"},
		Sections: []string{SecStages, SecBreakdown, SecCohorts, SecTrends, SecVelocity, SecStickyPoints, SecMoney, SecPlan}})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestGolden pins every format; CSV is one file per table (what
// `funnel report --format csv --out DIR` writes), named by Table.Name.
func TestGolden(t *testing.T) {
	r := demoReport(t)
	for _, f := range Formats {
		if f == FormatCSV {
			continue
		}
		t.Run(f, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, r, f, Layout{Width: 100}); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
	seen := map[string]bool{}
	for _, tb := range r.Tables() {
		if seen[tb.Name] || tb.Name == "" {
			t.Errorf("table %q: name %q is empty or not unique", tb.Title, tb.Name)
		}
		seen[tb.Name] = true
		t.Run("csv_"+tb.Name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteCSVTable(&b, tb); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
	var b bytes.Buffer
	var te *CSVTablesError
	if err := WriteCSV(&b, r); !errors.As(err, &te) || !strings.Contains(err.Error(), "--out DIR") || b.Len() > 0 {
		t.Errorf("WriteCSV of %d tables: %v, wrote %d bytes", len(r.Tables()), err, b.Len())
	}
}

// TestJSONSchema checks that every documented key is present with its type.
func TestJSONSchema(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, demoReport(t)); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	const (
		num, str, arr, obj, boolean, null = "number", "string", "array", "object", "bool", "null"
	)
	checkKeys(t, "", m, map[string]string{"schema_version": num, "source": obj, "demo": boolean, "window": obj, "as_of": str,
		"filters": arr, "masked": boolean, "denominators": obj, "immature_cohorts": arr, "maturity_rule": str,
		"warnings": arr, "sections": arr, "stages": arr, "breakdown": obj, "cohorts": obj, "trends": obj,
		"velocity": arr, "times_note": str, "sticky_points": arr, "money": obj, "customers": null, "segments": null, "plan": obj})
	pl := m["plan"].(map[string]any)
	checkKeys(t, "plan", pl, map[string]string{"as_of": str, "currency": str, "target": obj, "target_text": str, "target_default": boolean,
		"reverse": obj, "dimension": str, "months": num, "models": arr, "now": obj, "levers": arr, "ranking": arr,
		"rank_from": str, "rank_to": str, "notes": arr})
	rv := pl["reverse"].(map[string]any)
	for _, k := range []string{"customers", "leads", "budget", "budget_low", "budget_high"} {
		if _, ok := rv[k].(float64); !ok {
			t.Errorf("plan.reverse.%s: %v, want a number", k, rv[k])
		}
	}
	if st := rv["stages"].([]any)[0].(map[string]any); st["low"] == nil || st["high"] == nil || st["needed"] == nil {
		t.Errorf("plan.reverse.stages[0]: %v", st)
	}
	mon := m["money"].(map[string]any)
	checkKeys(t, "money", mon, map[string]string{"currency": str, "deals": obj, "unit_economics": obj,
		"by_currency": arr, "notes": arr})
	deals := mon["deals"].(map[string]any)
	for _, k := range []string{"created", "open", "won", "lost", "open_pipeline", "won_revenue", "asp",
		"win_rate_closed", "win_rate_created", "sales_cycle_median_days", "cycle_deals", "lost_value"} {
		if _, ok := deals[k].(float64); !ok {
			t.Errorf("money.deals.%s: %v, want a number", k, deals[k])
		}
	}
	ue := mon["unit_economics"].(map[string]any)
	for _, k := range []string{"window_from", "window_to", "as_of", "by", "currency"} {
		if _, ok := ue[k].(string); !ok {
			t.Errorf("money.unit_economics.%s: %v, want a string", k, ue[k])
		}
	}
	if tot, ok := ue["total"].(map[string]any); !ok || tot["cac"] == nil || tot["spend"] == nil {
		t.Errorf("money.unit_economics.total: %v", ue["total"])
	}
	checkKeys(t, "source", m["source"].(map[string]any), map[string]string{"files": arr, "rows_read": num,
		"rows_used": num, "rows_skipped": num, "problems": arr, "decisions": arr, "notes": arr})
	checkKeys(t, "window", m["window"].(map[string]any), map[string]string{"from": str, "to": str,
		"has_dates": boolean, "dates_inferred": boolean})
	checkKeys(t, "denominators", m["denominators"].(map[string]any), map[string]string{"records": num,
		"top_stage": str, "top_reached": num})
	stage := func(i int) map[string]any { return m["stages"].([]any)[i].(map[string]any) }
	sk := map[string]string{"name": str, "reached": num, "implied": num, "previous_reached": num,
		"conversion_from_previous": num, "conversion_from_top": num, "median_days_from_previous": num,
		"timed_from_previous": num, "stage_unknown": num}
	checkKeys(t, "stages[1]", stage(1), sk)
	sk["median_days_from_previous"] = null
	checkKeys(t, "stages[0]", stage(0), sk)
	bd := m["breakdown"].(map[string]any)
	checkKeys(t, "breakdown", bd, map[string]string{"dimension": str, "stages": arr, "min_records": num,
		"other_values": num, "groups": arr})
	checkKeys(t, "breakdown.groups[0]", bd["groups"].([]any)[0].(map[string]any), map[string]string{"value": str,
		"records": num, "reached": arr, "conversion_from_top": arr, "small": boolean})
	checkKeys(t, "trends", m["trends"].(map[string]any), map[string]string{"period": str, "change": str, "periods": arr, "stages": arr})
	co := m["cohorts"].(map[string]any)
	checkKeys(t, "cohorts", co, map[string]string{"period": str, "target": str, "stages": arr,
		"mature_after_days": num, "stage_mature_after_days": arr, "method": str, "rows": arr, "undated": num})
	checkKeys(t, "cohorts.rows[0]", co["rows"].([]any)[0].(map[string]any), map[string]string{"cohort": str,
		"entered": num, "reached": arr, "conversion_from_top": arr, "immature": boolean, "immature_stages": arr,
		"estimated_conversion": arr, "converted": num, "open": num, "observed": num, "estimated": num, "few": boolean})
	checkKeys(t, "velocity[0]", m["velocity"].([]any)[0].(map[string]any), map[string]string{"from": str, "to": str,
		"records": num, "left": num, "open": num, "median_days": num, "p75_days": num, "p90_days": num, "stalled": num})

	// the sections not computed yet still marshal with the documented names
	var sp map[string]any
	raw, _ := json.Marshal(StickyPoint{})
	json.Unmarshal(raw, &sp)
	checkKeys(t, "sticky_points[0]", sp, map[string]string{"stage": str, "dimension": str, "value": str, "parent": str,
		"entered": num, "converted": num, "rate": num, "ci_low": num, "ci_high": num, "baseline_rate": num,
		"lost_conversions": num, "q_value": num})
}

func checkKeys(t *testing.T, where string, m map[string]any, want map[string]string) {
	t.Helper()
	for k, typ := range want {
		v, ok := m[k]
		if !ok {
			t.Errorf("%s: key %q missing", where, k)
			continue
		}
		got := "null"
		switch v.(type) {
		case float64:
			got = "number"
		case string:
			got = "string"
		case []any:
			got = "array"
		case map[string]any:
			got = "object"
		case bool:
			got = "bool"
		}
		if got != typ {
			t.Errorf("%s.%s: %s, want %s", where, k, got, typ)
		}
	}
	if len(m) != len(want) {
		t.Errorf("%s: %d keys, want %d (%v)", where, len(m), len(want), m)
	}
}

func eqInts(a, b []int) bool {
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
