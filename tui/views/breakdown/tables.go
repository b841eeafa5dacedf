package breakdown

import (
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/tabular"
)

// The breakdown as data (views.Tabler): one row per slice, in the order
// shown, with every column the screen can show; the screen draws its
// cells from it (cols says where each is).

// dataCols are the indices of the data table's columns.
type dataCols struct {
	records, stages, from, to, rate, lo, hi, lost, won, revenue, few, trend int
}

// data builds the table of the focused step from b.rows.
func (b *Model) data() (tabular.Table, dataCols) {
	r := b.res
	k := min(b.step, max(0, len(r.Stages)-2))
	from, to := r.Stages[k], r.Stages[min(k+1, len(r.Stages)-1)]
	t := tabular.Table{Name: "breakdown", Title: "Breakdown by " + b.dim + ", step " + from + " → " + to,
		Columns: []tabular.Column{{Name: b.dim, Kind: tabular.KindText}, {Name: "Records", Kind: tabular.KindCount}}}
	add := func(name string, k tabular.Kind) int {
		t.Columns = append(t.Columns, tabular.Column{Name: name, Kind: k})
		return len(t.Columns) - 1
	}
	c := dataCols{records: 1, stages: 2, won: -1, revenue: -1}
	for _, s := range r.Stages {
		add(s, tabular.KindCount)
	}
	c.from = add("Entered "+from, tabular.KindCount)
	c.to = add("Reached "+to, tabular.KindCount)
	c.rate = add("Rate", tabular.KindRate)
	c.lo = add("95% low", tabular.KindRate)
	c.hi = add("95% high", tabular.KindRate)
	c.lost = add("Lost vs rest", tabular.KindDecimal)
	if b.money != nil {
		c.won = add("Won deals", tabular.KindCount)
		c.revenue = add(b.money.head(), tabular.KindMoney)
	}
	c.few = add("Too few", tabular.KindText)
	c.trend = len(t.Columns)
	for _, p := range r.Periods {
		add("Rate "+p.Label, tabular.KindRate)
	}
	groups := b.groupKeys()
	for _, row := range b.rows {
		cells := []tabular.Cell{{Str: row.Key}, {Num: float64(row.Records)}}
		for _, n := range row.Reached {
			cells = append(cells, tabular.Cell{Num: float64(n)})
		}
		cells = append(cells, tabular.Cell{Num: float64(row.From)}, tabular.Cell{Num: float64(row.To)}, tabular.Cell{Num: row.Rate},
			tabular.Cell{Num: row.Lo}, tabular.Cell{Num: row.Hi}, tabular.Cell{Num: row.Lost})
		if b.money != nil {
			won, rev, ok := b.money.value(row.Key, groups)
			cells = append(cells, tabular.Cell{Num: float64(won), Null: !ok}, tabular.Cell{Num: float64(rev), Null: !ok})
		}
		few := ""
		if row.Few {
			few = "too few"
		}
		cells = append(cells, tabular.Cell{Str: few})
		for p := range r.Periods {
			v := tabular.Cell{Null: true}
			if p < len(row.Trend) {
				v = tabular.Cell{Num: row.Trend[p]}
			}
			cells = append(cells, v)
		}
		t.Rows = append(t.Rows, cells)
	}
	if n := b.money.note(true); n != "" {
		t.Footnotes = append(t.Footnotes, n)
	}
	return t, c
}

// pickData is the dimension picker as data: each dimension and its values.
func (b *Model) pickData() tabular.Table {
	t := tabular.Table{Name: "dimensions", Title: "Dimensions",
		Columns: []tabular.Column{{Name: "Dimension", Kind: tabular.KindText}, {Name: "Values", Kind: tabular.KindCount}}}
	for _, n := range b.common.Data().DimNames() {
		t.Rows = append(t.Rows, []tabular.Cell{{Str: n}, {Num: float64(b.common.Data().Dim(n).Cardinality() - 1)}})
	}
	return t
}

// Tables is what y copies and :export writes: the slices of the focused
// step, or the dimensions while picking.
func (b *Model) Tables() []tabular.Table {
	switch {
	case b.dim == "":
		return []tabular.Table{b.pickData()}
	case b.res == nil:
		return nil
	}
	t, _ := b.data()
	return []tabular.Table{t}
}

// Report says the breakdown's numbers are the report's breakdown by the
// same dimension.
func (b *Model) Report() ([]string, []string) {
	if b.dim == "" {
		return []string{"stages"}, nil
	}
	return []string{"breakdown"}, []string{"--by", b.dim}
}

// Back leaves the dimension picker for the breakdown it was opened from
// (d); a breakdown opened without a dimension has none to go back to.
func (b *Model) Back() (tea.Cmd, bool) {
	if b.dim != "" || b.prevDim == "" {
		return nil, false
	}
	b.dim, b.prevDim = b.prevDim, ""
	return b.recompute(), true
}
