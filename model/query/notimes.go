package query

import "github.com/funnel-cli/funnel/model"

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
	return ""
}
