package views

import (
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/scope"
)

// computeMoneyFor computes the money view's figures for the records the
// state's filter selects, as of its date. Spend cannot be filtered the way
// records are: under a filter only the spend of channels that have
// selected records is kept (the rest is said), and when the filter names
// anything but the channel, each kept channel's whole spend is set
// against its selected records, which the notes say too.
func computeMoneyFor(c Common, st State) MoneyData {
	sel, err := stateSelection(c.Engine, st)
	if err != nil {
		return MoneyData{FilterErr: err}
	}
	cs := onSelection(c, sel, st)
	var notes []string
	cs.Spend, notes = spendFor(c, sel, st)
	d := ComputeMoney(cs)
	d.Scope = scopeNote(sel, st.Filter)
	d.SpendNotes = notes
	return d
}

// spendFor is the spend that belongs with a selection (scope.Spend: the
// report's money section scopes it the same way).
func spendFor(c Common, sel *query.Selection, st State) ([]money.SpendRow, []string) {
	return scope.Spend(c.Data(), c.Spend, sel, st.Filter, st.AsOf, c.Money)
}
