package widgets

import (
	"math"
	"strings"
)

// Interval draws a rate's 95% interval on a w-cell scale from lo to hi:
// ─ spans the interval, ● marks the rate and │ the baseline it is compared
// with (drawn under the interval, so a gap between │ and the span is the
// difference). Values outside the scale are clamped to its ends.
//
//	Interval(0.10, 0.20, 0.15, 0.50, 0, 1, 21) == "  ─●─     │          "
func Interval(low, high, rate, baseline, lo, hi float64, w int) string {
	if w <= 0 {
		return ""
	}
	if !(hi > lo) {
		lo, hi = 0, 1
	}
	pos := func(x float64) int {
		if math.IsNaN(x) {
			return -1
		}
		f := (x - lo) / (hi - lo)
		return min(w-1, max(0, int(math.Round(f*float64(w-1)))))
	}
	cells := []rune(strings.Repeat(" ", w))
	a, b := pos(low), pos(high)
	if a >= 0 && b >= 0 {
		for i := min(a, b); i <= max(a, b); i++ {
			cells[i] = '─'
		}
	}
	if p := pos(baseline); p >= 0 {
		cells[p] = '│'
	}
	if p := pos(rate); p >= 0 {
		cells[p] = '●'
	}
	return string(cells)
}

// IntervalBar draws a 0–100% scale of width cells with the interval lo–hi
// as ─ and the rate as ●: `  ──●───    `. Values are clamped to 0..1.
func IntervalBar(lo, hi, rate float64, width int) string {
	if width <= 0 {
		return ""
	}
	cell := func(x float64) int {
		if math.IsNaN(x) {
			x = 0
		}
		x = math.Max(0, math.Min(1, x))
		return min(width-1, int(x*float64(width)))
	}
	a, b, r := cell(lo), cell(hi), cell(rate)
	cells := []rune(strings.Repeat(" ", width))
	for i := a; i <= b; i++ {
		cells[i] = '─'
	}
	cells[r] = '●'
	return string(cells)
}
