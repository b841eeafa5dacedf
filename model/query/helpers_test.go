package query

import (
	"sync"

	"github.com/funnel-cli/funnel/model"
)

var testEngines sync.Map // *model.Dataset -> *Engine

// engineFor is one engine per test dataset, so that caches (selections)
// behave as they do in the explorer, where one engine serves a dataset.
func engineFor(ds *model.Dataset) *Engine {
	if e, ok := testEngines.Load(ds); ok {
		return e.(*Engine)
	}
	e, _ := testEngines.LoadOrStore(ds, New(ds))
	return e.(*Engine)
}
