package widgets

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// Align says where a cell's text sits in its column.
type Align uint8

const (
	AlignLeft Align = iota
	AlignRight
)

// Column is one column of a Table.
type Column struct {
	Title string
	Align Align
	// Width fixes the column's width; 0 measures it from the title and the
	// cells, kept within Min and Max (Max 0: no bound).
	Width, Min, Max int
	// Pin keeps the column whatever the width and the scroll: the stage or
	// name a row is about. A pinned column gives up room down to Min (its
	// measured width when Min is 0) before any other column is hidden,
	// and gets its measured width back first when there is room.
	Pin bool
	// Priority decides which columns stay when not all fit: the highest
	// first, and between equals the leftmost. With every priority 0 the
	// columns go from the right, as in a spreadsheet.
	Priority int
	// Grow takes the room left over, up to Max (a bar, an interval); it
	// starts at Min.
	Grow bool
	// Gap is the number of spaces before the column (0: one).
	Gap int
	// Draw renders a cell to the width the column got (bars, intervals,
	// a shorter text when narrow); the table cleans, aligns and cuts what
	// it returns. Without it the cell is the row's text.
	Draw func(row, width int) string
	// Style styles the column's cells (nil: the row's style).
	Style func(row int) lipgloss.Style
}

// TableStyles are the styles a table draws with.
type TableStyles struct {
	Header, Cell, Selected lipgloss.Style
}

// TableKeyMap scrolls a table's columns.
type TableKeyMap struct{ Left, Right key.Binding }

// DefaultTableKeyMap scrolls the columns with h/l and shift+←/→.
func DefaultTableKeyMap() TableKeyMap {
	return TableKeyMap{
		Left:  key.NewBinding(key.WithKeys("shift+left", "h"), key.WithHelp("h/shift+←", "columns left")),
		Right: key.NewBinding(key.WithKeys("shift+right", "l"), key.WithHelp("l/shift+→", "columns right")),
	}
}

// ShiftOnly leaves h and l to the view that binds them (scroll with
// shift+←/→ only).
func (k TableKeyMap) ShiftOnly() TableKeyMap {
	k.Left.SetKeys("shift+left")
	k.Left.SetHelp("shift+←", "columns left")
	k.Right.SetKeys("shift+right")
	k.Right.SetHelp("shift+→", "columns right")
	return k
}

// Bindings lists the keys.
func (k TableKeyMap) Bindings() []key.Binding { return []key.Binding{k.Left, k.Right} }

// help names the keys in a line: "h/l or shift+←/→".
func (k TableKeyMap) help() string {
	if slices.Contains(k.Left.Keys(), "h") {
		return "h/l or shift+←/→"
	}
	return "shift+←/→"
}

// Table lays rows out in columns for a width by one rule: pinned columns
// always, then the others by priority while they fit (among equal
// priorities, from the left until one does not fit), drawn in their
// order; what does not fit is hidden, counted (HiddenNote) and reached by
// scrolling the columns (KeyMap: the most important columns step aside
// one at a time). Every row starts with a two-cell marker, "▸ " on the
// selected one. Cells are cleaned before they are drawn.
type Table struct {
	KeyMap TableKeyMap
	Styles TableStyles
	// RowStyle styles a row's cells (nil: Styles.Cell); a column's Style
	// wins over it.
	RowStyle func(row int) lipgloss.Style
	// Note is drawn after a row's last column (" too few"), in its style;
	// NoteWidth is the room kept for it.
	Note      func(row int) (string, lipgloss.Style)
	NoteWidth int

	cols  []Column
	n     int
	cell  func(row, col int) string
	width int
	first int     // the horizontal scroll: the rank of the first column tried
	lay   *layout // nil when stale
}

// NewTable is a table of the columns, drawn with the styles.
func NewTable(st TableStyles, cols ...Column) Table {
	return Table{KeyMap: DefaultTableKeyMap(), Styles: st, cols: cols}
}

// SetColumns replaces the columns (the scroll is kept).
func (t *Table) SetColumns(cols ...Column) { t.cols, t.lay = cols, nil }

// SetRows gives the table n rows whose cells cell returns.
func (t *Table) SetRows(n int, cell func(row, col int) string) { t.n, t.cell, t.lay = n, cell, nil }

// SetCells gives the table rows of cells.
func (t *Table) SetCells(rows [][]string) {
	t.SetRows(len(rows), func(r, c int) string {
		if c < len(rows[r]) {
			return rows[r][c]
		}
		return ""
	})
}

// SetWidth sets the width the rows are drawn in, marker included.
func (t *Table) SetWidth(w int) {
	if w != t.width {
		t.width, t.lay = w, nil
	}
}

// Update scrolls the columns for a key of KeyMap; it reports whether msg
// was one.
func (t *Table) Update(msg tea.Msg) bool {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	switch {
	case key.Matches(km, t.KeyMap.Left):
		if t.first > 0 {
			t.first--
			t.lay = nil
		}
	case key.Matches(km, t.KeyMap.Right):
		if t.fitted().more {
			t.first++
			t.lay = nil
		}
	default:
		return false
	}
	return true
}

// Offset is the columns' scroll: how many of the most important columns
// stepped aside. SetOffset sets it, for a view that scrolls several
// tables together (it is kept within the columns when laid out).
func (t *Table) Offset() int { t.fitted(); return t.first }

// SetOffset sets the columns' scroll.
func (t *Table) SetOffset(n int) {
	if n = max(0, n); n != t.first {
		t.first, t.lay = n, nil
	}
}

// More reports whether scrolling right would show a hidden column.
func (t *Table) More() bool { return t.fitted().more }

// Hidden is the number of columns not shown.
func (t *Table) Hidden() int { return t.fitted().hidden }

// Shown reports whether column i is drawn (false for no column).
func (t *Table) Shown(i int) bool {
	w := t.fitted().widths
	return i >= 0 && i < len(w) && w[i] > 0
}

// HiddenNote says which columns are hidden and how to see them ("" when
// none is): "2 columns hidden (Lead, MQL) · shift+←/→ scroll".
func (t *Table) HiddenNote() string {
	lay := t.fitted()
	if lay.hidden == 0 {
		return ""
	}
	var names []string
	for _, i := range lay.order {
		if lay.widths[i] == 0 && t.cols[i].Title != "" {
			names = append(names, format.Clean(t.cols[i].Title))
		}
	}
	what := fmt.Sprintf("%d columns hidden", lay.hidden)
	if lay.hidden == 1 {
		what = "1 column hidden"
	}
	if len(names) > 0 && len(names) <= 3 {
		what += " (" + strings.Join(names, ", ") + ")"
	}
	return what + " · " + t.KeyMap.help() + " scroll"
}

// Tabular is the table's content in the column model the report writes
// (for copying or exporting what is on screen): every column with text
// cells, hidden ones included, every row; drawn-only columns (bars,
// sparklines) are left out.
func (t *Table) Tabular(name, title string) tabular.Table {
	out := tabular.Table{Name: name, Title: title}
	var cols []int
	for i, c := range t.cols {
		if c.Draw != nil && (t.cell == nil || c.Title == "") {
			continue
		}
		cols = append(cols, i)
		out.Columns = append(out.Columns, tabular.Column{Name: c.Title, Kind: tabular.KindText})
	}
	for r := 0; r < t.n && t.cell != nil; r++ {
		row := make([]tabular.Cell, len(cols))
		for j, i := range cols {
			row[j] = tabular.Cell{Str: t.cell(r, i)}
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}
