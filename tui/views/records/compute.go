package records

import (
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/format"
)

// A record's fields, read from the dataset: its id, entry date, deepest
// stage, exit, reason, every dimension and its amount.

// field is one column of the records table.
type field struct {
	title string
	right bool
	value func(ds *model.Dataset, i int) string
}

func fields(ds *model.Dataset) []field {
	var out []field
	if ds.IDs.Len() > 0 {
		out = append(out, field{"ID", false, func(ds *model.Dataset, i int) string { return ds.IDs.At(i) }})
	}
	out = append(out,
		field{"Entered", false, func(ds *model.Dataset, i int) string { return model.DayString(ds.Days[0][i]) }},
		field{"Deepest stage", false, func(ds *model.Dataset, i int) string {
			if k := ds.Deepest(i); k >= 0 {
				return ds.Stages[k]
			}
			return "—"
		}},
		field{"Exit", false, func(ds *model.Dataset, i int) string { return ds.Exit[i].String() }},
	)
	if ds.Reason != nil {
		out = append(out, field{"Reason", false, func(ds *model.Dataset, i int) string {
			if ds.Reason.Codes.At(i) == 0 {
				return ""
			}
			return ds.Reason.Value(i)
		}})
	}
	for _, d := range ds.Dims {
		out = append(out, field{d.Name, false, func(_ *model.Dataset, i int) string { return d.Value(i) }})
	}
	if ds.Amount != nil {
		title := "Amount"
		if ds.Currency != "" {
			title += " " + ds.Currency
		}
		out = append(out, field{title, true, func(ds *model.Dataset, i int) string {
			if ds.Amount[i] == 0 {
				return ""
			}
			return format.Money(ds.Cents(ds.Amount[i]), "") // as every amount is shown
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
