package stats

import (
	"math"
	"testing"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.6f, want %.6f (±%g)", what, got, want, tol)
	}
}

func TestNormal(t *testing.T) {
	near(t, "Φ(0)", NormCDF(0), 0.5, 1e-12)
	near(t, "Φ(1.96)", NormCDF(1.96), 0.9750021, 1e-7)
	near(t, "Φ(-2.326348)", NormCDF(-2.326348), 0.01, 1e-7)
	near(t, "z(0.975)", Z95, 1.959964, 1e-6)
	near(t, "z(0.9)", NormQuantile(0.9), 1.281552, 1e-6)
	near(t, "z(0.001)", NormQuantile(0.001), -3.090232, 1e-6)
}

// Newcombe (1998), "Two-sided confidence intervals for the single proportion:
// comparison of seven methods", Statistics in Medicine 17:857–872, Table I,
// method 3 (Wilson score, no continuity correction).
func TestWilsonNewcombe(t *testing.T) {
	cases := []struct {
		k, n   int
		lo, hi float64
	}{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0.0000, 0.1611},
		{1, 29, 0.0061, 0.1718},
	}
	for _, c := range cases {
		lo, hi := Wilson95(c.k, c.n)
		near(t, "lo", lo, c.lo, 6e-5)
		near(t, "hi", hi, c.hi, 6e-5)
	}
	if lo, hi := Wilson95(0, 0); lo != 0 || hi != 1 {
		t.Errorf("Wilson(0/0) = %v, %v; want 0, 1", lo, hi)
	}
	if _, hi := Wilson95(10, 10); hi != 1 {
		t.Errorf("Wilson(10/10) hi = %v, want 1", hi)
	}
}

// 45/100 against 30/100: pooled p = 0.375, se = sqrt(.375·.625·.02) =
// 0.0684653, z = 0.15/se = 2.190890 (z² = 4.8, as R's prop.test without
// correction reports X-squared = 4.8, p-value = 0.02846).
func TestTwoProportionZ(t *testing.T) {
	z, p := TwoProportionZ(45, 100, 30, 100)
	near(t, "z", z, 2.190890, 1e-6)
	near(t, "p", p, 0.028459, 1e-6)
	if z, p := TwoProportionZ(0, 10, 0, 10); z != 0 || p != 1 {
		t.Errorf("no variation: z=%v p=%v", z, p)
	}
}

// Fisher's lady tasting tea: [[3,1],[1,3]] has two-sided p = 34/70 =
// 0.485714; the dieting example ([[1,9],[11,3]]) has two-sided p = 0.002759
// (R: fisher.test).
func TestFisherExact(t *testing.T) {
	near(t, "tea", FisherExact(3, 1, 1, 3), 34.0/70.0, 1e-9)
	near(t, "dieting", FisherExact(1, 9, 11, 3), 0.002759, 1e-6)
	near(t, "empty", FisherExact(0, 0, 0, 0), 1, 0)
	near(t, "perfect 4x4", FisherExact(4, 0, 0, 4), 2.0/70.0, 1e-12)
}

func TestCompareProportionsChoosesTest(t *testing.T) {
	if _, test := CompareProportions(3, 4, 1, 4); test != TestFisher {
		t.Errorf("small table used %s", test)
	}
	p, test := CompareProportions(45, 100, 30, 100)
	if test != TestZ {
		t.Errorf("large table used %s", test)
	}
	near(t, "p", p, 0.028459, 1e-6)
}

// binom.test(7, 20, 0.5): P(X ≤ 7) = 137980/2^20, doubled = 0.263176.
func TestBinomialTest(t *testing.T) {
	near(t, "7/20", BinomialTest(7, 20, 0.5), 2*137980.0/1048576.0, 1e-9)
	near(t, "10/20", BinomialTest(10, 20, 0.5), 1, 1e-9)
	// normal branch: 5,100 of 10,000 at 0.5: |dev| = 99.5, sd = 50, p = 2Φ(-1.99)
	near(t, "large", BinomialTest(5100, 10000, 0.5), 2*NormCDF(-1.99), 1e-12)
	near(t, "count ratio", CountRatioTest(7, 30, 13, 30), BinomialTest(7, 20, 0.5), 1e-12)
}

// Benjamini & Hochberg (1995), section 4: fifteen p-values, four rejected at
// q = 0.05. Expected q-values: p·15/rank, then running minimum from the top.
func TestBHPaper(t *testing.T) {
	p := []float64{0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
		0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000}
	want := []float64{0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571, 0.0638571, 0.0645,
		0.0765, 0.486, 0.5811818, 0.714875, 0.7532308, 0.8132143, 1}
	// shuffle the order: q-values must follow their p-values
	perm := []int{14, 3, 0, 9, 7, 1, 12, 5, 2, 11, 6, 13, 4, 10, 8}
	pp := make([]float64, len(p))
	for i, j := range perm {
		pp[i] = p[j]
	}
	q := BH(pp)
	rejected := 0
	for i, j := range perm {
		near(t, "q", q[i], want[j], 1e-6)
		if q[i] <= DefaultFDR {
			rejected++
		}
	}
	if rejected != 4 {
		t.Errorf("rejected %d, want 4", rejected)
	}
	if len(BH(nil)) != 0 {
		t.Error("BH(nil) not empty")
	}
}

func TestQuantile(t *testing.T) {
	near(t, "median", Quantile([]float64{5, 1, 3, 2, 4}, 0.5), 3, 0)
	near(t, "p90", Quantile([]float64{10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110}, 0.9), 100, 1e-12)
	near(t, "p25", Quantile([]float64{1, 2}, 0.25), 1.25, 1e-12)
	if !math.IsNaN(Quantile(nil, 0.5)) {
		t.Error("empty quantile not NaN")
	}
}
