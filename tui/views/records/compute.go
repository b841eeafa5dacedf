package records

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// line is one record as text, read from the dataset: id, entry date,
// deepest stage, exit, reason, dimensions, amount.
func (r *Model) line(i int) string {
	ds := r.common.Data()
	var parts []string
	if ds.IDs.Len() > i {
		parts = append(parts, ds.IDs.At(i))
	}
	deep := ds.Deepest(i)
	stage := "—"
	if deep >= 0 {
		stage = ds.Stages[deep]
	}
	parts = append(parts, model.DayString(ds.Days[0][i]), stage, ds.Exit[i].String())
	if ds.Reason != nil && ds.Reason.Codes.At(i) != 0 {
		parts = append(parts, ds.Reason.Value(i))
	}
	for _, d := range ds.Dims {
		if v := d.Value(i); v != "" {
			parts = append(parts, v)
		}
	}
	if ds.Amount != nil && ds.Amount[i] != 0 {
		parts = append(parts, fmt.Sprintf("%s %s", widgets.Count(int(ds.Amount[i]/100)), ds.Currency))
	}
	return strings.Join(parts, " · ")
}
