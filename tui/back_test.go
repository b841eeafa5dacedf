package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

var (
	keyEscape = tea.KeyPressMsg{Code: tea.KeyEscape}
	ctrlC     = tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
)

// where is the screen's place: the top view, the stack depth and the
// filter.
func where(a *App) string {
	return a.active + "/" + a.Top().Title() + "/" + strings.Repeat("+", a.Depth()-1) + "/" + a.state.Filter
}

// Esc backs out of every view one step at a time, back to the overview.
func TestEscFromEveryView(t *testing.T) {
	cases := []struct {
		name string
		keys []tea.KeyPressMsg
		// the titles esc passes through, from the view the keys lead to
		// (the last is the overview)
		steps []string
	}{
		{"breakdown picker", []tea.KeyPressMsg{ch('b')}, []string{"Overview"}},
		{"breakdown", []tea.KeyPressMsg{ch('b'), keyEnter}, []string{"Overview"}},
		{"cohorts", []tea.KeyPressMsg{ch('c')}, []string{"Overview"}},
		{"trends", []tea.KeyPressMsg{ch('t')}, []string{"Overview"}},
		{"sticky", []tea.KeyPressMsg{ch('s')}, []string{"Overview"}},
		{"planner", []tea.KeyPressMsg{ch('p')}, []string{"Overview"}},
		{"money", []tea.KeyPressMsg{ch('e')}, []string{"Overview"}},
		{"stage detail", []tea.KeyPressMsg{keyEnter}, []string{"Overview"}},
		{"records", []tea.KeyPressMsg{ch('r')}, []string{"Overview"}},
		{"load details", []tea.KeyPressMsg{ch('l')}, []string{"Overview"}},
		{"stage, stalled records", []tea.KeyPressMsg{keyDown, keyEnter, ch('r')}, []string{"Stage MQL", "Overview"}},
		{"sticky, lost records", []tea.KeyPressMsg{ch('s'), keyEnter}, []string{"Sticky points", "Overview"}},
		{"tab to the next view", []tea.KeyPressMsg{ch('t'), ch('\t')}, []string{"Overview"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := newDemoApp(t, 100, 30)
			press(a, c.keys...)
			before := where(a)
			for _, want := range c.steps {
				press(a, keyEscape)
				if got := a.Top().Title(); !strings.HasPrefix(got, want) {
					t.Fatalf("from %s, esc led to %q, want %q", before, got, want)
				}
			}
			if a.active != "overview" || a.Depth() != 1 {
				t.Fatalf("from %s, esc ends at %s", before, where(a))
			}
			press(a, keyEscape) // at the overview: stays, and says so
			if a.active != "overview" || !strings.Contains(screen(a), "q quits") {
				t.Fatalf("esc at the overview:\n%s", screen(a))
			}
		})
	}
}

// Enter on a breakdown row filters to the slice; esc undoes it, then
// returns to the overview.
func TestEscUndoesTheSliceFilter(t *testing.T) {
	a := newDemoApp(t, 120, 30)
	press(a, ch('b'), keyEnter, keyEnter)
	if a.state.Filter == "" || !strings.HasPrefix(a.state.Filter, "channel=") {
		t.Fatalf("enter on a slice should filter to it, filter %q", a.state.Filter)
	}
	press(a, keyEscape)
	if a.state.Filter != "" || a.active != "breakdown" {
		t.Fatalf("esc should undo the slice filter first: %s", where(a))
	}
	press(a, keyEscape)
	if a.active != "overview" {
		t.Fatalf("then return to the overview: %s", where(a))
	}

	// a filter typed after the slice replaces it: esc does not undo that
	a = newDemoApp(t, 120, 30)
	press(a, ch('b'), keyEnter, keyEnter)
	typeText(a, ":filter segment=SMB")
	press(a, keyEnter)
	press(a, keyEscape)
	if a.state.Filter != "segment=SMB" || a.active != "overview" {
		t.Fatalf("a typed filter is not a slice to undo: %s", where(a))
	}

	// a slice on top of a filter goes back to that filter
	a = newDemoApp(t, 120, 30)
	typeText(a, "/segment=SMB")
	press(a, keyEnter, ch('b'), keyEnter, keyEnter)
	press(a, keyEscape)
	if a.state.Filter != "segment=SMB" {
		t.Fatalf("undo should restore the filter before the slice: %s", where(a))
	}
}

// Esc closes prompts and help without going back; ctrl+c quits from each.
func TestEscAndCtrlCInEveryMode(t *testing.T) {
	for _, c := range []struct {
		name string
		keys []tea.KeyPressMsg
	}{
		{"filter prompt", []tea.KeyPressMsg{ch('/')}},
		{"command prompt", []tea.KeyPressMsg{ch(':')}},
		{"help", []tea.KeyPressMsg{ch('?')}},
		{"breakdown picker", []tea.KeyPressMsg{ch('b')}},
		{"planner target", []tea.KeyPressMsg{ch('p'), ch('i')}},
		{"records find", []tea.KeyPressMsg{ch('r'), ch('f')}},
		{"export prompt", []tea.KeyPressMsg{ch('t'), {Code: 's', Mod: tea.ModCtrl}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := newDemoApp(t, 100, 30)
			press(a, c.keys...)
			_, cmd := a.Update(ctrlC)
			if cmd == nil {
				t.Fatal("ctrl+c did nothing")
			}
			if _, ok := cmd().(tea.QuitMsg); !ok {
				t.Fatal("ctrl+c should quit")
			}
			_, cmd = a.Update(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
			if cmd == nil {
				t.Fatal("ctrl+z should suspend")
			}
			if _, ok := cmd().(tea.SuspendMsg); !ok {
				t.Fatal("ctrl+z should suspend")
			}
		})
	}
}

// The column screen and its role picker back out with esc, and ctrl+c
// quits from the picker.
func TestEscFromTheColumnScreen(t *testing.T) {
	a := columnsApp(t, 120, 30, "../testdata/realdata/uci-bank__bank.csv")
	press(a, ch('C'))
	if a.Depth() != 2 {
		t.Fatalf("C: depth %d, top %s", a.Depth(), a.Top().Title())
	}
	press(a, keyEnter) // the role picker
	press(a, keyEscape)
	if a.Depth() != 2 {
		t.Fatalf("esc in the role picker should keep the column screen: %s", where(a))
	}
	press(a, keyEscape)
	if a.active != "overview" || a.Depth() != 1 {
		t.Fatalf("esc on the column screen: %s", where(a))
	}
	press(a, ch('C'), keyEnter)
	if _, cmd := a.Update(ctrlC); cmd == nil {
		t.Fatal("ctrl+c in the role picker did nothing")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c in the role picker should quit")
	}
}

// ? lists esc and ctrl+c in every view, paged on a small window (j
// scrolls, any other key closes).
func TestHelpListsEscAndCtrlCEverywhere(t *testing.T) {
	for _, v := range viewPaths {
		t.Run(v.name, func(t *testing.T) {
			a := newDemoApp(t, 60, 15)
			press(a, v.keys...)
			press(a, ch('?'))
			var seen strings.Builder
			for range 10 {
				seen.WriteString(screen(a))
				press(a, tea.KeyPressMsg{Code: tea.KeyPgDown})
			}
			press(a, ch('j'))
			for _, want := range []string{"esc ", "q/ctrl+c", "quit (ctrl+c also from a prompt)", "y ", "ctrl+s"} {
				if !strings.Contains(seen.String(), want) {
					t.Errorf("? lacks %q", want)
				}
			}
			if a.mode != modeHelp {
				t.Fatal("j should scroll the help, not close it")
			}
			press(a, keyEscape)
			if a.mode != modeNormal {
				t.Fatal("esc should close the help")
			}
		})
	}
}
