package query

import (
	"testing"

	"github.com/funnel-cli/funnel/model"
)

// tiny builds a dataset from rows of stage days (NoDay = not reached).
func tiny(stages []string, rows [][]int32) *model.Dataset {
	ds := &model.Dataset{Stages: stages, Days: make([][]int32, len(stages)), HasDates: true}
	for _, r := range rows {
		var mask uint16
		for k, d := range r {
			ds.Days[k] = append(ds.Days[k], d)
			if d != model.NoDay {
				mask |= 1 << k
			}
		}
		ds.Reached = append(ds.Reached, mask)
		ds.Exit = append(ds.Exit, model.ExitOpen)
		ds.ExitDay = append(ds.ExitDay, model.NoDay)
	}
	return ds
}

func TestFunnelHandCounted(t *testing.T) {
	jan := model.DayFromCivil(2025, 1, 10)
	feb := model.DayFromCivil(2025, 2, 10)
	mar := model.DayFromCivil(2025, 3, 10)
	X := model.NoDay
	ds := tiny([]string{"Lead", "MQL", "SQL", "Won"}, [][]int32{
		{jan, jan, feb, mar}, // all the way
		{jan, feb, X, X},     // MQL
		{jan, X, X, X},       // lead only
		{feb, X, feb, X},     // SQL without MQL: MQL implied
		{feb, feb, X, X},     // MQL
		{mar, X, X, X},       // lead only
		{mar, X, X, X},       // lead only
		{mar, X, X, mar},     // won, MQL and SQL implied
	})
	if err := ds.Validate(); err != nil {
		t.Fatal(err)
	}
	f := engineFor(ds).Funnel(FunnelOptions{AsOf: model.NoDay, Months: 3})
	// Written answers: reached 8, 5 (3 marked + 2 implied), 3 (2 marked + 1 implied), 2.
	want := []struct {
		reached, implied int
		step, top        float64
	}{
		{8, 0, 1, 1},
		{5, 2, 5.0 / 8, 5.0 / 8},
		{3, 1, 3.0 / 5, 3.0 / 8},
		{2, 0, 2.0 / 3, 2.0 / 8},
	}
	for k, w := range want {
		s := f.Stages[k]
		if s.Reached != w.reached || s.Implied != w.implied || !near(s.ConversionFromPrevious, w.step) || !near(s.ConversionFromTop, w.top) {
			t.Errorf("stage %s = %+v, want %+v", s.Name, s, w)
		}
	}
	if f.AsOf != "2025-03-10" {
		t.Errorf("as of %q", f.AsOf)
	}
	if got := f.Months; len(got) != 3 || got[0] != "2025-01" || got[2] != "2025-03" {
		t.Errorf("months %v", got)
	}
	// Lead entries by month: Jan 3, Feb 2, Mar 3. Won: Mar 2.
	if m := f.Stages[0].Monthly; m[0] != 3 || m[1] != 2 || m[2] != 3 {
		t.Errorf("lead monthly %v", m)
	}
	if m := f.Stages[3].Monthly; m[0] != 0 || m[1] != 0 || m[2] != 2 {
		t.Errorf("won monthly %v", m)
	}
	if len(f.Warnings) != 0 {
		t.Errorf("warnings %v", f.Warnings)
	}
}

func TestFunnelWarnsWhenLaterStageHasMore(t *testing.T) {
	d := model.DayFromCivil(2025, 1, 1)
	X := model.NoDay
	ds := tiny([]string{"Lead", "MQL", "SQL"}, [][]int32{{d, X, d}, {d, X, d}, {d, d, X}})
	f := engineFor(ds).Funnel(FunnelOptions{AsOf: model.NoDay})
	if len(f.Warnings) != 1 {
		t.Fatalf("want one warning, got %v", f.Warnings)
	}
}

func TestCivilRoundTrip(t *testing.T) {
	for z := model.DayFromCivil(1899, 12, 30); z < model.DayFromCivil(2101, 1, 1); z++ {
		y, m, d := model.CivilFromDay(z)
		if model.DayFromCivil(y, m, d) != z {
			t.Fatalf("day %d -> %d-%d-%d does not round trip", z, y, m, d)
		}
	}
	if model.DayFromCivil(1970, 1, 1) != 0 || model.DayString(model.DayFromCivil(2024, 2, 29)) != "2024-02-29" {
		t.Fatal("epoch or leap day wrong")
	}
}

func near(a, b float64) bool { d := a - b; return d < 1e-9 && d > -1e-9 }
