package money

import (
	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// page is the money view laid out for a width: its tables are drawn on
// one widgets.Sheet, scrolled across together.
type page struct {
	c     views.Common
	width int
	sheet *widgets.Sheet
}

// mcol is one column of a money table. The first is the label: pinned,
// between labelMin and labelMax cells; the others are right-aligned
// numbers of a fixed width, hidden by priority when the width is short
// (prio 1 stays longest).
type mcol struct {
	head string
	w    int
	prio int
}

const (
	labelMin = 8
	labelMax = 22
)

// table draws a money table: the header, a row of cells per label, and
// which columns are hidden, if any. style styles a row (nil: the theme's
// cell style).
func (p *page) table(cols []mcol, rows [][]string, style func(i int) lipgloss.Style) []string {
	wc := make([]widgets.Column, len(cols))
	wc[0] = widgets.Column{Title: cols[0].head, Pin: true, Min: labelMin, Max: labelMax}
	for i, c := range cols[1:] {
		wc[i+1] = widgets.Column{Title: c.head, Align: widgets.AlignRight, Width: c.w, Priority: -c.prio}
	}
	lines := p.sheet.Table(rows, style, wc...)
	if n := len(lines); n > len(rows)+1 { // the hidden columns' line, muted
		lines[n-1] = p.c.Styles.Muted.Render(lines[n-1])
	}
	return lines
}
