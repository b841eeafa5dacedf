// Package records lists the rows behind a number (the records at a stage,
// stalled in it, lost in a slice) as a table: scrollable down and across,
// and searchable.
package records

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the records view.
type Model struct {
	common views.Common
	keys   KeyMap
	title  string
	rows   []int32 // record indices into the dataset
	// Empty says what an empty list means (views.DrillMsg.Empty; "" : "No records.")
	Empty   string
	list    widgets.Scroll
	table   widgets.Table
	width   int
	height  int
	finding bool
	find    widgets.LineInput
	query   string
	note    string
}

// New shows the given records of the dataset under a title that says what
// they are (e.g. "Stalled in SQL").
func New(c views.Common, title string, rows []int32) *Model {
	r := &Model{common: c, keys: DefaultKeyMap(), title: title, rows: rows, list: widgets.NewList(),
		table: widgets.NewTable(c.TableStyles())}
	r.list.KeyMap, r.table.KeyMap = r.keys.Rows, r.keys.Columns
	r.list.SetLen(len(rows))
	r.setTable()
	return r
}

func (r *Model) Init() tea.Cmd             { return nil }
func (r *Model) Title() string             { return "Records: " + format.Clean(r.title) }
func (r *Model) ShortHelp() []key.Binding  { return r.keys.ShortHelp() }
func (r *Model) FullHelp() [][]key.Binding { return r.keys.FullHelp() }

// SetSize gives the rows what the caption, header and foot leave.
func (r *Model) SetSize(w, h int) {
	r.width, r.height = w, h
	r.list.SetHeight(h - 4)
	r.table.SetWidth(w)
}

// Capturing reports whether the find prompt has the keyboard.
func (r *Model) Capturing() bool { return r.finding }

func (r *Model) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(views.CommonMsg); ok { // the same rows, masked or not
		r.common = m.Common
		r.setTable()
		return nil
	}
	if r.finding {
		return r.findKey(msg)
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || r.list.Update(km) || r.table.Update(km) {
		return nil
	}
	switch {
	case key.Matches(km, r.keys.Find):
		r.finding, r.note = true, ""
		r.find = widgets.NewLineInput("find: ", r.common.Styles.Dark)
		r.find.SetWidth(max(10, r.width-40))
	case key.Matches(km, r.keys.NextMatch):
		r.findNext(r.list.Cursor() + 1)
	}
	return nil
}

// findKey edits the text to find; enter finds it, esc stops.
func (r *Model) findKey(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch km.String() {
		case "enter":
			r.finding, r.query = false, r.find.Value()
			r.findNext(r.list.Cursor())
			return nil
		case "esc":
			r.finding = false
			return nil
		}
	}
	return r.find.Update(msg)
}

func (r *Model) findNext(from int) {
	q := strings.ToLower(r.query)
	if q == "" || len(r.rows) == 0 {
		return
	}
	for i := 0; i < len(r.rows); i++ {
		j := (from + i) % len(r.rows)
		if strings.Contains(strings.ToLower(r.line(int(r.rows[j]))), q) {
			r.list.SetCursor(j)
			r.note = ""
			return
		}
	}
	r.note = fmt.Sprintf("no row contains %q", format.Clean(r.query))
}
