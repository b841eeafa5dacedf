package widgets

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func press(s *Scroll, keys ...string) {
	for _, k := range keys {
		var m tea.KeyPressMsg
		switch k {
		case "down":
			m = tea.KeyPressMsg{Code: tea.KeyDown}
		case "pgdown":
			m = tea.KeyPressMsg{Code: tea.KeyPgDown}
		case "space":
			m = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		default:
			m = tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		}
		s.Update(m)
	}
}

func TestScrollListCursorAndWindow(t *testing.T) {
	s := NewList()
	s.SetLen(10)
	s.SetHeight(4)
	for _, tc := range []struct {
		keys           []string
		cursor, offset int
	}{
		{[]string{"j", "down"}, 2, 0},
		{[]string{"j", "j"}, 4, 1},     // the window follows the cursor
		{[]string{"pgdown"}, 7, 4},     // a page is the height less one
		{[]string{"G"}, 9, 6},          // the last item, the window at the end
		{[]string{"space", "j"}, 9, 6}, // and no further
		{[]string{"g"}, 0, 0},
		{[]string{"k"}, 0, 0},
	} {
		press(&s, tc.keys...)
		if s.Cursor() != tc.cursor || s.Offset() != tc.offset {
			t.Errorf("%v: cursor %d offset %d, want %d %d", tc.keys, s.Cursor(), s.Offset(), tc.cursor, tc.offset)
		}
	}
	if from, to := s.Window(); from != 0 || to != 4 {
		t.Errorf("window %d–%d", from, to)
	}
	if !s.Click(2) || s.Cursor() != 2 || s.Click(4) {
		t.Error("click selects the line clicked, within the window")
	}
	s.SetLen(2)
	if s.Cursor() != 1 {
		t.Errorf("fewer items: cursor %d", s.Cursor())
	}
	if s.Update(tea.KeyPressMsg{Code: 'x', Text: "x"}) {
		t.Error("x taken")
	}
	s.KeyMap.Down.SetEnabled(false)
	if s.Update(tea.KeyPressMsg{Code: 'j', Text: "j"}) {
		t.Error("a disabled key taken")
	}
}

func TestScrollPager(t *testing.T) {
	s := NewPager()
	s.SetLen(10)
	s.SetHeight(4)
	press(&s, "j", "j")
	if s.Offset() != 2 || s.Cursor() != 0 || s.Below() != 4 {
		t.Errorf("j j: offset %d cursor %d below %d", s.Offset(), s.Cursor(), s.Below())
	}
	press(&s, "G")
	if s.Offset() != 6 || s.Below() != 0 {
		t.Errorf("G: offset %d", s.Offset())
	}
	press(&s, "pgdown", "g")
	if s.Offset() != 0 {
		t.Errorf("g: offset %d", s.Offset())
	}
	s.SetLen(3)
	press(&s, "G")
	if s.Offset() != 0 {
		t.Errorf("fewer lines than the height: offset %d", s.Offset())
	}
	if s.Click(0) {
		t.Error("a pager has no cursor to click")
	}
}
