package widgets

import (
	"math"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestInterval(t *testing.T) {
	for _, c := range []struct {
		low, high, rate, base, lo, hi float64
		w                             int
		want                          string
	}{
		// 21 cells on 0..1: a cell every 5 points; 10–20% is cells 2..4
		{0.10, 0.20, 0.15, 0.50, 0, 1, 21, "  ─●─     │          "},
		// the baseline inside the interval is drawn over it, the rate over both
		{0.40, 0.60, 0.50, 0.42, 0, 1, 11, "    │●─    "},
		// outside the scale: clamped to the ends
		{-0.5, 0.30, 0.0, 2, 0, 1, 5, "●─  │"},
		// an empty scale falls back to 0..1
		{0, 1, 1, 0, 0.5, 0.5, 3, "│─●"},
		{0.1, 0.2, math.NaN(), math.NaN(), 0, 1, 3, "─  "},
		{0.1, 0.2, 0.1, 0.2, 0, 1, 0, ""},
	} {
		got := Interval(c.low, c.high, c.rate, c.base, c.lo, c.hi, c.w)
		if got != c.want {
			t.Errorf("Interval(%v,%v,%v,%v,%v,%v,%d) = %q, want %q", c.low, c.high, c.rate, c.base, c.lo, c.hi, c.w, got, c.want)
		}
		if ansi.StringWidth(got) != c.w {
			t.Errorf("width %d, want %d", ansi.StringWidth(got), c.w)
		}
	}
}
