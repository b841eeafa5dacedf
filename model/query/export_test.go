package query

import "github.com/funnel-cli/funnel/model"

// NewMaskPath returns an engine that never takes the signature counting
// path (tests compare the two paths).
func NewMaskPath(ds *model.Dataset) *Engine {
	e := New(ds)
	e.noSigs = true
	return e
}
