package money

import (
	"strings"

	"github.com/funnel-cli/funnel/tui/widgets"
)

// mcol is one column of a money table. The first column is the label: it
// flexes between labelMin and labelMax cells; the others are right-aligned
// numbers of a fixed width, dropped by priority (higher first) when the
// width is short.
type mcol struct {
	head string
	w    int
	prio int
}

const (
	labelMin = 8
	labelMax = 22
)

// mtable is a table laid out for one width.
type mtable struct {
	cols   []mcol
	keep   []bool
	labelW int
}

// layout keeps the columns that fit in width, dropping the highest
// priority numbers first; the label takes what is left (up to labelMax).
func layout(cols []mcol, labels []string, width int) mtable {
	t := mtable{cols: cols, keep: make([]bool, len(cols))}
	want := labelMin
	for _, l := range append(labels, cols[0].head) {
		want = max(want, min(labelMax, len([]rune(widgets.Clean(l)))))
	}
	for i := range cols {
		t.keep[i] = true
	}
	used := func() int {
		n := 2 + labelMin
		for i := 1; i < len(cols); i++ {
			if t.keep[i] {
				n += 1 + cols[i].w
			}
		}
		return n
	}
	for used() > width {
		worst := -1
		for i := 1; i < len(cols); i++ {
			if t.keep[i] && (worst < 0 || cols[i].prio > cols[worst].prio) {
				worst = i
			}
		}
		if worst < 0 {
			break
		}
		t.keep[worst] = false
	}
	t.labelW = min(want, labelMin+max(0, width-used()))
	return t
}

// row renders a label and its cells (cells[i] goes with cols[i+1]).
func (t mtable) row(label string, cells ...string) string {
	var b strings.Builder
	b.WriteString("  ")
	b.WriteString(widgets.Fit(label, t.labelW))
	for i := 1; i < len(t.cols); i++ {
		if !t.keep[i] {
			continue
		}
		c := ""
		if i-1 < len(cells) {
			c = cells[i-1]
		}
		b.WriteString(" ")
		b.WriteString(widgets.PadLeft(widgets.Truncate(c, t.cols[i].w), t.cols[i].w))
	}
	return b.String()
}

// header renders the column titles.
func (t mtable) header() string {
	heads := make([]string, 0, len(t.cols)-1)
	for _, c := range t.cols[1:] {
		heads = append(heads, c.head)
	}
	return t.row(t.cols[0].head, heads...)
}

// dropped says how many columns did not fit.
func (t mtable) dropped() int {
	n := 0
	for _, k := range t.keep {
		if !k {
			n++
		}
	}
	return n
}
