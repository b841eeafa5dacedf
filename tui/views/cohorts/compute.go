package cohorts

import (
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
)

// result is the cohort table the engine computed (Engine.Cohorts): entry
// cohorts of the state's period, their conversion to each stage, which
// are immature and their estimated eventual conversion.
type result struct {
	res *query.CohortResult
	err error
}

func (v *Model) recompute() tea.Cmd {
	v.res, v.err = nil, nil
	eng, st := v.common.Engine, v.state
	return v.job.Start(func() result {
		q, err := views.Query(eng.Data(), st)
		if err != nil {
			return result{err: err}
		}
		r, err := eng.Cohorts(query.CohortQuery{Query: q})
		return result{res: r, err: err}
	})
}
