package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/theme"
)

// openers reach each of the new views from the overview.
var openers = map[string][]tea.KeyPressMsg{
	"stage":     {keyDown, keyEnter},
	"breakdown": {ch('b'), keyEnter},
	"cohorts":   {ch('c')},
	"trends":    {ch('t')},
}

func TestNewViewsResizeSweepNeverPanics(t *testing.T) {
	for name, keys := range openers {
		a := newDemoApp(t, 100, 30)
		press(a, keys...)
		for w := 1; w <= 300; w += 23 {
			for h := 1; h <= 100; h += 11 {
				a.Update(tea.WindowSizeMsg{Width: w, Height: h})
				for _, l := range strings.Split(screen(a), "\n") {
					if w >= MinWidth && h >= MinHeight && ansi.StringWidth(l) > w {
						t.Fatalf("%s at %dx%d: line too wide: %q", name, w, h, l)
					}
				}
			}
		}
	}
}

func TestNewViewsSanitizeHostileStrings(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 2000})
	ds.Stages = append([]string(nil), ds.Stages...)
	for k := range ds.Stages {
		ds.Stages[k] = hostile[k%len(hostile)] + ds.Stages[k]
	}
	ch0 := ds.Dim("channel")
	ch0.Values = append([]string(nil), ch0.Values...)
	for i := 1; i < len(ch0.Values); i++ {
		ch0.Values[i] = hostile[i%len(hostile)] + ch0.Values[i]
	}
	for name, keys := range openers {
		a := New(ds, Options{NoColor: true})
		*a.styles = *theme.Plain()
		a.applyHelpStyles()
		a.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
		deliver(a, a.Init())
		press(a, keys...)
		for i := 0; i < 3; i++ {
			out := a.View().Content
			for _, bad := range []string{"\x1b", "\x07", "\u202E", "\u200B", "\u009b", "\xff"} {
				if strings.Contains(out, bad) {
					t.Fatalf("%s: output contains %q:\n%s", name, bad, out)
				}
			}
			press(a, keyRight)
		}
	}
}
