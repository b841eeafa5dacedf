package stage

import (
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
)

// result is everything the stage detail shows, asked of the engine in a
// Cmd: the stage's counts and exits (Engine.Compute), its entry cohorts
// followed to the next stage (Engine.Cohorts), the time to the next stage
// (Engine.Velocity) and the records stalled in it (Engine.Stalled).
type result struct {
	err         error
	period      query.Period
	stats       query.StageStats
	next        *query.StageStats   // the next stage (nil at the last)
	cohorts     *query.CohortResult // entry cohorts followed to the next stage (nil at the last)
	step        *query.StepTime     // time to the next stage (nil at the last)
	threshold   *query.StallThreshold
	stalledRows []int32
}

// maxStalledRows caps the stalled records kept for the records view.
const maxStalledRows = 100_000

// compute runs the stage's queries off the event loop.
func (s *Model) compute() tea.Cmd {
	eng, st, k := s.common.Engine, s.state, s.stage
	return s.job.Start(func() result { return queries(eng, st, k) })
}

func queries(eng *query.Engine, st views.State, k int) result {
	var r result
	ds := eng.Data()
	q, err := views.Query(ds, st)
	if err != nil {
		return result{err: err}
	}
	r.period = q.Period
	whole := q
	whole.Period, whole.LastPeriods = query.PeriodNone, 0
	res, err := eng.Compute(whole)
	if err != nil {
		return result{err: err}
	}
	r.stats = res.Whole.Stages[k]
	if k+1 < len(res.Whole.Stages) {
		r.next = &res.Whole.Stages[k+1]
	}
	if k+1 < len(ds.Stages) && ds.HasDates {
		if co, err := eng.Cohorts(query.CohortQuery{Query: q, Target: ds.Stages[k+1]}); err == nil {
			r.cohorts = co
		}
		if v, err := eng.Velocity(whole); err == nil && k < len(v.Whole.Steps) {
			step := v.Whole.Steps[k]
			r.step = &step
		}
	}
	if ds.HasDates {
		if sr, err := eng.Stalled(whole, maxStalledRows); err == nil {
			if k < len(sr.Thresholds) {
				th := sr.Thresholds[k]
				r.threshold = &th
			}
			for _, rec := range sr.Records {
				if rec.Stage == ds.Stages[k] {
					r.stalledRows = append(r.stalledRows, int32(rec.Row))
				}
			}
		}
	}
	return r
}
