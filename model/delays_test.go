package model

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The histogram's order statistics are those of the sorted delays.
func TestStepDelaysOrderStats(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	from, to := make([]int32, 5000), make([]int32, 5000)
	var want []int32
	for i := range from {
		from[i], to[i] = int32(r.IntN(400)), int32(r.IntN(900))
		if r.IntN(7) == 0 {
			to[i] = NoDay
		}
		if to[i] != NoDay && to[i] >= from[i] && to[i] <= 700 {
			want = append(want, to[i]-from[i])
		}
	}
	slices.Sort(want)
	d := StepDelays(from, to, 700)
	if d.Len() != len(want) {
		t.Fatalf("%d delays, want %d", d.Len(), len(want))
	}
	for i, w := range want {
		if got := d.At(i); got != w {
			t.Fatalf("delay %d: %d, want %d", i, got, w)
		}
	}
}
