// Package views is the contract between the explorer's root (package tui)
// and its screens, one package per screen under tui/views/<name>: the View
// interface, the Common every view is built with, the State the user has
// asked for, the messages views and the root exchange, and the one helper
// for work off the event loop (Job).
//
// Every view is built with a Common, which carries the one query engine of
// the dataset on screen (Common.Engine, made by the root with query.New
// when data is loaded or masked): a view's numbers are asked of it in a
// Cmd, off the event loop, never computed in the view. Each view package
// keeps that Cmd in its compute.go, its keys in keys.go, its drawing in
// render.go and its struct, New, Update and SetSize in model.go.
//
// A view imports no other view package: it drills into another through
// the contract (DrillMsg), and the root, which knows every view, opens it.
package views

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/theme"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// View is one screen on the view stack.
type View interface {
	Init() tea.Cmd
	// Update handles a message; pointer receivers, so no casts are needed.
	Update(msg tea.Msg) tea.Cmd
	// View renders exactly the box given by the last SetSize.
	View() string
	SetSize(width, height int)
	// Title names the view in the breadcrumb line.
	Title() string
	help.KeyMap
}

// Capturer is a view that sometimes takes every key (a text prompt of its
// own); while Capturing is true the root passes keys through, ctrl+c aside.
type Capturer interface{ Capturing() bool }

// Reserved keys belong to the root (global keys and top views); views must
// not bind them: q ? / : m M o b c t s p e tab shift+tab esc.

// Common is what every view is built with. It is never mutated after
// construction; a new dataset or theme builds new views.
//
// Engine is the one query engine of the dataset on screen (query.New, made
// once by the root when data is loaded or masked): every number a view
// shows is asked of it, or of the engine of a selection it made
// (Selection), so its caches are shared by all views.
type Common struct {
	Styles *theme.Styles
	Engine *query.Engine
	// Spend is the spend table (nil when none was given) and Money the
	// currency options for money figures.
	Spend []money.SpendRow
	Money money.Options
	// Segments are the ICP segment rules of the mapping file (none
	// without one): the money view's segments.
	Segments []money.SegmentRule
	// Remap reads the files again with edited mappings and writes mapping
	// files (the column screen); nil when the data came from no file.
	Remap *Remapper
}

// Data is the dataset on screen (the engine's).
func (c Common) Data() *model.Dataset { return c.Engine.Data() }

// PushMsg asks the root to open a view on top of the stack.
type PushMsg struct{ View View }

// PopMsg asks the root to go back one view.
type PopMsg struct{}

// Push returns a command that opens v.
func Push(v View) tea.Cmd { return func() tea.Msg { return PushMsg{View: v} } }

// Pop returns a command that goes back.
func Pop() tea.Cmd { return func() tea.Msg { return PopMsg{} } }

// DrillMsg asks the root to push a view that shows more of what the
// sender shows: the records behind a number, a stage's detail, the load
// details.
type DrillMsg struct {
	To    Drill
	Title string  // the records: what they are ("stalled in SQL")
	Rows  []int32 // the records: indices into the dataset on screen
	Empty string  // the records: what an empty list means ("" : no records)
	Stage int     // the stage detail: which stage
}

// Drill names a view to drill into.
type Drill uint8

const (
	DrillRecords Drill = iota
	DrillStage
	DrillLoad
	DrillColumns // the column screen: what each column is read as
)

// DrillTo returns a command that drills into a view.
func DrillTo(m DrillMsg) tea.Cmd { return func() tea.Msg { return m } }

// OpenMsg asks the root to open a top view by name (with an argument, such
// as the dimension of a breakdown), as `:by channel` does.
type OpenMsg struct {
	Name string
	Arg  string
}

// SelectStageMsg asks the overview to select a stage (`:stage SQL`).
type SelectStageMsg struct{ Stage int }

// TableStyles are the theme's styles for a widgets.Table. Views set them
// on their table each time they draw: the theme changes in place when the
// terminal says its background.
func (c Common) TableStyles() widgets.TableStyles {
	return widgets.TableStyles{Header: c.Styles.Header, Cell: c.Styles.Cell, Selected: c.Styles.Selected}
}
