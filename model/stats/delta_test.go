package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// For a product of rates the log-scale delta method is exact in its
// gradient: se² is the sum of the rates' log variances.
func TestDeltaLogProduct(t *testing.T) {
	theta := []float64{math.Log(0.5), math.Log(0.2), math.Log(1000)}
	vars := []float64{0.01, 0.04, 0.001}
	val, se := DeltaLog(func(th []float64) []float64 {
		return []float64{math.Exp(th[0] + th[1] + th[2]), math.Exp(th[2] - th[0]), 5}
	}, theta, vars)
	near(t, "value", val[0], 100, 1e-9)
	near(t, "se of product", se[0], math.Sqrt(0.051), 1e-6)
	near(t, "se of ratio", se[1], math.Sqrt(0.011), 1e-6)
	near(t, "se of a constant", se[2], 0, 0)
	lo, hi := LogInterval(100, 0.1, Z95)
	near(t, "log interval symmetric in logs", math.Log(hi/100), -math.Log(lo/100), 1e-12)
	if lo, hi := LogInterval(0, 1, Z95); lo != 0 || hi != 0 {
		t.Errorf("interval of 0: %v..%v", lo, hi)
	}
}

// Leads needed for c customers through k binomial steps: the 95% interval
// from the log-delta method holds the true number about 95% of the time.
func TestDeltaLogCoverage(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	rates := []float64{0.4, 0.5, 0.3, 0.2}
	truth := 1.0
	for _, p := range rates {
		truth /= p
	}
	const reps = 4000
	hit := 0
	for range reps {
		n := 2000.0
		theta := make([]float64, len(rates))
		vars := make([]float64, len(rates))
		for k, p := range rates {
			v := binomial(r, int(n), p)
			theta[k] = math.Log(float64(v) / n)
			vars[k] = LogRateVar(float64(v), n)
			n = float64(v)
		}
		val, se := DeltaLog(func(th []float64) []float64 {
			s := 0.0
			for _, x := range th {
				s -= x
			}
			return []float64{math.Exp(s)}
		}, theta, vars)
		lo, hi := LogInterval(val[0], se[0], Z95)
		if lo <= truth && truth <= hi {
			hit++
		}
	}
	if c := float64(hit) / reps; c < 0.935 || c > 0.965 {
		t.Errorf("coverage %.3f, want 0.95 ± 0.015", c)
	}
}

func binomial(r *rand.Rand, n int, p float64) int {
	k := 0
	for range n {
		if r.Float64() < p {
			k++
		}
	}
	return k
}

func TestLogRateVar(t *testing.T) {
	near(t, "large counts", LogRateVar(500, 1000), 0.5/500.0, 1e-5)
	if v := LogRateVar(10, 10); !(v > 0) {
		t.Errorf("all converted: variance %v, want > 0", v)
	}
	if v := LogRateVar(0, 0); v != 0 {
		t.Errorf("nothing entered: %v", v)
	}
	near(t, "count", LogCountVar(400), 1.0/400, 1e-12)
}
