package widgets

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/tui/format"
)

// Sheet is several tables drawn one under another in a page of text (the
// money view, the planner), fitted to one width and scrolled across
// together: h/l or shift+←/→ step the most important columns of every
// table aside, as one Table's keys do.
type Sheet struct {
	KeyMap TableKeyMap
	Styles TableStyles
	width  int
	offset int
	more   bool // a table drawn since Begin has a hidden column further right
}

// NewSheet is a sheet drawn with the styles.
func NewSheet(st TableStyles) Sheet { return Sheet{KeyMap: DefaultTableKeyMap(), Styles: st} }

// Begin starts drawing the page for a width.
func (s *Sheet) Begin(width int) { s.width, s.more = width, false }

// Table draws one table of the page: its header and rows, styled by style
// (nil: Styles.Cell), and a line saying which columns are hidden, if any.
func (s *Sheet) Table(rows [][]string, style func(row int) lipgloss.Style, cols ...Column) []string {
	t := NewTable(s.Styles, cols...)
	t.RowStyle = style
	t.SetCells(rows)
	t.SetWidth(s.width)
	t.SetOffset(s.offset)
	s.more = s.more || t.More()
	lines := t.Lines(0, len(rows), -1)
	if n := t.HiddenNote(); n != "" {
		lines = append(lines, format.Truncate("("+n+")", s.width))
	}
	return lines
}

// Update scrolls the columns for a key of KeyMap; it reports whether the
// page must be drawn again.
func (s *Sheet) Update(msg tea.Msg) bool {
	km, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return false
	case key.Matches(km, s.KeyMap.Left) && s.offset > 0:
		s.offset--
		return true
	case key.Matches(km, s.KeyMap.Right) && s.more:
		s.offset++
		return true
	}
	return false
}
