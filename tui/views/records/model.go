// Package records lists the rows behind a number (the records at a stage,
// stalled in it, lost in a slice): scrollable and searchable.
package records

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// Model is the records view.
type Model struct {
	common  views.Common
	keys    KeyMap
	title   string
	rows    []int32 // record indices into the dataset
	cursor  int
	offset  int
	width   int
	height  int
	finding bool
	query   string
	note    string
}

// New shows the given records of the dataset under a title that says what
// they are (e.g. "Stalled in SQL").
func New(c views.Common, title string, rows []int32) *Model {
	return &Model{common: c, keys: DefaultKeyMap(), title: title, rows: rows}
}

func (r *Model) Init() tea.Cmd             { return nil }
func (r *Model) Title() string             { return "Records: " + widgets.Clean(r.title) }
func (r *Model) SetSize(w, h int)          { r.width, r.height = w, h; r.clamp() }
func (r *Model) ShortHelp() []key.Binding  { return r.keys.ShortHelp() }
func (r *Model) FullHelp() [][]key.Binding { return r.keys.FullHelp() }

// Capturing reports whether the find prompt has the keyboard.
func (r *Model) Capturing() bool { return r.finding }

func (r *Model) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if r.finding {
		switch km.String() {
		case "enter":
			r.finding = false
			r.findNext(r.cursor)
		case "esc":
			r.finding = false
		case "backspace":
			if n := len([]rune(r.query)); n > 0 {
				r.query = string([]rune(r.query)[:n-1])
			}
		default:
			if km.Text != "" {
				r.query += km.Text
			}
		}
		return nil
	}
	page := max(1, r.bodyHeight()-1)
	switch {
	case key.Matches(km, r.keys.Up):
		r.cursor--
	case key.Matches(km, r.keys.Down):
		r.cursor++
	case key.Matches(km, r.keys.PageUp):
		r.cursor -= page
	case key.Matches(km, r.keys.PageDown):
		r.cursor += page
	case key.Matches(km, r.keys.Top):
		r.cursor = 0
	case key.Matches(km, r.keys.Bottom):
		r.cursor = len(r.rows) - 1
	case key.Matches(km, r.keys.Find):
		r.finding, r.query, r.note = true, "", ""
	case key.Matches(km, r.keys.NextMatch):
		r.findNext(r.cursor + 1)
	}
	r.clamp()
	return nil
}

func (r *Model) findNext(from int) {
	q := strings.ToLower(r.query)
	if q == "" {
		return
	}
	for i := 0; i < len(r.rows); i++ {
		j := (from + i) % len(r.rows)
		if strings.Contains(strings.ToLower(r.line(int(r.rows[j]))), q) {
			r.cursor = j
			r.note = ""
			r.clamp()
			return
		}
	}
	r.note = fmt.Sprintf("no row contains %q", widgets.Clean(r.query))
}

func (r *Model) bodyHeight() int { return max(1, r.height-3) }

func (r *Model) clamp() {
	r.cursor = min(max(r.cursor, 0), max(0, len(r.rows)-1))
	h := r.bodyHeight()
	if r.cursor < r.offset {
		r.offset = r.cursor
	}
	if r.cursor >= r.offset+h {
		r.offset = r.cursor - h + 1
	}
	r.offset = max(0, min(r.offset, len(r.rows)-h))
}
