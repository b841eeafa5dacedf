package money

import (
	"errors"

	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views"
)

// result is everything the money view shows, computed once by model/money
// from the dataset, the spend table and the money options (the report's
// money section computes the same with the same calls). Each part keeps
// its own error: a mixed-currency dataset is reported (Mixed), never
// summed.
type result struct {
	Currency string
	Deals    money.Deals
	DealsErr error
	// Econ is nil when no spend table was given.
	Econ     *money.UnitEconomics
	EconErr  error
	Accounts *money.Accounts
	AccErr   error
	// Mixed is set when amounts are in several currencies and no
	// conversion was given: the per-currency totals.
	Mixed *money.MixedCurrencyError
	// Scope says which records the figures are about under a filter ("" for
	// all), SpendNotes what was done to the spend to match, and FilterErr
	// is a filter that could not be applied (nothing is computed then).
	Scope      string
	SpendNotes []string
	FilterErr  error
	// ByCurrency is what the data holds per currency before conversion.
	ByCurrency []money.CurrencyTotal
	// Customers (churn, retention and expansion by channel and cohort)
	// and Segments (the mapping's ICP segments; nil without rules) are
	// the report's sections of the same records, from the same functions.
	Customers *report.Customers
	CustErr   error
	Segments  *report.SegmentsSection
	SegErr    error
}

// computeFor computes the money view's figures for the records the
// state's filter selects, as of its date. Spend cannot be filtered the way
// records are: under a filter only the spend of channels that have
// selected records is kept (the rest is said), and when the filter names
// anything but the channel, each kept channel's whole spend is set
// against its selected records, which the notes say too.
func computeFor(c views.Common, st views.State) result {
	sel, err := views.Selection(c.Engine, st)
	if err != nil {
		return result{FilterErr: err}
	}
	cs := views.OnSelection(c, sel, st)
	var notes []string
	cs.Spend, notes = views.SpendFor(c, sel, st)
	d := compute(cs)
	d.Scope = views.ScopeNote(sel, st.Filter)
	d.SpendNotes = notes
	d.ByCurrency = money.ByCurrency(sel.Data)
	opt := report.Options{Spend: c.Spend, Money: c.Money, Segments: c.Segments, AsOf: st.AsOf}
	d.Customers, d.CustErr = report.CustomersOf(sel, opt)
	if len(c.Segments) > 0 {
		expr := ""
		if f, err := filter.Parse(st.Filter, c.Data()); err == nil {
			expr = f.String()
		}
		d.Segments, d.SegErr = report.SegmentsOf(c.Data(), sel, expr, opt)
	}
	return d
}

// compute computes deals, unit economics and accounts of c's data.
func compute(c views.Common) result {
	var d result
	ds := c.Data()
	d.Deals, d.DealsErr = money.ComputeDeals(ds, c.Money)
	d.Currency = d.Deals.Currency
	if c.Spend != nil {
		u, err := money.ComputeUnitEconomics(ds, c.Spend, "channel", c.Money)
		if err == nil {
			d.Econ = &u
		}
		d.EconErr = err
	}
	a, err := money.RollUpAccounts(ds, c.Money)
	if err == nil {
		d.Accounts = &a
	} else {
		d.AccErr = err
	}
	for _, err := range []error{d.DealsErr, d.EconErr, d.AccErr} {
		var me *money.MixedCurrencyError
		if errors.As(err, &me) {
			d.Mixed = me
			break
		}
	}
	return d
}
