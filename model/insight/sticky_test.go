package insight

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
)

func plantedSpec(seed uint64) synthSpec {
	return synthSpec{
		rows: 3000, seed: seed,
		stages: []string{"Lead", "MQL", "SQL", "Won"},
		rates:  []float64{0.5, 0.5, 0.4},
		dims:   map[string]int{"channel": 6, "segment": 4, "owner": 5},
		order:  []string{"channel", "segment", "owner"},
		plants: []plant{
			{step: 1, dim: "channel", value: "c2", rate: 0.25}, // MQL→SQL halved
			{step: 0, dim: "segment", value: "s3", rate: 0.30}, // Lead→MQL −20 points
		},
		start: model.DayFromCivil(2025, 1, 1), span: 365,
	}
}

// Across 100 seeds every planted sticky point is found and the share of
// false findings among null slices stays at or below the FDR.
func TestStickyRecallAndFDR(t *testing.T) {
	const seeds = 100
	var falseFind, allFind int
	var fdpSum float64
	for seed := uint64(1); seed <= seeds; seed++ {
		s := plantedSpec(seed)
		ds := synth(s)
		res := FindSticky(ds, StickyOptions{AsOf: model.DayFromCivil(2026, 3, 1)})
		found := map[string]bool{}
		f, all := 0, 0
		for _, p := range res.Points {
			if !p.Finding() {
				continue
			}
			all++
			planted := false
			for _, pl := range s.plants {
				if p.FromStage == pl.step && p.Dimension == pl.dim && p.Value == pl.value {
					planted = true
					found[pl.dim] = true
				}
			}
			if !planted {
				f++
			}
		}
		if len(found) != len(s.plants) {
			t.Errorf("seed %d: found %v of %d planted sticky points", seed, found, len(s.plants))
		}
		falseFind += f
		allFind += all
		if all > 0 {
			fdpSum += float64(f) / float64(all)
		}
	}
	if fdr := fdpSum / seeds; fdr > 0.05 {
		t.Errorf("mean false discovery proportion %.3f > 0.05 (%d false of %d findings)", fdr, falseFind, allFind)
	}
	t.Logf("%d false findings among %d (mean FDP %.4f)", falseFind, allFind, fdpSum/seeds)
}

// The planted points come first, with the numbers they should have.
func TestStickyPointFields(t *testing.T) {
	ds := synth(plantedSpec(7))
	res := FindSticky(ds, StickyOptions{AsOf: model.DayFromCivil(2026, 3, 1)})
	if res.Findings < 2 {
		t.Fatalf("findings = %d, want ≥ 2", res.Findings)
	}
	top := res.Points[0]
	if top.Dimension != "segment" || top.Value != "s3" || top.Stage != "Lead→MQL" {
		t.Errorf("top finding %s %s=%s, want Lead→MQL segment=s3", top.Stage, top.Dimension, top.Value)
	}
	if top.Rate < top.CILow || top.Rate > top.CIHigh || top.CIHigh-top.CILow > 0.1 {
		t.Errorf("interval [%v, %v] around %v", top.CILow, top.CIHigh, top.Rate)
	}
	want := float64(top.Entered) * (top.BaselineRate - top.Rate)
	if d := top.LostConversions - want; d > 1e-9 || d < -1e-9 {
		t.Errorf("lost = %v, want %v", top.LostConversions, want)
	}
	// a lost Lead→MQL is worth the deal ($10,000) times MQL→Won (≈ 0.5·0.4)
	if top.ValuePerConversion < 150_000 || top.ValuePerConversion > 250_000 {
		t.Errorf("value per conversion %d cents, want about 200,000", top.ValuePerConversion)
	}
	if res.AvgDeal != 1_000_000 {
		t.Errorf("avg deal %d, want 1,000,000", res.AvgDeal)
	}
	b, err := json.Marshal(top)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"stage", "dimension", "value", "entered", "converted", "rate", "ci_low", "ci_high",
		"baseline_rate", "lost_conversions", "lost_value", "p_value", "q_value", "significant", "too_few"} {
		if !strings.Contains(string(b), `"`+f+`":`) {
			t.Errorf("JSON lacks %q: %s", f, b)
		}
	}
}

// A slice below the minimum sample is "too few to tell", never a finding,
// however extreme its rate.
func TestStickyTooFew(t *testing.T) {
	s := plantedSpec(3)
	s.rows = 2000
	s.dims["tiny"] = 200 // ~10 records per value
	s.order = append(s.order, "tiny")
	s.plants = append(s.plants, plant{step: 0, dim: "tiny", value: "t7", rate: 0})
	res := FindSticky(synth(s), StickyOptions{AsOf: model.DayFromCivil(2026, 3, 1)})
	for _, p := range res.Points {
		if p.Dimension == "tiny" && (!p.TooFew || p.Significant) {
			t.Fatalf("tiny slice %s tested: %+v", p.Value, p)
		}
	}
	res = FindSticky(synth(s), StickyOptions{AsOf: model.DayFromCivil(2026, 3, 1), MinSample: 10, Dims: []string{"tiny"}})
	if res.MinSample != 10 || res.Comparisons == 0 {
		t.Errorf("MinSample 10 made %d comparisons", res.Comparisons)
	}
}

// Records that entered too recently to have converted are left out, so a
// young cohort does not look like a drop-off.
func TestStickyExcludesImmature(t *testing.T) {
	s := plantedSpec(5)
	s.plants = nil
	ds := synth(s)
	// a batch of 200 "webinar" leads that arrived two days before as-of and
	// have not moved yet
	asOf := s.start + int32(s.span) + 2
	web := ds.Dim("channel").Intern("webinar")
	for i := 0; i < 200; i++ {
		ds.Days[0][i] = asOf - 2
		for k := 1; k < len(ds.Days); k++ {
			ds.Days[k][i] = model.NoDay
		}
		ds.Reached[i] = 1
		ds.Dims[0].Codes.Set(i, web)
	}
	res := FindSticky(ds, StickyOptions{AsOf: asOf})
	for _, p := range res.Points {
		if p.Value == "webinar" && p.Stage == "Lead→MQL" {
			t.Fatalf("immature webinar leads counted: %+v", p)
		}
	}
	if ti := res.Transitions[0]; ti.Immature < 200 || ti.MaturityDays < 5 {
		t.Errorf("transition info %+v: want ≥ 200 immature and a maturity of several days", ti)
	}
}

// On the demo data, restricted to the last four months, the planted outbound
// SAL→SQL collapse is among the top findings: top 5 by lost conversions
// (paid social's structurally low top-of-funnel rates lose more leads) and
// by lost value (Opportunity→Won, tested since its window ends at its
// maturity, has structurally weak channels whose conversions are worth more).
func TestStickyDemoOutbound(t *testing.T) {
	if testing.Short() {
		t.Skip("demo dataset")
	}
	ds := demo.Generate(demo.Options{})
	from := model.MonthStart(model.MonthIndex(demo.DefaultEnd) - demo.StickyMonths + 1)
	for _, c := range []struct {
		by  RankBy
		top int
	}{{RankLostConversions, 5}, {RankLostValue, 5}} {
		res := FindSticky(ds, StickyOptions{From: from, Dims: []string{"channel", "segment", "owner"}, RankBy: c.by})
		rank := -1
		for i, p := range res.Points {
			if p.FromStage == demo.StickyTransition && p.Dimension == "channel" && p.Value == demo.StickyChannel {
				rank = i
				if !p.Finding() || p.Rate > 0.25 || p.BaselineRate < 0.4 {
					t.Errorf("outbound SAL→SQL: %+v", p)
				}
				break
			}
		}
		if rank < 0 || rank >= c.top {
			for _, p := range res.Points[:8] {
				t.Logf("%s %s=%s lost %.0f value %d", p.Stage, p.Dimension, p.Value, p.LostConversions, p.LostValue/100)
			}
			t.Errorf("by %s: outbound SAL→SQL ranked %d, want in the top %d", c.by, rank, c.top)
		}
	}
}

// With Pairs, an effect that lives only in one channel × segment cell is found.
func TestStickyPairs(t *testing.T) {
	s := plantedSpec(9)
	s.plants = nil
	s.rateAt = func(step int, _ int32, v map[string]string) (float64, bool) {
		return 0.1, step == 0 && v["channel"] == "c1" && v["segment"] == "s2"
	}
	res := FindSticky(synth(s), StickyOptions{AsOf: model.DayFromCivil(2026, 3, 1), Pairs: true, Dims: []string{"channel", "segment"}})
	// the cell's loss also shows in channel c1 and segment s2 as a whole
	for i, p := range res.Points[:3] {
		if p.Dimension == "channel × segment" && p.Value == "c1 × s2" && p.Finding() {
			if p.Rate > 0.2 {
				t.Errorf("cell rate %v, planted 0.1", p.Rate)
			}
			return
		}
		t.Logf("%d: %s=%s lost %.1f", i, p.Dimension, p.Value, p.LostConversions)
	}
	t.Error("the c1 × s2 cell is not among the top 3 findings")
}

// Won amounts in two currencies (not converted) have no average: lost
// value is not computed, and the result says why, rather than summing
// pesos and dollars.
func TestStickyMixedCurrenciesHaveNoValue(t *testing.T) {
	ds := synth(plantedSpec(7))
	ds.Currencies = model.NewDim("currency", ds.Len())
	for i := range ds.Len() {
		ds.Currencies.Append([]string{"USD", "MXN"}[i%2])
	}
	res := FindSticky(ds, StickyOptions{AsOf: model.DayFromCivil(2026, 3, 1)})
	if res.Findings == 0 {
		t.Fatal("no findings")
	}
	if res.AvgDeal != 0 || res.Points[0].LostValue != 0 || !strings.Contains(res.NoValue, "2 currencies (MXN, USD)") {
		t.Errorf("avg deal %d, top lost value %d, no-value note %q", res.AvgDeal, res.Points[0].LostValue, res.NoValue)
	}
	ds.Currencies = nil
	if res := FindSticky(ds, StickyOptions{AsOf: model.DayFromCivil(2026, 3, 1)}); res.NoValue != "" || res.AvgDeal == 0 {
		t.Errorf("one currency: avg deal %d, no-value note %q", res.AvgDeal, res.NoValue)
	}
}

// A forecast category (Omitted on every lost deal, Closed on every won
// one) restates the outcome: it is left out of the sticky points, with a
// note, instead of topping them at 0% vs 100%.
func TestStickyLeavesOutOutcomeProxies(t *testing.T) {
	ds := synth(plantedSpec(7))
	fc := model.NewDim("ForecastCategory", ds.Len())
	for i, e := range ds.Exit {
		if e != model.ExitWon && i%2 == 0 {
			ds.Exit[i], e = model.ExitLost, model.ExitLost
		}
		switch e {
		case model.ExitWon:
			fc.Append("Closed")
		case model.ExitLost, model.ExitDisqualified:
			fc.Append("Omitted")
		default:
			fc.Append([]string{"Pipeline", "BestCase"}[i%2])
		}
	}
	ds.Dims = append(ds.Dims, fc)
	res := FindSticky(ds, StickyOptions{AsOf: model.DayFromCivil(2026, 3, 1)})
	for _, p := range res.Points {
		if strings.Contains(p.Dimension, "ForecastCategory") {
			t.Fatalf("%s %s=%s listed", p.Stage, p.Dimension, p.Value)
		}
	}
	if !slices.Equal(res.Proxies, []string{"ForecastCategory"}) || res.Findings < 2 {
		t.Errorf("proxies %v, findings %d", res.Proxies, res.Findings)
	}
	// asked for by name, it is compared
	res = FindSticky(ds, StickyOptions{AsOf: model.DayFromCivil(2026, 3, 1), Dims: []string{"ForecastCategory"}})
	if len(res.Proxies) != 0 || len(res.Points) == 0 {
		t.Errorf("named: proxies %v, %d points", res.Proxies, len(res.Points))
	}
}
