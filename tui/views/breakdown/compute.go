package breakdown

import (
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
)

// result is what the breakdown asks of the model layer: the groups of the
// dimension with their stages, steps, intervals and trends (Engine.Compute
// with By), and the won deals and revenue per value (money.WonByValue).
type result struct {
	res   *query.Result
	err   error
	money *wonMoney
}

// wonMoney is the breakdown's money column: won deals and won revenue per
// value of the dimension, over the records the filter selects as of the
// state's date, or why there is none.
type wonMoney struct {
	*money.WonBy
	err error // amounts in several currencies and no conversion: refused
}

// recompute asks for the breakdown by the chosen dimension in a Cmd.
func (b *Model) recompute() tea.Cmd {
	if b.dim == "" {
		b.job.Cancel()
		return nil
	}
	b.res, b.err, b.money = nil, nil, nil
	c, st, dim := b.common, b.state, b.dim
	return b.job.Start(func() result {
		eng := c.Engine
		q, err := views.Query(eng.Data(), st)
		if err != nil {
			return result{err: err}
		}
		q.By, q.LastPeriods = dim, 12
		r, err := eng.Compute(q)
		return result{res: r, err: err, money: computeMoney(c, st, dim)}
	})
}

// computeMoney totals won deals and revenue per value of dim; nil when the
// data has no amounts.
func computeMoney(c views.Common, st views.State, dim string) *wonMoney {
	if c.Data().Amount == nil {
		return nil
	}
	sel, err := views.Selection(c.Engine, st)
	if err != nil {
		return &wonMoney{err: err}
	}
	w, err := money.WonByValue(sel.Data, dim, c.Money)
	switch {
	case err != nil:
		return &wonMoney{err: err}
	case w == nil:
		return nil
	}
	return &wonMoney{WonBy: w}
}
