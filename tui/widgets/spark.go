package widgets

import (
	"math"
	"strings"
)

var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws one cell per value, scaled to the largest; a zero is a
// blank so empty months are visible.
func Sparkline(values []int) string {
	hi := 0
	for _, v := range values {
		hi = max(hi, v)
	}
	var b strings.Builder
	for _, v := range values {
		switch {
		case v <= 0 || hi == 0:
			b.WriteByte(' ')
		default:
			lvl := int(math.Ceil(float64(v)/float64(hi)*8)) - 1
			b.WriteRune(sparkLevels[min(max(lvl, 0), 7)])
		}
	}
	return b.String()
}

var barEighths = []rune(" ▏▎▍▌▋▊▉")

// Bar draws frac (0..1) of w cells with eighth-block precision.
func Bar(frac float64, w int) string {
	if w <= 0 {
		return ""
	}
	frac = math.Max(0, math.Min(1, frac))
	eighths := int(math.Round(frac * float64(w*8)))
	full, part := eighths/8, eighths%8
	var b strings.Builder
	b.WriteString(strings.Repeat("█", full))
	if full < w {
		if part > 0 {
			b.WriteRune(barEighths[part])
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(strings.Repeat(" ", w-full-1))
	}
	return b.String()
}
