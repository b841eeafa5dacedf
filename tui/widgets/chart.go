package widgets

import (
	"math"
	"strings"

	"github.com/guptarohit/asciigraph"

	"github.com/funnel-cli/funnel/tui/format"
)

// Chart plots values as an asciigraph line chart that fits in width×height
// cells (the y labels included); the caption goes on the last line. It
// returns "" when the box is too small or there is nothing to plot. NaN
// values (no data) are drawn as gaps.
func Chart(values []float64, width, height int, caption string, precision uint) string {
	if width < 16 || height < 3 || len(values) == 0 {
		return ""
	}
	hasData := false
	for _, v := range values {
		if !math.IsNaN(v) {
			hasData = true
		}
	}
	if !hasData {
		return ""
	}
	plotH := height - 1 // the plot has Height+1 rows
	if caption != "" {
		plotH--
	}
	plotH = max(1, plotH)
	// the y-label gutter: the widest label plus the axis
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	// a flat line gets three rows (above, at, below); labels get the
	// decimals that keep neighbouring rows apart ("99, 99, 98" is none)
	span := hi - lo
	if lo == hi {
		span, plotH = 2, min(plotH, 2)
	}
	if whole(values) && span >= 1 && span < float64(plotH) { // counts: a row per unit, whole labels
		plotH = max(2, int(span))
	}
	for precision < 2 && span/float64(plotH) < math.Pow(10, -float64(precision)) {
		precision++
	}
	gutter := len(asciigraph.Plot([]float64{lo, hi}, asciigraph.Height(1), asciigraph.Width(1),
		asciigraph.Precision(precision))) / 2
	gutter = max(6, gutter)
	plotW := max(2, width-gutter-1)
	opts := []asciigraph.Option{asciigraph.Height(plotH), asciigraph.Width(plotW), asciigraph.Precision(precision)}
	if lo == hi {
		opts = append(opts, asciigraph.LowerBound(lo-1), asciigraph.UpperBound(hi+1))
	}
	g := asciigraph.Plot(values, opts...)
	lines := strings.Split(g, "\n")
	for i, l := range lines {
		lines[i] = format.Truncate(l, width)
	}
	if caption != "" {
		lines = append(lines, format.Truncate(strings.Repeat(" ", min(gutter, max(0, width-len(caption))))+caption, width))
	}
	if len(lines) > height {
		lines = lines[len(lines)-height:]
	}
	return strings.Join(lines, "\n")
}

// whole reports whether every value is a whole number (counts).
func whole(values []float64) bool {
	for _, v := range values {
		if !math.IsNaN(v) && v != math.Trunc(v) {
			return false
		}
	}
	return true
}
