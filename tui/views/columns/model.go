// Package columns is the column screen: every column of the file(s) with
// its type, the role the loader gave it, how sure it was and sample
// values, then the stages in order and what the other stage values mean.
// Keys change a column's role, move a stage, mark a value won, lost, an
// open stage or no stage; each change edits the file's mapping.Mapping
// and the files are read again with it in the background, the funnel
// recomputed under the screen. S saves the mapping as the file `funnel
// init` writes. The root opens it by itself when the loader was unsure.
package columns

import (
	"context"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mapping"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Options say how the screen was opened.
type Options struct {
	// Unsure: the root opened it because the loader guessed what it could
	// not check; the screen says what it guessed and why it is unsure.
	Unsure bool
}

// Model is the column screen.
type Model struct {
	common views.Common
	state  views.State
	src    *model.Dataset // the data as read (not masked): files, columns, mappings
	opts   Options
	keys   KeyMap
	files  []file
	rows   []row
	list   widgets.Scroll
	table  widgets.Table
	width  int
	height int

	// guess is what the loader made of each column (file + "\x00" +
	// column) when it read the files itself, before any change: its role
	// and how sure it was, kept when the files are read again.
	guess map[string]guess
	cycle *cycle // r/R in progress on one column
	note  string // what the last key did, or why it could not
	bad   bool   // note is an error

	funnel    []stageN // the funnel of the data on screen
	before    []stageN // the funnel before the last recompute (nil: none yet)
	funnelJob views.Job[[]stageN]
	reload    views.Job[event]
	cancel    context.CancelFunc
	events    chan event
	progress  event // the last progress of a reload running

	pick   *picker // the role list, while open
	save   *saver  // the save prompt, while open
	saving views.Job[saved]
}

// New builds the screen over the data as read (src: not masked, whatever
// the screen shows) in state st.
func New(c views.Common, st views.State, src *model.Dataset, opts Options) *Model {
	m := &Model{common: c, state: st, src: src, opts: opts, keys: DefaultKeyMap(), list: widgets.NewList(),
		table: widgets.NewTable(c.TableStyles())}
	m.list.KeyMap, m.table.KeyMap = m.keys.Rows, m.keys.Columns
	m.files = filesOf(src)
	m.guess = map[string]guess{}
	for _, f := range m.files {
		for _, c := range f.cols {
			g := guess{info: c, role: mapping.Role(c.Role)}
			if f.m != nil {
				var k int
				g.role, k = f.m.RoleOf(c.Name)
				g.stageName = stageName(f.m, k)
			}
			m.guess[f.name+"\x00"+c.Name] = g
		}
	}
	m.setRows()
	m.setCursor(m.nextSelectable(0, 1))
	return m
}

// carry is what the screen keeps when the files are read again: the root
// builds it anew over the new data (views.DataMsg.Then).
type carry struct {
	cursor int    // the row the cursor was on
	at     string // and what it showed (rowID), found again if it moved
	note   string
	before []stageN
	cycle  *cycle
	opts   Options
	guess  map[string]guess
}

// guess is what the loader made of a column: its profile and role text,
// and the role (and the stage it dated) in the loader's mapping.
type guess struct {
	info      model.ColumnInfo
	role      mapping.Role
	stageName string
}

// stageName is the name of stage k of mm ("" when k is no stage).
func stageName(mm *mapping.Mapping, k int) string {
	if k >= 0 && k < len(mm.Stages) {
		return mm.Stages[k].Name
	}
	return ""
}

// reopen builds the screen over data read again, where the user was.
func reopen(c views.Common, st views.State, src *model.Dataset, k carry) *Model {
	m := New(c, st, src, k.opts)
	m.note, m.before, m.cycle, m.guess = k.note, k.before, k.cycle, k.guess
	m.setCursor(k.cursor)
	for i, r := range m.rows {
		if m.rowID(r) == k.at {
			m.setCursor(i)
		}
	}
	return m
}

func (m *Model) Init() tea.Cmd { return m.funnelCmd() }

func (m *Model) Title() string { return "Columns" }

func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.pick != nil:
		return []key.Binding{m.keys.Rows.Up, m.keys.Rows.Down, m.pick.keys.Choose, m.pick.keys.Cancel}
	case m.save != nil:
		k := defaultPickKeys()
		k.Choose.SetHelp("enter", "save")
		k.Cancel.SetHelp("esc", "do not save")
		return []key.Binding{k.Choose, k.Cancel}
	}
	return m.keys.ShortHelp()
}

func (m *Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// Capturing reports whether the role list or the save prompt has the
// keyboard (esc closes it, not the screen).
func (m *Model) Capturing() bool { return m.pick != nil || m.save != nil }

// SetSize gives the rows what the caption lines and the foot leave.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.table.SetWidth(w)
	m.list.SetHeight(max(1, h-m.chrome()))
	m.setCursor(m.list.Cursor()) // the headings above it in view, now there is room
	if m.pick != nil {
		m.pick.list.SetHeight(max(1, h-2))
	}
}

func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case views.CommonMsg: // masked or not: the same data
		m.common = msg.Common
		return nil
	case views.StateMsg:
		m.state = msg.State
		return nil
	case tea.MouseClickMsg:
		if i := m.rowAt(msg.Y); i >= 0 && m.pick == nil && m.save == nil {
			m.list.SetCursor(i)
		}
		return nil
	}
	if f, ok := m.funnelJob.Done(msg); ok {
		m.funnel = f
		return nil
	}
	if ev, ok := m.reload.Done(msg); ok {
		return m.reloadEvent(ev)
	}
	if r, ok := m.saveJob(msg); ok {
		return r
	}
	switch {
	case m.pick != nil:
		return m.pickKey(msg)
	case m.save != nil:
		return m.saveKey(msg)
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if m.moveCursor(km) || m.table.Update(km) {
		return nil
	}
	return m.editKey(km)
}

// moveCursor moves through the rows for a scroll key, skipping headings.
func (m *Model) moveCursor(km tea.KeyPressMsg) bool {
	before := m.list.Cursor()
	if !m.list.Update(km) {
		return false
	}
	dir := 1
	if m.list.Cursor() < before {
		dir = -1
	}
	m.setCursor(m.nextSelectable(m.list.Cursor(), dir))
	m.cycle = nil
	return true
}

// setCursor puts the cursor on row i, with the headings just above it
// in view when there is room.
func (m *Model) setCursor(i int) {
	m.list.SetCursor(i)
	i = m.list.Cursor()
	from, to := m.list.Window()
	for j := i - 1; j >= 0 && !m.rows[j].selectable() && to-from > 2; j-- {
		if j < from {
			m.list.SetOffset(j)
			from = j
		}
	}
}

// rowID names what a row shows, to find it again in a list made anew.
func (m *Model) rowID(r row) string {
	f := &m.files[r.f]
	name := r.value
	switch r.kind {
	case rowColumn:
		name = f.cols[r.c].Name
	case rowStage:
		name = f.m.Stages[r.k].Name
	}
	return fmt.Sprintf("%s\x00%d\x00%s", f.name, r.kind, name)
}

// nextSelectable is the first row from i in direction dir the cursor can
// stop on (the other way when none is).
func (m *Model) nextSelectable(i, dir int) int {
	for _, d := range []int{dir, -dir} {
		for j := i; j >= 0 && j < len(m.rows); j += d {
			if m.rows[j].selectable() {
				return j
			}
		}
	}
	return i
}

// current is the row under the cursor (ok false when there is none).
func (m *Model) current() (row, bool) {
	i := m.list.Cursor()
	if i < 0 || i >= len(m.rows) {
		return row{}, false
	}
	return m.rows[i], true
}

// setRows lists the rows again after an edit.
func (m *Model) setRows() {
	m.rows = buildRows(m.files)
	m.list.SetLen(len(m.rows))
	m.setTable()
}
