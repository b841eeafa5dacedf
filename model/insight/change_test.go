package insight

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

func approx(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// Then: A 900 at 50%, B 100 at 10% → 46%. Now: A 100 at 60%, B 900 at 20%
// → 24%. Both channels rose 10 points, the whole fell 22. Mix: A (.1−.9)·.55
// = −.44, B (.9−.1)·.15 = +.12 → −.32; rate: A .1·.5 + B .1·.5 = +.10.
var (
	mixThen = []SliceRate{{"A", 900, 450}, {"B", 100, 10}}
	mixNow  = []SliceRate{{"A", 100, 60}, {"B", 900, 180}}
)

func TestDecomposeMixSimpson(t *testing.T) {
	ms := DecomposeMix(mixThen, mixNow)
	approx(t, "then", ms.RateThen, 0.46)
	approx(t, "now", ms.RateNow, 0.24)
	approx(t, "change", ms.Change, -0.22)
	approx(t, "mix", ms.MixEffect, -0.32)
	approx(t, "rate", ms.RateEffect, 0.10)
	approx(t, "sum", ms.MixEffect+ms.RateEffect, ms.Change)
	if ms.Dominant != "mix" || !ms.Simpson {
		t.Errorf("dominant %q simpson %v: %s", ms.Dominant, ms.Simpson, ms.Explanation)
	}
	want := "the rate fell 22.0 points: -32.0 from the mix, +10.0 from rates within slices; mostly the mix changed (Simpson's paradox: every one of the 2 slices rose)"
	if ms.Explanation != want {
		t.Errorf("explanation\n got %s\nwant %s", ms.Explanation, want)
	}
	// a pure rate change: same mix, both rates down
	ms = DecomposeMix([]SliceRate{{"A", 500, 250}, {"B", 500, 100}}, []SliceRate{{"A", 500, 200}, {"B", 500, 50}})
	approx(t, "pure rate mix", ms.MixEffect, 0)
	approx(t, "pure rate", ms.RateEffect, -0.10)
	if ms.Dominant != "rate" || ms.Simpson {
		t.Errorf("pure rate: %+v", ms)
	}
	// a slice new in the second period is all mix
	ms = DecomposeMix([]SliceRate{{"A", 100, 50}}, []SliceRate{{"A", 100, 50}, {"C", 100, 10}})
	approx(t, "new slice", ms.MixEffect+ms.RateEffect, ms.Change)
	approx(t, "new slice rate", ms.RateEffect, 0)
}

// build makes a dataset of two-stage records: channel, lead day, converted.
func build(stages []string, recs []struct {
	ch   string
	day  int32
	conv bool
}) *model.Dataset {
	n := len(recs)
	ds := &model.Dataset{Stages: stages, Days: make([][]int32, len(stages)), Reached: make([]uint16, n),
		Exit: make([]model.ExitKind, n), ExitDay: make([]int32, n), HasDates: true}
	for k := range ds.Days {
		ds.Days[k] = make([]int32, n)
	}
	ch := model.NewDim("channel", n)
	for i, r := range recs {
		ch.Append(r.ch)
		ds.Days[0][i], ds.Days[1][i], ds.Reached[i], ds.ExitDay[i] = r.day, model.NoDay, 1, model.NoDay
		if r.conv {
			ds.Days[1][i], ds.Reached[i] = r.day+1, 3
		}
	}
	ds.Dims = []*model.Dim{ch}
	return ds
}

// The same Simpson case built as records in two months: overall falls while
// every channel rises, and MixShiftFor finds the mix did it.
func TestMixShiftForDataset(t *testing.T) {
	jan, feb := model.MonthIndex(model.DayFromCivil(2026, 1, 1)), model.MonthIndex(model.DayFromCivil(2026, 2, 1))
	var recs []struct {
		ch   string
		day  int32
		conv bool
	}
	add := func(mi int, s []SliceRate) {
		for _, x := range s {
			for i := 0; i < x.Entered; i++ {
				recs = append(recs, struct {
					ch   string
					day  int32
					conv bool
				}{x.Value, model.MonthStart(mi) + int32(i%27), i < x.Converted})
			}
		}
	}
	add(jan, mixThen)
	add(feb, mixNow)
	ds := build([]string{"Lead", "Customer"}, recs)
	ms, err := MixShiftFor(ds, 0, "channel", Months(jan, 1), Months(feb, 1), model.DayFromCivil(2026, 6, 1))
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "change", ms.Change, -0.22)
	approx(t, "mix", ms.MixEffect, -0.32)
	if !ms.Simpson || ms.Dominant != "mix" || ms.Then != "2026-01" || ms.Now != "2026-02" {
		t.Errorf("%+v", ms)
	}
	if _, err := MixShiftFor(ds, 0, "nope", Months(jan, 1), Months(feb, 1), 0); err == nil {
		t.Error("unknown dimension: no error")
	}
}

func TestPeriods(t *testing.T) {
	p := Months(model.MonthIndex(model.DayFromCivil(2026, 3, 1)), 1)
	if p.String() != "2026-03" || p.Previous().String() != "2026-02" || p.YearBefore().String() != "2025-03" {
		t.Errorf("%s %s %s", p, p.Previous(), p.YearBefore())
	}
	q := Period{From: model.DayFromCivil(2024, 2, 10), To: model.DayFromCivil(2024, 2, 29)}
	if q.Previous().String() != "2024-01-21..2024-02-09" || q.YearBefore().String() != "2023-02-10..2023-02-28" {
		t.Errorf("%s %s", q.Previous(), q.YearBefore())
	}
	if d := DefaultCurrent(model.DayFromCivil(2026, 11, 15)); d.String() != "2026-10" {
		t.Errorf("default current %s", d)
	}
	if d := DefaultCurrent(model.DayFromCivil(2026, 10, 31)); d.String() != "2026-10" {
		t.Errorf("default current at month end %s", d)
	}
}

// MQL→SQL halves for MQLs of March 2026; Lead→MQL does not move.
func TestComparePeriods(t *testing.T) {
	mar := model.MonthIndex(model.DayFromCivil(2026, 3, 1))
	cur := Months(mar, 1)
	s := plantedSpec(11)
	s.rows, s.plants = 14000, nil
	s.start, s.span = model.DayFromCivil(2024, 4, 1), 730
	s.rateAt = func(step int, day int32, _ map[string]string) (float64, bool) {
		return 0.25, step == 1 && day >= cur.From && day <= cur.To
	}
	ds := synth(s)
	res := ComparePeriods(ds, CompareOptions{AsOf: model.DayFromCivil(2026, 5, 31), Current: cur, Dims: []string{"segment"}})
	if res.Current != "2026-03" || res.Previous != "2026-02" || res.YearBefore != "2025-03" {
		t.Fatalf("periods %s %s %s", res.Current, res.Previous, res.YearBefore)
	}
	var saw int
	for _, d := range res.Deltas {
		if d.Dimension != "" {
			continue
		}
		switch d.Stage {
		case "MQL→SQL":
			saw++
			if !d.RateSig || d.RateChange > -0.15 || d.RateChange < -0.35 {
				t.Errorf("MQL→SQL vs %s: %+v", d.Against, d)
			}
		case "Lead→MQL":
			if d.RateSig {
				t.Errorf("Lead→MQL flagged vs %s: %+v", d.Against, d)
			}
		}
	}
	if saw != 2 {
		t.Errorf("MQL→SQL compared %d times, want 2", saw)
	}
	if _, err := json.Marshal(res); err != nil {
		t.Fatal(err)
	}
}

// propagationData: leads arrive steadily from December to April, 1+surge
// times as many in March, with a rate override at one step for records
// reaching that step in March (a few days in, as the lag does).
func propagationData(seed uint64, surge float64, step int, rate float64) (*model.Dataset, Period, Period) {
	feb, mar := Months(model.MonthIndex(model.DayFromCivil(2026, 2, 1)), 1), Months(model.MonthIndex(model.DayFromCivil(2026, 3, 1)), 1)
	s := plantedSpec(seed)
	s.plants = nil
	s.rows = int(1200 * (5 + surge))
	s.start = model.DayFromCivil(2025, 12, 1)
	s.span = int(model.DayFromCivil(2026, 4, 30) - s.start + 1)
	s.topWeight = func(d int32) float64 {
		if d >= mar.From && d <= mar.To {
			return 1 + surge
		}
		return 1
	}
	s.rates = []float64{0.6, 0.6, 0.5}
	s.rateAt = func(k int, d int32, _ map[string]string) (float64, bool) {
		return rate, k == step && d >= mar.From+3 && d <= mar.To+3
	}
	return synth(s), mar, feb
}

// Leads up 60% in March; MQL→SQL falls so SQLs stay flat: the change stops at SQL.
func TestPropagationBlocked(t *testing.T) {
	ds, cur, prev := propagationData(3, 0.6, 1, 0.6/1.6)
	res := TracePropagation(ds, PropagationOptions{AsOf: model.DayFromCivil(2026, 6, 1), Current: cur, Previous: prev})
	if res.Origin != "Lead" || res.StopsAt != "SQL" || res.Blocked != "MQL→SQL" || len(res.Unexplained) != 0 {
		t.Errorf("origin %q stops %q blocked %q unexplained %v: %s\n%+v", res.Origin, res.StopsAt, res.Blocked, res.Unexplained, res.Summary, res.Stages)
	}
	if _, err := json.Marshal(res); err != nil {
		t.Fatal(err)
	}
	if res.Stages[1].LagDays < 2 {
		t.Errorf("no lag: %+v", res.Stages[1])
	}
}

// Leads flat; SQL→Won doubles in March: Won changes with no upstream cause.
func TestPropagationUnexplained(t *testing.T) {
	ds, cur, prev := propagationData(4, 0, 2, 0.95)
	res := TracePropagation(ds, PropagationOptions{AsOf: model.DayFromCivil(2026, 6, 1), Current: cur, Previous: prev})
	if !slices.Equal(res.Unexplained, []string{"Won"}) || res.Origin != "Won" || res.StopsAt != "" {
		t.Errorf("origin %q stops %q unexplained %v: %s\n%+v", res.Origin, res.StopsAt, res.Unexplained, res.Summary, res.Stages)
	}
}

// A surge that passes all the way down is not blocked.
func TestPropagationCarriesThrough(t *testing.T) {
	ds, cur, prev := propagationData(5, 0.6, -1, 0)
	res := TracePropagation(ds, PropagationOptions{AsOf: model.DayFromCivil(2026, 6, 1), Current: cur, Previous: prev})
	if res.Origin != "Lead" || res.StopsAt != "" || len(res.Unexplained) != 0 {
		t.Errorf("origin %q stops %q unexplained %v: %s", res.Origin, res.StopsAt, res.Unexplained, res.Summary)
	}
	// as of 5 March the lagged Won window has not begun: say so
	res = TracePropagation(ds, PropagationOptions{AsOf: model.DayFromCivil(2026, 3, 5), Current: cur, Previous: prev})
	if !strings.Contains(res.Summary, "too soon after 2026-03-05") {
		t.Errorf("summary %q", res.Summary)
	}
}
