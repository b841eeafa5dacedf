package widgets

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/tui/tabular"
)

// people is a table with a pinned name, two numbers by priority and a
// note column of the lowest priority.
func people() Table {
	t := NewTable(TableStyles{},
		Column{Title: "Name", Pin: true, Min: 6},
		Column{Title: "Leads", Align: AlignRight, Priority: 3},
		Column{Title: "Note", Priority: 1},
		Column{Title: "Won", Align: AlignRight, Priority: 2},
	)
	t.SetCells([][]string{
		{"Ana Silva-Montenegro", "1,204", "a long note here", "31"},
		{"Bo", "96", "", "4"},
	})
	return t
}

func TestTableFitsByPriorityAndKeepsTheName(t *testing.T) {
	for _, tc := range []struct {
		width  int
		header string
		row    string
		hidden int
	}{
		// everything fits: the name gets the width it needs
		{60, "  Name                 Leads Note             Won", "▸ Ana Silva-Montenegro 1,204 a long note here  31", 0},
		// the room left after the columns goes to the name
		{40, "  Name        Leads Note             Won", "▸ Ana Silva-… 1,204 a long note here  31", 0},
		// the note (lowest priority) goes first
		{22, "  Name       Leads Won", "▸ Ana Silva… 1,204  31", 1},
		// the name gives up room down to its minimum before Won goes
		{18, "  Name   Leads Won", "▸ Ana S… 1,204  31", 1},
		// narrower: Won (priority 2) goes before Leads (3)
		{14, "  Name   Leads", "▸ Ana S… 1,204", 2},
		// the name is kept when nothing else fits
		{9, "  Name", "▸ Ana Si…", 3},
	} {
		tb := people()
		tb.SetWidth(tc.width)
		if h := strings.TrimRight(tb.Header(), " "); h != tc.header {
			t.Errorf("%d: header %q, want %q", tc.width, h, tc.header)
		}
		if r := strings.TrimRight(tb.Row(0, true), " "); r != tc.row {
			t.Errorf("%d: row %q, want %q", tc.width, r, tc.row)
		}
		if tb.Hidden() != tc.hidden {
			t.Errorf("%d: %d hidden, want %d", tc.width, tb.Hidden(), tc.hidden)
		}
		if got := len([]rune(tb.Row(0, true))); got > tc.width {
			t.Errorf("%d: row %d wide", tc.width, got)
		}
	}
}

func TestTableScrollsColumns(t *testing.T) {
	tb := people()
	tb.SetWidth(22)
	if n := tb.HiddenNote(); n != "1 column hidden (Note) · h/l or shift+←/→ scroll" {
		t.Errorf("note %q", n)
	}
	steps := []struct {
		key    tea.KeyPressMsg
		header string
	}{
		// l: Leads steps aside; Won is tried next, the name takes the room
		{tea.KeyPressMsg{Code: 'l', Text: "l"}, "  Name             Won"},
		// the note, wider than the room, is shown cut
		{tea.KeyPressMsg{Code: tea.KeyRight, Mod: tea.ModShift}, "  Name   Note"},
		// nothing more to the right
		{tea.KeyPressMsg{Code: 'l', Text: "l"}, "  Name   Note"},
		{tea.KeyPressMsg{Code: 'h', Text: "h"}, "  Name             Won"},
		{tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModShift}, "  Name       Leads Won"},
		{tea.KeyPressMsg{Code: 'h', Text: "h"}, "  Name       Leads Won"},
	}
	for i, s := range steps {
		if !tb.Update(s.key) {
			t.Fatalf("step %d: %s not taken", i, s.key)
		}
		if h := strings.TrimRight(tb.Header(), " "); h != s.header {
			t.Errorf("step %d (%s): header %q, want %q", i, s.key, h, s.header)
		}
	}
	if tb.Update(tea.KeyPressMsg{Code: 'x', Text: "x"}) {
		t.Error("x taken")
	}
	sh := people()
	sh.KeyMap = sh.KeyMap.ShiftOnly()
	if sh.Update(tea.KeyPressMsg{Code: 'l', Text: "l"}) {
		t.Error("l taken by a shift-only table")
	}
}

func TestTableGrowDrawStylesAndNote(t *testing.T) {
	tb := NewTable(TableStyles{},
		Column{Title: "Stage", Pin: true},
		Column{Title: "", Grow: true, Min: 4, Max: 10, Gap: 2, Draw: func(r, w int) string { return Bar(float64(r+1)/2, w) }},
	)
	tb.Note = func(r int) (string, lipgloss.Style) {
		if r == 1 {
			return " few", lipgloss.NewStyle()
		}
		return "", lipgloss.NewStyle()
	}
	tb.NoteWidth = 4
	tb.SetCells([][]string{{"Lead"}, {"Won"}})
	tb.SetWidth(40)
	if r := strings.TrimRight(tb.Row(0, false), " "); r != "  Lead   █████" {
		t.Errorf("grow to Max: %q", r)
	}
	if r := tb.Row(1, false); r != "  Won    ██████████ few" {
		t.Errorf("note: %q", r)
	}
	tb.SetWidth(17)
	if r := tb.Row(1, false); r != "  Won    ████ few" {
		t.Errorf("grow within the room: %q", r)
	}
	tb.SetWidth(16)
	if r := tb.Row(1, false); r != "  Won   few" || tb.Hidden() != 1 {
		t.Errorf("no room for the bar's minimum: %q", r)
	}
}

func TestTableCleansCells(t *testing.T) {
	tb := NewTable(TableStyles{}, Column{Title: "Name", Pin: true})
	tb.SetCells([][]string{{"\x1b[31mred\x1b[0m\u202e"}})
	tb.SetWidth(20)
	if r := strings.TrimRight(tb.Row(0, false), " "); r != "  red" {
		t.Errorf("row %q", r)
	}
}

func TestTableTabularHasEveryColumn(t *testing.T) {
	tb := people()
	tb.SetWidth(14) // two columns hidden on screen
	tt := tb.Tabular("people", "People")
	if len(tt.Columns) != 4 || tt.Columns[2].Name != "Note" || len(tt.Rows) != 2 || tt.Rows[0][2].Str != "a long note here" {
		t.Fatalf("tabular %+v", tt)
	}
	var b strings.Builder
	if err := tabular.WriteCSV(&b, tt); err != nil || !strings.HasPrefix(b.String(), "Name,Leads,Note,Won\n") {
		t.Fatalf("csv %q %v", b.String(), err)
	}
}
