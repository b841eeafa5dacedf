// Package loaders turns bytes into a model.Dataset: dialects, header
// presets, dates, money and located errors. It knows nothing of terminals.
package loaders

import (
	"github.com/funnel-cli/funnel/model"
)

// Error is a fatal, located problem with an input file.
type Error struct{ model.Problem }

func (e *Error) Error() string { return e.Problem.String() }

func errorf(file string, line, col int, field, found, expected, reason string) *Error {
	return &Error{model.Problem{File: file, Line: line, Column: col, Field: field, Found: found, Expected: expected, Reason: reason}}
}
