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
	for k, col := range ds.Days {
		for _, d := range col {
			if d != model.NoDay {
				dated[k] = true
				break
			}
		}
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
