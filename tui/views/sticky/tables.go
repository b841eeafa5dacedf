package sticky

import (
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// The findings as data (views.Tabler): one row per sticky point, in the
// order shown; the screen draws its cells from it.

// Columns of the data table.
const (
	colTransition = iota
	colSlice
	colEntered
	colConverted
	colRate
	colLow
	colHigh
	colBaseline
	colLost
	colValue
	colQ
)

func (s *Model) findingsTable(d *data) tabular.Table {
	t := tabular.Table{Name: "sticky_points", Title: s.headline(d), Columns: []tabular.Column{
		{Name: "Transition", Kind: tabular.KindText}, {Name: "Slice", Kind: tabular.KindText},
		{Name: "Entered", Kind: tabular.KindCount}, {Name: "Converted", Kind: tabular.KindCount},
		{Name: "Rate", Kind: tabular.KindRate}, {Name: "95% low", Kind: tabular.KindRate}, {Name: "95% high", Kind: tabular.KindRate},
		{Name: "Baseline", Kind: tabular.KindRate}, {Name: "Lost", Kind: tabular.KindDecimal},
		{Name: valueHead(s.common.Data().Currency), Kind: tabular.KindMoney}, {Name: "q", Kind: tabular.KindDecimal}}}
	for _, p := range d.findings {
		row := pointRow(p)
		row[colValue] = tabular.Cell{Num: float64(p.LostValue), Null: d.res.NoValue != ""}
		t.Rows = append(t.Rows, row)
	}
	t.Footnotes = []string{s.subline(d)}
	return t
}

func pointRow(p insight.StickyPoint) []tabular.Cell {
	return []tabular.Cell{{Str: p.Stage}, {Str: sliceLabel(p)}, {Num: float64(p.Entered)}, {Num: float64(p.Converted)},
		{Num: p.Rate}, {Num: p.CILow}, {Num: p.CIHigh}, {Num: p.BaselineRate}, {Num: p.LostConversions},
		{Num: float64(p.LostValue)}, {Num: p.QValue}}
}

// Tables is what y copies and :export writes: the sticky points as shown.
func (s *Model) Tables() []tabular.Table {
	if s.data == nil || s.data.err != nil {
		return nil
	}
	return []tabular.Table{s.findingsTable(s.data)}
}

// Report says the points are the report's sticky_points section.
func (s *Model) Report() ([]string, []string) { return []string{"sticky_points"}, nil }
