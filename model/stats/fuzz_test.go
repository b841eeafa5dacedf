package stats

import (
	"math"
	"testing"
)

// Invariants for any counts: the Wilson interval lies in [0,1] and holds
// the observed rate; p-values lie in [0,1]; BH q-values are at least their
// p-values and follow their order.
func FuzzProportions(f *testing.F) {
	f.Add(81, 263, 15, 148)
	f.Add(3, 4, 1, 4)
	f.Add(0, 0, 0, 1)
	f.Add(5000, 10000, 4900, 10000)
	f.Fuzz(func(t *testing.T, k1, n1, k2, n2 int) {
		clampN := func(k, n int) (int, int) {
			n = abs(n) % 100000
			if n == 0 {
				return 0, 0
			}
			return abs(k) % (n + 1), n
		}
		k1, n1 = clampN(k1, n1)
		k2, n2 = clampN(k2, n2)
		lo, hi := Wilson95(k1, n1)
		if lo < 0 || hi > 1 || lo > hi {
			t.Fatalf("Wilson(%d/%d) = [%v, %v]", k1, n1, lo, hi)
		}
		if n1 > 0 {
			if r := float64(k1) / float64(n1); r < lo-1e-12 || r > hi+1e-12 {
				t.Fatalf("Wilson(%d/%d) = [%v, %v] misses %v", k1, n1, lo, hi, r)
			}
		}
		p, _ := CompareProportions(k1, n1, k2, n2)
		pf := 1.0
		if n1+n2 <= 4000 {
			pf = FisherExact(k1, n1-k1, k2, n2-k2)
		}
		for _, v := range []float64{p, pf, BinomialTest(k1, n1, 0.3)} {
			if math.IsNaN(v) || v < 0 || v > 1 {
				t.Fatalf("p-value %v for %d/%d vs %d/%d", v, k1, n1, k2, n2)
			}
		}
		ps := []float64{p, pf, 0.5, 0.01}
		q := BH(ps)
		for i := range ps {
			if q[i] < ps[i]-1e-15 || q[i] > 1 {
				t.Fatalf("q %v for p %v", q[i], ps[i])
			}
			for j := range ps {
				if ps[i] < ps[j] && q[i] > q[j]+1e-15 {
					t.Fatalf("q out of order: %v %v", ps, q)
				}
			}
		}
	})
}

func abs(x int) int {
	if x < 0 {
		if x == math.MinInt {
			return math.MaxInt
		}
		return -x
	}
	return x
}
