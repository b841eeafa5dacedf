package widgets

import (
	"math"
	"strings"
)

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
