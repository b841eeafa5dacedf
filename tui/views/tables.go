package views

import "github.com/funnel-cli/funnel/tui/tabular"

// Tabler is a view whose numbers are tables. Tables returns them as data
// (tabular: typed columns, unformatted numbers): the rows the view draws,
// in the order it draws them, every column it can show (drawn or scrolled
// to), nil while they are being computed. The view draws from the same
// tables, y copies them and ctrl+s or :export writes them.
type Tabler interface {
	Tables() []tabular.Table
}

// Reported is a view that says which `funnel report` sections give its
// numbers, and the flags of its own that the report needs to give the
// same ones (--by for a breakdown, --target for the planner). :report
// writes the line; a view that is not Reported has its top view's
// sections.
type Reported interface {
	Report() (sections []string, flags []string)
}
