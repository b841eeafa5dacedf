package trends

import (
	"math"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
)

// result is the engine's periods for the state (Engine.Compute): entries
// into each stage and each step's conversion per period, with the change
// against the period before.
type result struct {
	res *query.Result
	err error
}

func (t *Model) recompute() tea.Cmd {
	t.res, t.err = nil, nil
	eng, st := t.common.Engine, t.state
	return t.job.Start(func() result {
		q, err := views.Query(eng.Data(), st)
		if err != nil {
			return result{err: err}
		}
		r, err := eng.Compute(q)
		return result{res: r, err: err}
	})
}

// value is the metric in one period and its change against the previous
// (read from the engine's row, NaN when the step had no one to convert).
func value(m metric, row query.PeriodRow) (float64, *query.Delta) {
	s := row.Stages[m.stage]
	if m.rate {
		var d *query.Delta
		if s.Change != nil {
			d = &s.Change.Step
		}
		if row.Stages[m.stage-1].Reached == 0 {
			return math.NaN(), d
		}
		return 100 * s.Step, d
	}
	var d *query.Delta
	if s.Change != nil {
		d = &s.Change.Events
	}
	return float64(s.Events), d
}
