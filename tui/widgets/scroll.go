package widgets

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// ScrollKeyMap moves a list's cursor, or a pager's window, up and down.
// Views change the help text on a copy, and turn off what they do not
// want with SetEnabled(false).
type ScrollKeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
}

// DefaultScrollKeyMap returns the scroll keys: ↑/k ↓/j, pgup/ctrl+u,
// pgdown/ctrl+d/space, home/g, end/G.
func DefaultScrollKeyMap() ScrollKeyMap {
	return ScrollKeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+d", "space"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
	}
}

// ShortHelp is the help line's scroll keys.
func (k ScrollKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down} }

// FullHelp is every scroll key, as one group.
func (k ScrollKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.Bindings()} }

// Bindings lists every scroll key.
func (k ScrollKeyMap) Bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}
}

// Scroll is the vertical position in n items shown height at a time: a
// list has a cursor the window follows, a pager only a window. Views set
// the length and the height and hand it their keys; Window says which
// items to draw.
type Scroll struct {
	KeyMap ScrollKeyMap
	pager  bool
	n      int
	height int
	cursor int
	offset int
}

// NewList is a scroll with a cursor over the items.
func NewList() Scroll { return Scroll{KeyMap: DefaultScrollKeyMap(), height: 1} }

// NewPager is a scroll without a cursor: the keys move the window (text
// to read).
func NewPager() Scroll { return Scroll{KeyMap: DefaultScrollKeyMap(), pager: true, height: 1} }

// SetLen sets the number of items (the cursor and window stay in range).
func (s *Scroll) SetLen(n int) { s.n = max(0, n); s.clamp() }

// SetHeight sets how many items are shown at a time (at least one).
func (s *Scroll) SetHeight(h int) { s.height = max(1, h); s.clamp() }

// Len is the number of items.
func (s *Scroll) Len() int { return s.n }

// Cursor is the selected item of a list (0 for a pager).
func (s *Scroll) Cursor() int { return s.cursor }

// SetCursor selects item i (kept in range) and brings it into view.
func (s *Scroll) SetCursor(i int) { s.cursor = i; s.clamp() }

// Offset is the first item in view.
func (s *Scroll) Offset() int { return s.offset }

// SetOffset puts item i first in view, as far as the items allow.
func (s *Scroll) SetOffset(i int) { s.offset = i; s.clampOffset() }

// Window is the items in view: from ≤ i < to.
func (s *Scroll) Window() (from, to int) { return s.offset, min(s.n, s.offset+s.height) }

// Below is how many items follow the window.
func (s *Scroll) Below() int { return max(0, s.n-s.offset-s.height) }

// Click selects the item on line y of the window; it reports whether
// there is one.
func (s *Scroll) Click(y int) bool {
	i := s.offset + y
	if y < 0 || y >= s.height || i >= s.n || s.pager {
		return false
	}
	s.cursor = i
	return true
}

// Update moves the cursor (a list) or the window (a pager) for a scroll
// key; it reports whether msg was one.
func (s *Scroll) Update(msg tea.Msg) bool {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	page := max(1, s.height-1)
	pos := &s.cursor
	last := s.n - 1
	if s.pager {
		pos, last = &s.offset, s.n-s.height
	}
	switch {
	case key.Matches(km, s.KeyMap.Up):
		*pos--
	case key.Matches(km, s.KeyMap.Down):
		*pos++
	case key.Matches(km, s.KeyMap.PageUp):
		*pos -= page
	case key.Matches(km, s.KeyMap.PageDown):
		*pos += page
	case key.Matches(km, s.KeyMap.Top):
		*pos = 0
	case key.Matches(km, s.KeyMap.Bottom):
		*pos = last
	default:
		return false
	}
	s.clamp()
	return true
}

func (s *Scroll) clamp() {
	if s.pager {
		s.cursor = 0
		s.clampOffset()
		return
	}
	s.cursor = min(max(s.cursor, 0), max(0, s.n-1))
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+s.height {
		s.offset = s.cursor - s.height + 1
	}
	s.clampOffset()
}

func (s *Scroll) clampOffset() { s.offset = max(0, min(s.offset, s.n-s.height)) }
