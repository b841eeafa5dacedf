package query

import (
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// NoTimes says in one line why a step that no record was seen to take
// has no times, when the data is the reason ("" otherwise): stage dates
// inferred from each record's current stage are only its entry and close
// dates, so a step between two stages has a date at neither end. The
// report's Velocity and the stage detail both say it in these words.
func NoTimes(ds *model.Dataset) string {
	switch {
	case ds == nil:
		return ""
	case !ds.HasDates:
		return "No times between stages: the data has no stage dates."
	case ds.DatesInferred:
		return "No times between stages: stage dates were inferred from each record's current stage (only the entry " +
			"and close dates are read), so no record is dated at both ends of a step; a stage-history log gives times."
	}
	if undated := undatedStages(ds); len(undated) > 0 {
		return "No times between stages: the data has no date for " + strings.Join(undated, ", ") +
			" (no created or stage date column was found for it), so no step from or to it can be timed."
	}
	return ""
}

// undatedStages lists the stages no record has a date at, when every step
// has one at an end (nil when some step could be timed).
func undatedStages(ds *model.Dataset) []string {
	dated := make([]bool, len(ds.Days))
	for k := range ds.Days {
		dated[k] = stageDated(ds, k)
	}
	var out []string
	for k := 0; k+1 < len(dated); k++ {
		if dated[k] && dated[k+1] {
			return nil
		}
	}
	for k, ok := range dated {
		if !ok && k < len(ds.Stages) {
			out = append(out, ds.Stages[k])
		}
	}
	return out
}

// stageDated reports whether some record has a date at stage k.
func stageDated(ds *model.Dataset, k int) bool {
	if k >= len(ds.Days) {
		return false
	}
	for _, d := range ds.Days[k] {
		if d != model.NoDay {
			return true
		}
	}
	return false
}

// EntryUndated names the top stage when no record has a date at it, and
// the first stage that has dates ("" when the top stage is dated or the
// data has no dates): each record's entry date is then a later stage's,
// so whatever is counted from entry (cohorts, the planner's rates) holds
// only records that reached a dated stage.
func EntryUndated(ds *model.Dataset) (top, firstDated string) {
	if !ds.HasDates || len(ds.Stages) == 0 || stageDated(ds, 0) {
		return "", ""
	}
	for k := 1; k < len(ds.Stages); k++ {
		if stageDated(ds, k) {
			return ds.Stages[0], ds.Stages[k]
		}
	}
	return ds.Stages[0], ""
}
