package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Five records: day 1 moved on (cause 0); day 2 censored; day 3 left
// (cause 1); day 4 one moved on and one censored. By hand:
//
//	d1: 5 at risk, S = 4/5, F0 = 1/5
//	d3: 3 at risk, F1 = S(2)·1/3 = 4/15, S = 8/15
//	d4: 2 at risk, F0 = 1/5 + 8/15·1/2 = 7/15, S = 4/15
func TestAalenJohansenByHand(t *testing.T) {
	inc := AalenJohansen([][]int32{{0, 1, 0, 0, 1}, {0, 0, 0, 1}}, []int32{0, 0, 1, 0, 1})
	near(t, "S(1)", inc.Survival(1), 0.8, 1e-12)
	near(t, "F0(1)", inc.At(0, 1), 0.2, 1e-12)
	near(t, "F1(3)", inc.At(1, 3), 4.0/15, 1e-12)
	near(t, "S(3)", inc.Survival(3), 8.0/15, 1e-12)
	near(t, "F0(4)", inc.Total(0), 7.0/15, 1e-12)
	near(t, "S(4)", inc.Survival(4), 4.0/15, 1e-12)
	for d := 0; d < inc.Days(); d++ {
		near(t, "F0+F1+S", inc.At(0, d)+inc.At(1, d)+inc.Survival(d), 1, 1e-12)
	}
	// open after day 1: (7/15 − 1/5) / (4/5) = 1/3 move on later
	near(t, "Later(0, 1)", inc.Later(0, 1), 1.0/3, 1e-12)
	if inc.Events[0] != 2 || inc.Events[1] != 1 || inc.Censored != 2 {
		t.Errorf("counts %v %d", inc.Events, inc.Censored)
	}
	near(t, "Survival(-1)", inc.Survival(-1), 1, 0)
	near(t, "At past the horizon", inc.At(0, 99), 7.0/15, 1e-12)
}

// With one cause the incidence is 1 − Kaplan–Meier.
func TestAalenJohansenOneCause(t *testing.T) {
	ev := []int32{3, 0, 2, 5, 1, 0, 4}
	ce := []int32{1, 2, 0, 3, 0, 2, 1}
	inc := AalenJohansen([][]int32{ev}, ce)
	atRisk, surv := 0, 1.0
	for d := range ev {
		atRisk += int(ev[d] + ce[d])
	}
	for d := range ev {
		surv *= 1 - float64(ev[d])/float64(atRisk)
		atRisk -= int(ev[d] + ce[d])
		near(t, "1−KM", inc.At(0, d), 1-surv, 1e-12)
	}
}

// Events on days 3 and 5, half each: spread over their day, the median is
// the end of day 3 and the quartiles the middle of each day.
func TestIncidenceQuantile(t *testing.T) {
	inc := AalenJohansen([][]int32{{0, 0, 0, 10, 0, 10}, {4}}, []int32{0, 0, 0, 0, 0, 0, 7})
	for _, c := range []struct{ q, want float64 }{{0.25, 3.5}, {0.5, 4}, {0.75, 5.5}, {1, 6}} {
		got, ok := inc.Quantile(0, c.q)
		if !ok {
			t.Fatalf("q %v: no quantile", c.q)
		}
		near(t, "quantile", got, c.want, 1e-9)
	}
	if d, _ := inc.QuantileDays(0, 0.25); d != 4 {
		t.Errorf("QuantileDays(0.25) = %d, want 4", d)
	}
	if _, ok := AalenJohansen([][]int32{{}, {3}}, []int32{2}).Quantile(0, 0.5); ok {
		t.Error("a cause that never happened has a quantile")
	}
}

// Competing risks with a known truth: each record moves on after an
// exponential time with probability p and otherwise leaves after another;
// a record is censored at a uniform age. The incidence of moving on by the
// horizon converges to p; Kaplan–Meier with exits kept at risk (the old
// estimate) does not, and neither does "not moved on yet" as a condition.
func TestAalenJohansenRecoversTruth(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	const D, n, p = 400, 200000, 0.3
	ev := [][]int32{make([]int32, D), make([]int32, D)}
	ce := make([]int32, D)
	for range n {
		moves := r.Float64() < p
		mean := 20.0
		if !moves {
			mean = 10
		}
		tEv := int(r.ExpFloat64() * mean)
		cens := r.IntN(120)
		switch {
		case tEv >= D:
			ce[D-1]++
		case cens < tEv:
			ce[cens]++
		case moves:
			ev[0][tEv]++
		default:
			ev[1][tEv]++
		}
	}
	inc := AalenJohansen(ev, ce)
	near(t, "eventual share moving on", inc.Total(0), p, 0.01)
	// P(move later | no event by day 30), exactly:
	// p·e^(−30/20) / (p·e^(−30/20) + (1−p)·e^(−30/10))
	a, b := p*math.Exp(-1.5), (1-p)*math.Exp(-3)
	near(t, "Later(0, 30)", inc.Later(0, 30), a/(a+b), 0.02)
	// median time among movers: 20·ln 2 days (continuous exponential)
	med, _ := inc.Quantile(0, 0.5)
	near(t, "median among movers", med, 20*math.Ln2, 0.3)
}
