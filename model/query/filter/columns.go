package filter

import (
	"sort"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// Columns lists every column a filter may name: dimensions, created,
// each stage (its date), stage (deepest stage), exit and reason.
func Columns(ds *model.Dataset) []string {
	out := append([]string(nil), ds.DimNames()...)
	out = append(out, ColCreated, ColStage, ColExit)
	if ds.Reason != nil {
		out = append(out, ColReason)
	}
	return append(out, ds.Stages...)
}

// Values lists a filterable column's values for completion: a dimension's
// distinct values (sorted, "" left out), the stage names, the exit kinds or
// the reasons. Unknown columns give nil.
func Values(d *model.Dataset, column string) []string {
	switch {
	case d.Dim(column) != nil:
		return sortedValues(d.Dim(column))
	case strings.EqualFold(column, ColReason) && d.Reason != nil:
		return sortedValues(d.Reason)
	case strings.EqualFold(column, ColExit):
		return append([]string(nil), model.ExitNames()...)
	case strings.EqualFold(column, ColStage):
		return append([]string(nil), d.Stages...)
	}
	return nil
}

func sortedValues(dm *model.Dim) []string {
	out := make([]string, 0, len(dm.Values))
	for _, v := range dm.Values {
		if v != "" {
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}
