package report

import (
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
)

// The money sections for one selection, as Build computes them: the
// explorer's money view calls these, so that the screen and the report
// show one set of numbers from one set of functions (model/money, through
// the same scoping of money options and spend).

// MoneyOf is the money section of sel, a selection of whole's records
// (expr its filter, "" for none), as known on opt.AsOf.
func MoneyOf(whole *model.Dataset, sel *query.Selection, expr string, opt Options) (*Money, error) {
	return buildMoney(whole, sel, expr, opt)
}

// CustomersOf is the customers section of sel: churn, retention and
// expansion by channel and by cohort.
func CustomersOf(sel *query.Selection, opt Options) (*Customers, error) {
	return buildCustomers(sel, opt)
}

// SegmentsOf is the segments section of sel under opt.Segments (an error
// when there are no rules), with the spend shared among the segments.
func SegmentsOf(whole *model.Dataset, sel *query.Selection, expr string, opt Options) (*SegmentsSection, error) {
	return buildSegments(whole, sel, expr, opt)
}
