package views

import (
	"fmt"
	"math"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// stickyHeadLines is the number of lines above the first finding.
const stickyHeadLines = 3

func (s *Sticky) bodyHeight() int { return max(1, s.height-stickyHeadLines-stickyFootLines) }

// stickyFootLines is the most the footer takes.
const stickyFootLines = 3

// cut keeps the first h lines.
func cut(lines []string, h int) string {
	if h > 0 && len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// stickyCol is one column of the findings table.
type stickyCol struct {
	head  string
	w     int
	left  bool
	prio  int // dropped lowest first when the window is narrow
	value func(p insight.StickyPoint) string
}

func (s *Sticky) columns(d *stickyData) []stickyCol {
	ds := s.common.Data()
	lo, hi := intervalScale(d.findings)
	return []stickyCol{
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
		{valueHead(ds.Currency), 10, false, 2, func(p insight.StickyPoint) string { return moneyShort(p.LostValue, "") }},
		{"q", 6, false, 3, func(p insight.StickyPoint) string { return qValue(p.QValue) }},
	}
}

// fitColumns drops the lowest-priority columns until the table fits in
// width with at least minSlice cells for the slice, which takes the rest.
func fitColumns(cols []stickyCol, width, minSlice int) []stickyCol {
	for {
		used := 1 // the "▸ " prefix, less the last column's separator
		for _, c := range cols {
			used += c.w + 1
		}
		if used+minSlice <= width || len(cols) <= 3 {
			out := append([]stickyCol(nil), cols...)
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

func (s *Sticky) View() string {
	s.poll()
	st := s.common.Styles
	if s.data == nil {
		return st.Muted.Render(widgets.Truncate("computing sticky points…", s.width))
	}
	d := s.data
	if d.err != nil {
		return cut([]string{st.Error.Render(widgets.Truncate("Sticky points: "+widgets.Clean(d.err.Error()), s.width))}, s.height)
	}
	lines := []string{st.Emphasis.Render(widgets.Truncate(s.headline(d), s.width)),
		st.Muted.Render(widgets.Truncate(s.subline(d), s.width))}
	if len(d.findings) == 0 {
		lines = append(lines, "", st.Muted.Render(widgets.Truncate(
			"No slice converts worse than the rest beyond chance in this window.", s.width)))
		return cut(append(lines, s.footer(d)...), s.height)
	}
	cols := fitColumns(s.columns(d), s.width, 14)
	var head strings.Builder
	head.WriteString("  ")
	for _, c := range cols {
		head.WriteString(align(c.head, c.w, c.left) + " ")
	}
	lines = append(lines, st.Header.Render(widgets.Truncate(strings.TrimRight(head.String(), " "), s.width)))
	end := min(len(d.findings), s.offset+s.bodyHeight())
	for i := s.offset; i < end; i++ {
		p := d.findings[i]
		var b strings.Builder
		for _, c := range cols {
			text := c.value(p)
			if c.head == "Slice" && len([]rune(text)) > c.w {
				text = p.Value + " (" + p.Dimension + ")" // narrow: the value first
			}
			b.WriteString(align(text, c.w, c.left) + " ")
		}
		row := strings.TrimRight(b.String(), " ")
		if i == s.cursor {
			lines = append(lines, st.Selected.Render(widgets.PadRight(widgets.Truncate("▸ "+row, s.width), s.width)))
			continue
		}
		lines = append(lines, widgets.Truncate("  "+st.Cell.Render(row), s.width))
	}
	return cut(append(lines, s.footer(d)...), s.height)
}

func (s *Sticky) headline(d *stickyData) string {
	order := "lost conversions"
	if s.byValue {
		order = "lost value"
	}
	return fmt.Sprintf("%d sticky points of %d comparisons, by %s", len(d.findings), d.res.Comparisons, order)
}

func (s *Sticky) subline(d *stickyData) string {
	win := "all records (no dates)"
	if d.dated {
		win = "entered " + d.window.String()
		if a, b := model.MonthIndex(d.window.From), model.MonthIndex(d.window.To); a != b {
			win = "entered " + model.MonthLabel(a) + "…" + model.MonthLabel(b)
		}
	}
	line := fmt.Sprintf("%s · as of %s · min sample %d · FDR %.0f%%", win, d.res.AsOf, d.res.MinSample, d.res.FDR*100)
	if sc := scopeNote(d.sel, d.filter); sc != "" {
		line += " · " + sc
	}
	return line
}

func (s *Sticky) footer(d *stickyData) []string {
	st := s.common.Styles
	var notes []string
	if d.tooFew > 0 {
		notes = append(notes, fmt.Sprintf("%d slices too few to tell (under %d entering)", d.tooFew, d.res.MinSample))
	}
	if d.better > 0 {
		notes = append(notes, fmt.Sprintf("%d convert better than the rest", d.better))
	}
	for _, ti := range d.res.Transitions {
		if ti.Entered == 0 && d.dated {
			notes = append(notes, fmt.Sprintf("%s: none mature yet (%d-day maturity)", ti.Stage, ti.MaturityDays))
		}
	}
	out := []string{"", st.Muted.Render(widgets.Truncate(
		"Benjamini–Hochberg across all comparisons; each step's window ends at its p90 time to move on (younger records left out); a nested slice (campaign in channel) is compared within its parent", s.width))}
	if len(notes) > 0 {
		out = append(out, st.Warn.Render(widgets.Truncate(widgets.Clean(strings.Join(notes, " · ")), s.width)))
	}
	return out
}

func transitionWidth(d *stickyData) int {
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

// moneyShort formats cents as whole units: "233,664 EUR" (no code when the
// data has none).
func moneyShort(cents int64, currency string) string {
	s := widgets.Count(int(math.Round(float64(cents) / 100)))
	if currency != "" {
		s += " " + widgets.Clean(currency)
	}
	return s
}
