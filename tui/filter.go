package tui

import (
	"errors"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/format"
)

// validateFilter checks the expression with the engine's parser, so the
// prompt shows exactly the error a query would give (position, unknown
// column or value, the closest suggestion).
func validateFilter(ds *model.Dataset, expr string) error {
	if _, err := filter.Parse(expr, ds); err != nil {
		return errors.New(format.Clean(err.Error()))
	}
	return nil
}

// completions returns whole-line suggestions for what has been typed
// (filter.Complete: written so that the parser accepts them).
func completions(ds *model.Dataset, typed string) []string { return filter.Complete(ds, typed) }
