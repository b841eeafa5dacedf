// Package stats holds the small statistics the funnel explorer needs to tell
// a finding from noise: the Wilson score interval, the two-proportion z test,
// Fisher's exact test for small counts, a count-ratio test and the
// Benjamini–Hochberg false-discovery-rate correction; and the estimates that
// must not mistake a young record for a lost one: the Aalen–Johansen
// cumulative incidence of competing events with censoring (compete.go) and
// the log-scale delta method for intervals of products and sums of rates
// (delta.go). Only math is used.
package stats

import (
	"math"
	"sort"
)

// NormCDF is the standard normal cumulative distribution function.
func NormCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// NormQuantile is the inverse of NormCDF (p in (0,1); ±Inf at the ends).
func NormQuantile(p float64) float64 {
	switch {
	case p <= 0:
		return math.Inf(-1)
	case p >= 1:
		return math.Inf(1)
	}
	return math.Sqrt2 * math.Erfinv(2*p-1)
}

// Z95 is the two-sided 95% normal critical value (1.959964...).
var Z95 = NormQuantile(0.975)

// Wilson returns the Wilson score interval for k successes out of n at the
// given confidence level (0.95 for 95%). With n == 0 it returns 0, 1.
func Wilson(k, n int, confidence float64) (lo, hi float64) {
	if n <= 0 {
		return 0, 1
	}
	z := NormQuantile(1 - (1-confidence)/2)
	nf := float64(n)
	p := float64(k) / nf
	z2 := z * z
	den := 1 + z2/nf
	centre := (p + z2/(2*nf)) / den
	half := z / den * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	lo, hi = centre-half, centre+half
	if k == 0 {
		lo = 0
	}
	if k == n {
		hi = 1
	}
	return math.Max(0, lo), math.Min(1, hi)
}

// Wilson95 is Wilson at 95% confidence.
func Wilson95(k, n int) (lo, hi float64) { return Wilson(k, n, 0.95) }

// TwoProportionZ is the pooled two-proportion z test of k1/n1 against k2/n2.
// It returns z (positive when the first rate is higher) and the two-sided
// p-value. With an empty group or no variation it returns 0, 1.
func TwoProportionZ(k1, n1, k2, n2 int) (z, p float64) {
	if n1 <= 0 || n2 <= 0 {
		return 0, 1
	}
	p1, p2 := float64(k1)/float64(n1), float64(k2)/float64(n2)
	pool := float64(k1+k2) / float64(n1+n2)
	se := math.Sqrt(pool * (1 - pool) * (1/float64(n1) + 1/float64(n2)))
	if se == 0 {
		return 0, 1
	}
	z = (p1 - p2) / se
	return z, 2 * NormCDF(-math.Abs(z))
}

// FisherExact is the two-sided Fisher exact test of the 2×2 table
// [[a, b], [c, d]]: the probability, given the margins, of a table at most as
// likely as the one observed (the convention of R's fisher.test).
func FisherExact(a, b, c, d int) float64 {
	r1, c1, n := a+b, a+c, a+b+c+d
	if n == 0 {
		return 1
	}
	lo, hi := max(0, r1+c1-n), min(r1, c1)
	base := lchoose(r1+(n-r1), c1) // log C(n, c1)
	logp := func(x int) float64 { return lchoose(r1, x) + lchoose(n-r1, c1-x) - base }
	obs := logp(a)
	const rel = 1 + 1e-7
	total := 0.0
	for x := lo; x <= hi; x++ {
		lp := logp(x)
		if lp <= obs+math.Log(rel) {
			total += math.Exp(lp)
		}
	}
	return math.Min(1, total)
}

func lchoose(n, k int) float64 {
	if k < 0 || k > n {
		return math.Inf(-1)
	}
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}

// Test names the test CompareProportions chose.
type Test string

const (
	TestZ      Test = "two-proportion z"
	TestFisher Test = "Fisher exact"
)

// CompareProportions tests k1/n1 against k2/n2 two-sided: Fisher's exact
// test when any expected cell count is below 5, the pooled z test otherwise.
func CompareProportions(k1, n1, k2, n2 int) (p float64, test Test) {
	if n1 <= 0 || n2 <= 0 {
		return 1, TestZ
	}
	n := float64(n1 + n2)
	succ, fail := float64(k1+k2), float64(n1+n2-k1-k2)
	minExp := math.Min(math.Min(succ*float64(n1)/n, succ*float64(n2)/n),
		math.Min(fail*float64(n1)/n, fail*float64(n2)/n))
	if minExp < 5 {
		return FisherExact(k1, n1-k1, k2, n2-k2), TestFisher
	}
	_, p = TwoProportionZ(k1, n1, k2, n2)
	return p, TestZ
}

// BinomialTest is the two-sided test that k successes out of n come from a
// rate p0: exact (summing outcomes no more likely than k) for n up to 2,000,
// the normal approximation with continuity correction above that.
func BinomialTest(k, n int, p0 float64) float64 {
	if n <= 0 || p0 <= 0 || p0 >= 1 {
		if n > 0 && ((p0 <= 0 && k > 0) || (p0 >= 1 && k < n)) {
			return 0
		}
		return 1
	}
	if n > 2000 {
		mu, sd := float64(n)*p0, math.Sqrt(float64(n)*p0*(1-p0))
		dev := math.Max(0, math.Abs(float64(k)-mu)-0.5)
		return math.Min(1, 2*NormCDF(-dev/sd))
	}
	lp := func(x int) float64 {
		return lchoose(n, x) + float64(x)*math.Log(p0) + float64(n-x)*math.Log1p(-p0)
	}
	obs := lp(k) + math.Log(1+1e-7)
	total := 0.0
	for x := 0; x <= n; x++ {
		if v := lp(x); v <= obs {
			total += math.Exp(v)
		}
	}
	return math.Min(1, total)
}

// CountRatioTest tests whether two Poisson counts observed over exposures t1
// and t2 (e.g. days in each period) share one rate: conditional on the total,
// c1 is binomial with p = t1/(t1+t2). Two-sided p-value.
func CountRatioTest(c1 int, t1 float64, c2 int, t2 float64) float64 {
	if t1 <= 0 || t2 <= 0 {
		return 1
	}
	return BinomialTest(c1, c1+c2, t1/(t1+t2))
}

// BH returns Benjamini–Hochberg adjusted p-values (q-values) in the order of
// p: q_i = min over j with p_j >= p_i of p_j·m/rank_j, capped at 1. A result
// is a discovery at false discovery rate α when q <= α.
func BH(p []float64) []float64 {
	m := len(p)
	q := make([]float64, m)
	if m == 0 {
		return q
	}
	idx := make([]int, m)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] < p[idx[b]] })
	run := 1.0
	for r := m - 1; r >= 0; r-- {
		i := idx[r]
		v := p[i] * float64(m) / float64(r+1)
		if math.IsNaN(v) {
			v = 1
		}
		run = math.Min(run, v)
		q[i] = run
	}
	return q
}

// DefaultFDR is the default false discovery rate (5%).
const DefaultFDR = 0.05

// Quantile returns the q-quantile (0..1) of xs by linear interpolation
// between order statistics; xs is sorted in place. NaN when empty.
func Quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	sort.Float64s(xs)
	pos := q * float64(len(xs)-1)
	i := int(math.Floor(pos))
	if i >= len(xs)-1 {
		return xs[len(xs)-1]
	}
	f := pos - float64(i)
	return xs[i]*(1-f) + xs[i+1]*f
}
