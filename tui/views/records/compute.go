package records

import (
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// A record's fields, read from the dataset: its id, entry date, deepest
// stage, exit, reason, every dimension and its amount.

// field is one column of the records table: its kind and its cell (the
// text of a text field, the number of another).
type field struct {
	title string
	kind  tabular.Kind
	cell  func(ds *model.Dataset, i int) tabular.Cell
}

// text is a text field's cell.
func text(f func(ds *model.Dataset, i int) string) func(ds *model.Dataset, i int) tabular.Cell {
	return func(ds *model.Dataset, i int) tabular.Cell { return tabular.Cell{Str: f(ds, i)} }
}

// value is a field of record i as the screen and find read it.
func (f field) value(ds *model.Dataset, i int) string {
	c := f.cell(ds, i)
	if f.kind != tabular.KindText && c.Null {
		return ""
	}
	return tabular.Text(c, f.kind)
}

func fields(ds *model.Dataset) []field {
	var out []field
	if ds.IDs.Len() > 0 {
		out = append(out, field{"ID", tabular.KindText, text(func(ds *model.Dataset, i int) string { return ds.IDs.At(i) })})
	}
	out = append(out,
		field{"Entered", tabular.KindText, text(func(ds *model.Dataset, i int) string { return model.DayString(ds.Days[0][i]) })},
		field{"Deepest stage", tabular.KindText, text(func(ds *model.Dataset, i int) string {
			if k := ds.Deepest(i); k >= 0 {
				return ds.Stages[k]
			}
			return "—"
		})},
		field{"Exit", tabular.KindText, text(func(ds *model.Dataset, i int) string { return ds.Exit[i].String() })},
	)
	if ds.Reason != nil {
		out = append(out, field{"Reason", tabular.KindText, text(func(ds *model.Dataset, i int) string {
			if ds.Reason.Codes.At(i) == 0 {
				return ""
			}
			return ds.Reason.Value(i)
		})})
	}
	for _, d := range ds.Dims {
		out = append(out, field{d.Name, tabular.KindText, text(func(_ *model.Dataset, i int) string { return d.Value(i) })})
	}
	if ds.Amount != nil {
		title := "Amount"
		if ds.Currency != "" {
			title += " " + ds.Currency
		}
		out = append(out, field{title, tabular.KindMoney, func(ds *model.Dataset, i int) tabular.Cell {
			return tabular.Cell{Num: float64(ds.Cents(ds.Amount[i])), Null: ds.Amount[i] == 0} // in cents, as every amount is shown
		}})
	}
	return out
}

// line is one record as text, every field that has a value (what find
// searches).
func (r *Model) line(i int) string {
	ds := r.common.Data()
	var parts []string
	for _, f := range fields(ds) {
		if v := f.value(ds, i); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " · ")
}

// Tables is what y copies and :export writes: every record listed (the
// screen shows a window of them), every field, amounts in minor units.
func (r *Model) Tables() []tabular.Table {
	ds := r.common.Data()
	fs := fields(ds)
	t := tabular.Table{Name: "records", Title: r.Title()}
	for _, f := range fs {
		t.Columns = append(t.Columns, tabular.Column{Name: f.title, Kind: f.kind})
	}
	for _, i := range r.rows {
		row := make([]tabular.Cell, len(fs))
		for c, f := range fs {
			row[c] = f.cell(ds, int(i))
		}
		t.Rows = append(t.Rows, row)
	}
	return []tabular.Table{t}
}
