// Package viewtest is what the views' tests share: the demo data with a
// plain theme, running a view's commands the way the program would, key
// presses by name, the hand-made datasets and the report to hold the
// views' numbers to. Only tests import it.
package viewtest

import (
	"fmt"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/theme"
	"github.com/funnel-cli/funnel/tui/views"
)

var (
	demoOnce sync.Once
	demoEng  *query.Engine
	bigOnce  sync.Once
	bigEng   *query.Engine
)

// Demo is the 20,000-row demo with the monochrome theme (one engine shared
// by the tests of a package).
func Demo() views.Common {
	demoOnce.Do(func() { demoEng = query.New(demo.Generate(demo.Options{Rows: 20000})) })
	return views.Common{Styles: theme.New(true, true), Engine: demoEng}
}

// Big is the 1,000,000-row demo, for benchmarks.
func Big() views.Common {
	bigOnce.Do(func() { bigEng = query.New(demo.Generate(demo.Options{Rows: 1_000_000})) })
	return views.Common{Styles: theme.New(true, false), Engine: bigEng}
}

// MoneyDemo is the 5,000-row demo (seed 1) with the plain theme and, when
// asked, its spend table.
func MoneyDemo(withSpend bool) views.Common {
	ds := demo.Generate(demo.Options{Rows: 5000, Seed: 1})
	c := views.Common{Styles: theme.Plain(), Engine: query.New(ds)}
	if withSpend {
		c.Spend = demo.Spend(ds)
	}
	return c
}

// On is a Common over ds with the plain theme.
func On(ds *model.Dataset) views.Common {
	return views.Common{Styles: theme.Plain(), Engine: query.New(ds)}
}

// Run executes a view's command synchronously and feeds the messages back,
// until none is left.
func Run(v views.View, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			Run(v, c)
		}
	default:
		Run(v, v.Update(msg))
	}
}

// Press sends keys by name ("enter", "down", "backspace", "esc", "space", "ctrl+u",
// or a character) and returns the last key's command.
func Press(v views.View, keys ...string) tea.Cmd {
	var last tea.Cmd
	for _, k := range keys {
		last = v.Update(Key(k))
	}
	return last
}

// Key is the key press of a name.
func Key(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "shift+right":
		return tea.KeyPressMsg{Code: tea.KeyRight, Mod: tea.ModShift}
	case "shift+left":
		return tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModShift}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// Drilled is what a command asks the root to drill into (ok false when it
// asks for nothing of the kind).
func Drilled(cmd tea.Cmd) (views.DrillMsg, bool) {
	if cmd == nil {
		return views.DrillMsg{}, false
	}
	m, ok := cmd().(views.DrillMsg)
	return m, ok
}

// Screen is the view's frame without escape sequences.
func Screen(v views.View) string { return ansi.Strip(v.View()) }

// SizeName names a size "80x24".
func SizeName(w, h int) string { return fmt.Sprintf("%dx%d", w, h) }

// Box says how a frame draws outside its w×h box ("" when it does not).
func Box(out string, w, h int) string {
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		return fmt.Sprintf("%d lines in a %d-line box", len(lines), h)
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > w {
			return fmt.Sprintf("line wider than %d: %q", w, l)
		}
	}
	return ""
}

// ChatState is the default state filtered to channel=chat.
func ChatState() views.State {
	st := views.DefaultState()
	st.Filter = "channel=chat"
	return st
}

// CountChat counts, by a plain loop over the whole data, the records with
// channel=chat that pass keep.
func CountChat(ds *model.Dataset, keep func(i int) bool) int {
	ch := ds.Dim("channel")
	n := 0
	for i := range ds.Len() {
		if ch.Value(i) == "chat" && keep(i) {
			n++
		}
	}
	return n
}
