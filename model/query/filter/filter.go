// Package filter is the filter language of the explorer's / prompt and of
// funnel report --where: Parse reads an expression such as
// `channel=chat owner in (ana,"Ben Okafor") created>=2025-01` and resolves
// it against a dataset's columns; Filter.String prints it back with the one
// quoting rule (Quote); Suggest says "did you mean"; Complete writes the
// prompt's completions (from Columns and Values) so that they parse; Check
// reads the syntax alone and ParseEach repeated --where flags. The engine
// (model/query) runs a parsed Filter.
package filter

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// Filter is a conjunction of terms, parsed by Parse from expressions
// such as `channel=chat owner in (ana,ben) created>=2025-01 sql<2025-06-01`.
// The zero Filter selects everything.
type Filter struct {
	Terms []Term `json:"terms,omitempty"`
}

// Term is one condition: Column Op Values.
type Term struct {
	Column string   `json:"column"`
	Op     string   `json:"op"`
	Values []string `json:"values"`

	kind  Kind
	index int        // stage index (stage date terms)
	allow []bool     // by code (dimension, reason) or by exit kind / deepest stage+1
	lo    int32      // date range
	hi    int32      //
	neg   bool       //
	dim   *model.Dim // for dimension and reason terms
}

// Kind is what a resolved term tests.
type Kind uint8

const (
	KindDim       Kind = iota // a dimension's value
	KindReason                // the exit reason
	KindEntry                 // entry date (first known stage date)
	KindStageDate             // one stage's date
	KindExit                  // how the record left
	KindStage                 // deepest stage reached
)

// Kind is what the term tests.
func (t Term) Kind() Kind { return t.kind }

// Dim is the column a dimension or reason term reads (nil otherwise).
func (t Term) Dim() *model.Dim { return t.dim }

// Stage is the stage index a stage date term reads.
func (t Term) Stage() int { return t.index }

// Allowed says, by dictionary code (dimension, reason terms), by exit kind
// (exit terms) or by deepest stage + 1 (stage terms; 0 = reached nothing),
// which records the term keeps. Shared: do not change it.
func (t Term) Allowed() []bool { return t.allow }

// Range is a date term's inclusive range of day numbers (model.MinDay and
// model.MaxDay for an open end); Negated says the term keeps the days
// outside it (!=). Undated records never match a date term.
func (t Term) Range() (lo, hi int32, negated bool) { return t.lo, t.hi, t.neg }

// Fixed says whether the term reads only a dimension column, which an
// as-of date does not change.
func (t Term) Fixed() bool { return t.kind == KindDim || t.kind == KindReason }

// Column names the filter language knows besides dimensions and stage names.
const (
	ColCreated = "created"
	ColExit    = "exit"
	ColReason  = "reason"
	ColStage   = "stage"
)

// Empty is true when the filter selects everything.
func (f Filter) Empty() bool { return len(f.Terms) == 0 }

// And returns the conjunction of f and g.
func (f Filter) And(g Filter) Filter {
	return Filter{Terms: append(append([]Term(nil), f.Terms...), g.Terms...)}
}

// String writes the filter back in the expression language.
func (f Filter) String() string {
	parts := make([]string, len(f.Terms))
	for i, t := range f.Terms {
		parts[i] = t.String()
	}
	return strings.Join(parts, " ")
}

// String writes the term in the expression language, its column name and
// values written with Quote.
func (t Term) String() string {
	q := make([]string, len(t.Values))
	for i, v := range t.Values {
		q[i] = Quote(v)
	}
	if t.Op == "in" || t.Op == "not in" {
		return Quote(t.Column) + " " + t.Op + " (" + strings.Join(q, ",") + ")"
	}
	return Quote(t.Column) + t.Op + strings.Join(q, ",")
}

// Error is a filter expression that does not parse or names an unknown
// column or value.
type Error struct {
	Expr string `json:"expr"`
	Pos  int    `json:"pos"` // 1-based character position
	Msg  string `json:"msg"`
}

func (e *Error) Error() string {
	return fmt.Sprintf("filter %q, at character %d: %s", e.Expr, e.Pos, e.Msg)
}
