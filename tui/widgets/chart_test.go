package widgets

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestIntervalBar(t *testing.T) {
	// 10 cells of 10% each: 20%–40% covers cells 2..4, the rate 30% is cell 3
	if got := IntervalBar(0.2, 0.4, 0.3, 10); got != "  ─●─     " {
		t.Fatalf("got %q", got)
	}
	if got := IntervalBar(-1, 2, 1, 4); got != "───●" {
		t.Fatalf("clamped: got %q", got)
	}
	if IntervalBar(0, 1, 0.5, 0) != "" {
		t.Fatal("zero width draws nothing")
	}
}

func TestChartFitsItsBox(t *testing.T) {
	vals := []float64{10, 20, math.NaN(), 15, 30, 25}
	for _, sz := range [][2]int{{16, 3}, {40, 8}, {120, 14}} {
		out := Chart(vals, sz[0], sz[1], "caption", 1)
		lines := strings.Split(out, "\n")
		if len(lines) > sz[1] {
			t.Fatalf("%v: %d lines", sz, len(lines))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > sz[0] {
				t.Fatalf("%v: line %q too wide", sz, l)
			}
		}
	}
	if Chart(vals, 10, 2, "", 0) != "" || Chart([]float64{math.NaN()}, 40, 8, "", 0) != "" {
		t.Fatal("too small a box or no data draws nothing")
	}
	if out := Chart([]float64{5, 5, 5}, 40, 6, "", 0); !strings.Contains(out, "5") {
		t.Fatalf("a flat series still plots:\n%s", out)
	}
}

// The y labels of neighbouring rows differ: a narrow range gets decimals
// ("99, 99, 98" says nothing), a flat line three rows.
func TestChartLabelsDiffer(t *testing.T) {
	for _, vals := range [][]float64{{100, 99, 97, 94, 95, 100}, {100, 100, 100}} {
		out := Chart(vals, 60, 14, "", 0)
		var labels []string
		for _, l := range strings.Split(out, "\n") {
			if i := strings.IndexAny(l, "┤┼"); i > 0 {
				labels = append(labels, strings.TrimSpace(l[:i]))
			}
		}
		if len(labels) < 3 {
			t.Fatalf("%v: labels %q:\n%s", vals, labels, out)
		}
		for i := 1; i < len(labels); i++ {
			if labels[i] == labels[i-1] {
				t.Errorf("%v: two rows labelled %s:\n%s", vals, labels[i], out)
			}
		}
	}
}

// Counts over a range smaller than the plot get a row per unit and whole
// labels, not "11.2, 10.4".
func TestChartCountsHaveWholeLabels(t *testing.T) {
	out := Chart([]float64{12, 7, 5, 7, 7, 8, 2, 8, 9, 9, 9, 4}, 80, 14, "", 0)
	if strings.Contains(out, ".") {
		t.Errorf("fractional labels for counts:\n%s", out)
	}
	if n := strings.Count(out, "┤") + strings.Count(out, "┼"); n != 11 {
		t.Errorf("%d rows for counts 2..12, want 11:\n%s", n, out)
	}
}
