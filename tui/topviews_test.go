package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/theme"
	"github.com/funnel-cli/funnel/tui/views/records"
)

// Every top view's keys: no collision with each other or with the root's,
// and every binding has help text.
func TestTopViewKeysDoNotCollide(t *testing.T) {
	a := newDemoApp(t, 100, 30)
	for _, tv := range a.tops {
		a.openTop(tv.name, "")
		checkKeys(t, a, tv.name)
	}
}

// checkKeys fails when two of the keys the top view and the root bind
// collide, or one has no help text.
func checkKeys(t *testing.T, a *App, name string) {
	t.Helper()
	hk := helpKeys{view: a.Top(), global: a.keys, canBack: true, tops: a.topBindings()}
	seen := map[string]string{}
	for _, group := range hk.FullHelp() {
		for _, b := range group {
			if b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("%s: binding %v has no help text", name, b.Keys())
			}
			for _, k := range b.Keys() {
				if prev, dup := seen[k]; dup {
					t.Errorf("%s: key %q bound to both %q and %q", name, k, prev, b.Help().Desc)
				}
				seen[k] = b.Help().Desc
			}
		}
	}
}

// The sticky points and the planner draw data strings (stage names,
// channel values) only after sanitising them.
func TestStickyAndPlannerSanitise(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 3000})
	ds.Stages = append([]string(nil), ds.Stages...)
	for k := range ds.Stages {
		ds.Stages[k] = hostile[k%len(hostile)] + ds.Stages[k]
	}
	ch := ds.Dim("channel")
	for c := range ch.Values {
		ch.Values[c] = hostile[(c+3)%len(hostile)] + ch.Values[c]
	}
	a := New(ds, Options{NoColor: true})
	*a.styles = *theme.Plain()
	a.applyHelpStyles()
	for _, k := range []rune{'s', 'p'} {
		for _, sz := range [][2]int{{60, 15}, {140, 60}} {
			a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			press(a, tea.KeyPressMsg{Code: k, Text: string(k)})
			deliver(a, a.Top().Init())
			out := a.View().Content
			if strings.Contains(out, "computing") {
				t.Fatalf("%c: still computing", k)
			}
			for _, bad := range []string{"\x1b", "\x07", "\u202E", "\u200B", "\u009b", "\xff"} {
				if strings.Contains(out, bad) {
					t.Fatalf("%c %dx%d: output contains %q:\n%s", k, sz[0], sz[1], bad, out)
				}
			}
			for _, l := range strings.Split(out, "\n") {
				if ansi.StringWidth(l) > sz[0] {
					t.Fatalf("%c %dx%d: line wider than the window: %q", k, sz[0], sz[1], l)
				}
			}
		}
	}
	// drill from the sticky list: the records title is clean too
	press(a, tea.KeyPressMsg{Code: 's', Text: "s"}, tea.KeyPressMsg{Code: tea.KeyEnter})
	if _, ok := a.Top().(*records.Model); !ok {
		t.Fatalf("enter on a sticky point: top is %T", a.Top())
	}
	if out := a.View().Content; strings.Contains(out, "\x1b") {
		t.Fatalf("records after drill:\n%s", out)
	}
}
