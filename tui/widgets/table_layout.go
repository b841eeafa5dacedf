package widgets

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/tui/format"
)

// Drawing a Table: fitting the columns to the width, the header and the
// rows.

// layout is the table fitted to its width.
type layout struct {
	widths []int // per column; 0 when hidden
	order  []int // the scrollable columns, most important first
	hidden int
	more   bool // a column of a later rank is hidden: scrolling right shows it
}

// measureRows bounds the rows measured for a column's width.
const measureRows = 1000

// Header is the column titles, styled.
func (t *Table) Header() string {
	lay := t.fitted()
	var b strings.Builder
	b.WriteString("  ")
	t.each(lay, func(i, w int, gap string, last bool) {
		b.WriteString(gap + align(t.cols[i].Title, w, t.cols[i].Align, last))
	})
	return t.Styles.Header.Render(format.Truncate(b.String(), t.width))
}

// Row draws row r, marked and styled as the selection when selected.
func (t *Table) Row(r int, selected bool) string {
	lay := t.fitted()
	var plain, styled strings.Builder
	rowStyle := t.Styles.Cell
	if t.RowStyle != nil {
		rowStyle = t.RowStyle(r)
	}
	t.each(lay, func(i, w int, gap string, last bool) {
		c := t.cols[i]
		text := ""
		if c.Draw != nil {
			text = c.Draw(r, w)
		} else if t.cell != nil {
			text = t.cell(r, i)
		}
		text = align(text, w, c.Align, last && t.Note == nil)
		style := rowStyle
		if c.Style != nil {
			style = c.Style(r)
		}
		plain.WriteString(gap + text)
		styled.WriteString(gap + style.Render(text))
	})
	if t.Note != nil {
		if note, style := t.Note(r); note != "" {
			plain.WriteString(note)
			styled.WriteString(style.Render(note))
		}
	}
	if selected {
		return t.Styles.Selected.Render(format.PadRight(format.Truncate("▸ "+plain.String(), t.width), t.width))
	}
	return format.Truncate("  "+styled.String(), t.width)
}

// Lines draws the header and rows from ≤ r < to, cursor selected (-1:
// none).
func (t *Table) Lines(from, to, cursor int) []string {
	out := make([]string, 0, 1+max(0, to-from))
	out = append(out, t.Header())
	for r := from; r < min(to, t.n); r++ {
		out = append(out, t.Row(r, r == cursor))
	}
	return out
}

// each calls f for every shown column in order, with its width, the
// spaces before it and whether it is the last.
func (t *Table) each(lay *layout, f func(i, w int, gap string, last bool)) {
	lastShown := -1
	for i, w := range lay.widths {
		if w > 0 {
			lastShown = i
		}
	}
	firstShown := true
	for i, w := range lay.widths {
		if w == 0 {
			continue
		}
		gap := ""
		if !firstShown {
			gap = strings.Repeat(" ", t.gap(i))
		}
		firstShown = false
		f(i, w, gap, i == lastShown)
	}
}

func (t *Table) gap(i int) int {
	if g := t.cols[i].Gap; g > 0 {
		return g
	}
	return 1
}

// align fits a cell to its width; the last column's text is not padded
// on the right (no trailing blanks).
func align(s string, w int, a Align, last bool) string {
	switch {
	case a == AlignRight:
		return format.PadLeft(format.Truncate(format.Clean(s), w), w)
	case last:
		return format.Truncate(format.Clean(s), w)
	}
	return format.Fit(s, w)
}

func (t *Table) fitted() *layout {
	if t.lay == nil {
		t.lay = t.fit()
	}
	return t.lay
}

// natural is column i's measured width, within its bounds.
func (t *Table) natural(i int) int {
	c := t.cols[i]
	if c.Width > 0 {
		return c.Width
	}
	if c.Grow {
		return max(1, c.Min)
	}
	w := ansi.StringWidth(format.Clean(c.Title))
	if t.cell != nil {
		for r := 0; r < min(t.n, measureRows); r++ {
			w = max(w, ansi.StringWidth(format.Clean(t.cell(r, i))))
		}
	}
	if c.Max > 0 {
		w = min(w, c.Max)
	}
	return max(w, c.Min, 1)
}

// fit lays the columns out for the width: pinned columns at their
// smallest, then the others by rank from the scroll while they fit, then
// the room left to the pinned columns (up to their measured width) and to
// the growing ones.
func (t *Table) fit() *layout {
	nc := len(t.cols)
	lay := &layout{widths: make([]int, nc)}
	nat := make([]int, nc)
	for i := range t.cols {
		nat[i] = t.natural(i)
	}
	avail := t.width - 2 - t.NoteWidth
	for i, c := range t.cols {
		if c.Pin {
			lay.widths[i] = nat[i]
			if c.Min > 0 {
				lay.widths[i] = min(nat[i], c.Min)
			}
		} else {
			lay.order = append(lay.order, i)
		}
	}
	slices.SortStableFunc(lay.order, func(a, b int) int { return t.cols[b].Priority - t.cols[a].Priority })
	t.first = min(t.first, max(0, len(lay.order)-1))
	blocked := map[int]bool{} // priorities of which a column did not fit: no holes among equals
	for r, i := range lay.order {
		if r < t.first {
			lay.hidden++
			continue
		}
		prio := t.cols[i].Priority
		lay.widths[i] = nat[i]
		over := t.used(lay.widths) - avail
		switch {
		case over <= 0 && !blocked[prio]:
			continue
		case over > 0 && r == t.first && !t.cols[i].Grow && nat[i]-over >= min(3, nat[i]):
			lay.widths[i] = nat[i] - over // the column scrolled to is shown cut rather than not at all
			continue
		}
		lay.widths[i] = 0
		lay.hidden++
		lay.more = true
		blocked[prio] = true
	}
	left := avail - t.used(lay.widths)
	for pass := 0; pass < 2; pass++ { // the pinned columns, then the growing ones
		for i, c := range t.cols {
			w := lay.widths[i]
			if left <= 0 || w == 0 {
				continue
			}
			add := 0
			switch {
			case pass == 0 && c.Pin:
				add = min(left, nat[i]-w)
			case pass == 1 && c.Grow && c.Max > 0:
				add = min(left, c.Max-w)
			case pass == 1 && c.Grow:
				add = left
			}
			lay.widths[i] += max(0, add)
			left -= max(0, add)
		}
	}
	return lay
}

// used is the width of the columns given widths, gaps between them.
func (t *Table) used(widths []int) int {
	n, shown := 0, false
	for i, w := range widths {
		if w == 0 {
			continue
		}
		if shown {
			n += t.gap(i)
		}
		n += w
		shown = true
	}
	return n
}
