package report

import (
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
)

// TestAsOfHandComputed: as of day 5 of tiny, r0 is at B (C on day 10 not
// yet known), r1 at B, r2 at A, and r3 (only C, day 20) has not entered.
func TestAsOfHandComputed(t *testing.T) {
	r, err := Build(tiny(), Options{AsOf: 5, Sections: []string{SecStages, SecTrends, SecVelocity}})
	if err != nil {
		t.Fatal(err)
	}
	if r.AsOf != "1970-01-06" || r.Window.To != r.AsOf {
		t.Errorf("as_of %q, window %+v", r.AsOf, r.Window)
	}
	if r.Denominators.Records != 3 || r.Denominators.TopReached != 3 {
		t.Errorf("denominators %+v, want 3 records, 3 at A", r.Denominators)
	}
	for k, want := range []int{3, 2, 0} {
		if got := r.Stages[k].Reached; got != want {
			t.Errorf("stage %s reached %d as of day 5, want %d", r.Stages[k].Name, got, want)
		}
	}
	// B from A: gaps 2 and 4 days, both known by day 5, r2 open at A for
	// 4 days (half of those that move on by the end of day 2: 3.0); C not
	// yet reached, r0 and r1 open at B.
	if v := r.Velocity[0]; v.Records != 2 || v.Open != 1 || *v.MedianDays != 3 {
		t.Errorf("velocity A→B %+v", v)
	}
	if v := r.Velocity[1]; v.Records != 0 || v.Open != 2 || v.MedianDays != nil || v.Stalled != nil {
		t.Errorf("velocity B→C %+v", v)
	}
	// trends (month): January 1970 has A 3, B 2, C 0 by day 5.
	last := func(e []int) int { return e[len(e)-1] }
	for k, want := range []int{3, 2, 0} {
		if got := last(r.Trends.Stages[k].Entries); got != want {
			t.Errorf("trend %s: %d, want %d", r.Trends.Stages[k].Name, got, want)
		}
	}
}

// TestPeriodAndCohortsHandComputed: by year, tiny is one period with A
// entered on days 0, 0, 1, B on 2 and 4, C on 10 and 20.
func TestPeriodAndCohortsHandComputed(t *testing.T) {
	r, err := Build(tiny(), Options{Period: query.PeriodYear, Sections: []string{SecCohorts, SecTrends}})
	if err != nil {
		t.Fatal(err)
	}
	tr := r.Trends
	if tr.Period != "year" || tr.Change != "YoY" || len(tr.Periods) != 1 || tr.Periods[0] != "1970" {
		t.Fatalf("trends %+v", tr)
	}
	for k, want := range []int{3, 2, 2} {
		if got := tr.Stages[k].Entries; len(got) != 1 || got[0] != want {
			t.Errorf("trend %s: %v, want [%d]", tr.Stages[k].Name, got, want)
		}
	}
	c := r.Cohorts
	if c == nil || c.Period != "year" || c.Target != "C" || len(c.Rows) != 1 {
		t.Fatalf("cohorts %+v", c)
	}
	row := c.Rows[0]
	// all four records entered in 1970; reached A 4, B 3, C 2 (r3 implied)
	if row.Cohort != "1970" || row.Entered != 4 || !eqInts(row.Reached, []int{4, 3, 2}) ||
		row.ConversionFromTop[2] != 0.5 || row.Converted != 2 || row.Observed != 0.5 || !row.Few {
		t.Errorf("cohort %+v", row)
	}
	if row.Estimated < row.Observed || row.Estimated > 1 {
		t.Errorf("Kaplan–Meier estimate %v outside [observed %v, 1]", row.Estimated, row.Observed)
	}
}

// TestAsOfOnDemo: as of an earlier date no stage has more records than at
// the latest date, the immature cohorts end at the as-of month, and as of
// the last date the numbers are the default report's.
func TestAsOfOnDemo(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 3000})
	secs := []string{SecStages, SecBreakdown, SecCohorts, SecTrends}
	latest, err := Build(ds, Options{Sections: secs, By: "channel"})
	if err != nil {
		t.Fatal(err)
	}
	_, hi, _ := ds.DayRange()
	same, err := Build(ds, Options{Sections: secs, By: "channel", AsOf: hi})
	if err != nil {
		t.Fatal(err)
	}
	for k := range latest.Stages {
		if same.Stages[k].Reached != latest.Stages[k].Reached {
			t.Errorf("as of the last date, %s: %d vs %d", latest.Stages[k].Name, same.Stages[k].Reached, latest.Stages[k].Reached)
		}
	}
	y, m, _ := model.CivilFromDay(hi)
	early := model.DayFromCivil(y-1, m, 15)
	old, err := Build(ds, Options{Sections: secs, By: "channel", AsOf: early})
	if err != nil {
		t.Fatal(err)
	}
	if old.AsOf != model.DayString(early) {
		t.Errorf("as_of %q, want %q", old.AsOf, model.DayString(early))
	}
	for k := range latest.Stages {
		o, l := old.Stages[k].Reached, latest.Stages[k].Reached
		if o > l || (k == 0 && o >= l) {
			t.Errorf("%s: %d as of %s, %d at the latest", latest.Stages[k].Name, o, old.AsOf, l)
		}
	}
	for j, g := range latest.Breakdown.Groups {
		sg := same.Breakdown.Groups[j]
		if sg.Value != g.Value || sg.Records != g.Records || !eqInts(sg.Reached, g.Reached) {
			t.Errorf("breakdown as of the last date: %+v vs %+v", sg, g)
		}
	}
	// the as-of breakdown adds up to the as-of stages
	sum := make([]int, len(old.Stages))
	for _, g := range old.Breakdown.Groups {
		for k, n := range g.Reached {
			sum[k] += n
		}
	}
	for k, s := range old.Stages {
		if sum[k] != s.Reached {
			t.Errorf("breakdown as of %s sums to %d at %s, stages say %d", old.AsOf, sum[k], s.Name, s.Reached)
		}
	}
	asOfMonth := old.AsOf[:7]
	if n := len(old.ImmatureCohorts); n == 0 || old.ImmatureCohorts[n-1] != asOfMonth {
		t.Errorf("immature cohorts %v, want them to end at %s", old.ImmatureCohorts, asOfMonth)
	}
	if lp := old.Trends.Periods; lp[len(lp)-1] != asOfMonth {
		t.Errorf("trend periods end at %s, want %s", lp[len(lp)-1], asOfMonth)
	}
}
