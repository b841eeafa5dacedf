package sticky

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// column is one column of the findings table.
type column struct {
	head  string
	w     int
	left  bool
	prio  int // dropped lowest first when the window is narrow
	value func(p insight.StickyPoint) string
}

func (s *Model) columns(d *data) []column {
	ds := s.common.Data()
	lo, hi := intervalScale(d.findings)
	return []column{
		{"Transition", transitionWidth(d), true, 9, func(p insight.StickyPoint) string { return p.Stage }},
		{"Slice", 0, true, 10, func(p insight.StickyPoint) string {
			if p.Parent != "" { // nested: compared within its parent
				return p.Dimension + "=" + p.Value + " in " + p.Parent
			}
			return p.Dimension + "=" + p.Value
		}},
		{"Entered", 7, false, 8, func(p insight.StickyPoint) string { return widgets.Count(p.Entered) }},
		{"Rate (95% CI)", 13, false, 7, func(p insight.StickyPoint) string {
			return fmt.Sprintf("%s (%.0f–%.0f)", widgets.Percent(p.Rate), p.CILow*100, p.CIHigh*100)
		}},
		{"interval · │ baseline", 22, true, 1, func(p insight.StickyPoint) string {
			return widgets.Interval(p.CILow, p.CIHigh, p.Rate, p.BaselineRate, lo, hi, 22)
		}},
		{"Baseline", 8, false, 6, func(p insight.StickyPoint) string { return widgets.Percent(p.BaselineRate) }},
		{"Lost", 5, false, 5, func(p insight.StickyPoint) string { return fmt.Sprintf("%.0f", p.LostConversions) }},
		{valueHead(ds.Currency), 10, false, 2, func(p insight.StickyPoint) string { return widgets.MoneyShort(p.LostValue, "") }},
		{"q", 6, false, 3, func(p insight.StickyPoint) string { return qValue(p.QValue) }},
	}
}

// fitColumns drops the lowest-priority columns until the table fits in
// width with at least minSlice cells for the slice, which takes the rest.
func fitColumns(cols []column, width, minSlice int) []column {
	for {
		used := 1 // the "▸ " prefix, less the last column's separator
		for _, c := range cols {
			used += c.w + 1
		}
		if used+minSlice <= width || len(cols) <= 3 {
			out := append([]column(nil), cols...)
			for i := range out {
				if out[i].head == "Slice" {
					out[i].w = max(minSlice, min(40, width-used))
				}
			}
			return out
		}
		low := -1
		for i, c := range cols {
			if c.head != "Slice" && (low < 0 || c.prio < cols[low].prio) {
				low = i
			}
		}
		cols = append(cols[:low:low], cols[low+1:]...)
	}
}

func transitionWidth(d *data) int {
	w := 10
	for _, p := range d.findings {
		w = max(w, len([]rune(p.Stage)))
	}
	return min(w, 22)
}

// intervalScale spans every interval and baseline shown, with a margin.
func intervalScale(ps []insight.StickyPoint) (lo, hi float64) {
	lo, hi = 1, 0
	for _, p := range ps {
		lo = math.Min(lo, math.Min(p.CILow, p.BaselineRate))
		hi = math.Max(hi, math.Max(p.CIHigh, p.BaselineRate))
	}
	if hi <= lo {
		return 0, 1
	}
	return math.Max(0, lo-0.02), math.Min(1, hi+0.02)
}

func align(s string, w int, left bool) string {
	if left {
		return widgets.Fit(s, w)
	}
	return widgets.PadLeft(widgets.Truncate(widgets.Clean(s), w), w)
}

func valueHead(currency string) string {
	if currency == "" {
		return "Lost value"
	}
	return "Lost " + widgets.Clean(currency)
}

func qValue(q float64) string {
	if q < 0.001 {
		return "<0.001"
	}
	return fmt.Sprintf("%.3f", q)
}
