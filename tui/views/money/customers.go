package money

import (
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// The existing customers and the ICP segments: the report's customers and
// segments sections of the same records (report.CustomersOf, SegmentsOf,
// over model/money), drawn table by table from their data.

// customerLines are the customers section: churn by month, then retention
// and expansion by channel and by cohort.
func customerLines(p *page, d result) []string {
	st := p.c.Styles
	l := []string{"", st.Emphasis.Render(format.Truncate("Existing customers", p.width))}
	switch {
	case d.CustErr != nil:
		return append(l, st.Error.Render(format.Truncate("! "+format.Clean(d.CustErr.Error()), p.width)))
	case d.Customers == nil:
		return append(l, st.Muted.Render("Computing churn and retention…"))
	}
	for _, t := range d.Customers.Tables() {
		l = append(l, tableLines(p, t, d.Customers.Currency)...)
	}
	return l
}

// segmentLines are the segments section, or how to get one.
func segmentLines(p *page, d result) []string {
	st := p.c.Styles
	l := []string{"", st.Emphasis.Render(format.Truncate("ICP segments", p.width))}
	switch {
	case d.SegErr != nil:
		return append(l, st.Error.Render(format.Truncate("! "+format.Clean(d.SegErr.Error()), p.width)))
	case d.Segments == nil:
		for _, w := range format.Wrap("No segment rules: add a segments list to the mapping file (--map; funnel help mapping) to see the funnel, pipeline, won revenue and cost per ICP segment.", p.width) {
			l = append(l, st.Muted.Render(w))
		}
		return l
	}
	for _, t := range d.Segments.Tables() {
		l = append(l, tableLines(p, t, d.Segments.Currency)...)
	}
	return l
}

// tableLines draws one table of data on the page: its title, its header
// and rows (text left, the first column kept; numbers right, money in the
// currency), which columns are hidden, and its footnotes.
func tableLines(p *page, t tabular.Table, currency string) []string {
	st := p.c.Styles
	cols := make([]widgets.Column, len(t.Columns))
	for j, c := range t.Columns {
		cols[j] = widgets.Column{Title: c.Name, Min: 4, Max: 28, Priority: -j}
		if c.Kind != tabular.KindText {
			cols[j].Align = widgets.AlignRight
		}
	}
	cols[0].Pin, cols[0].Min = true, 8
	rows := make([][]string, len(t.Rows))
	whole := make([]bool, len(t.Columns))
	for j := range t.Columns {
		whole[j] = tabular.WholeMoney(t, j) // one money format per column
	}
	for i, r := range t.Rows {
		rows[i] = make([]string, len(r))
		for j, c := range r {
			if t.Columns[j].Kind == tabular.KindMoney && !c.Null {
				rows[i][j] = format.Money(int64(c.Num), currency)
				if whole[j] {
					rows[i][j] = format.MoneyWhole(int64(c.Num), currency)
				}
				continue
			}
			rows[i][j] = tabular.Text(c, t.Columns[j].Kind)
		}
	}
	l := []string{"", st.Title.Render(format.Truncate(format.Clean(t.Title), p.width))}
	lines := p.sheet.Table(rows, nil, cols...)
	if n := len(lines); n > len(rows)+1 { // the hidden columns' line, muted
		lines[n-1] = st.Muted.Render(lines[n-1])
	}
	l = append(l, lines...)
	if len(t.Rows) == 0 {
		l = append(l, st.Muted.Render("  none"))
	}
	for _, f := range t.Footnotes {
		for _, w := range format.Wrap(format.Clean(f), p.width) {
			l = append(l, st.Muted.Render(w))
		}
	}
	return l
}
