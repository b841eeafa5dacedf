package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The view bar names every top view by its key at every width, marks the
// one on screen, and says which views are pushed on it.
func TestViewBarAtEveryWidth(t *testing.T) {
	for _, w := range []int{60, 80, 120, 200} {
		a := newDemoApp(t, w, 24)
		for _, tv := range a.tops {
			k := tv.key.Help().Key
			press(a, ch(rune(k[0])))
			bar := strings.Split(screen(a), "\n")[0]
			if ansi.StringWidth(bar) > w {
				t.Fatalf("%d: bar wider than the window: %q", w, bar)
			}
			if !strings.Contains(bar, "["+k+" ") {
				t.Errorf("%d: %s not marked: %q", w, tv.name, bar)
			}
			for _, o := range a.tops {
				ok := o.key.Help().Key
				if !strings.Contains(bar, " "+ok+" ") && !strings.Contains(bar, "["+ok+" ") && !strings.HasPrefix(bar, ok+" ") &&
					!strings.HasSuffix(bar, " "+ok) {
					t.Errorf("%d: key %s missing from the bar: %q", w, ok, bar)
				}
			}
			if w >= 120 && !strings.Contains(bar, "["+k+" "+a.Top().Title()+"]") {
				t.Errorf("%d: no room for %q? %q", w, tv.label, bar)
			}
		}
	}
	a := newDemoApp(t, 100, 30)
	press(a, keyDown, keyEnter)
	if bar := strings.Split(screen(a), "\n")[0]; !strings.Contains(bar, "[o Overview › Stage MQL]") {
		t.Fatalf("a pushed view shows in the mark: %q", bar)
	}
}

// The status line keeps the filter, the as-of date, the mask and the
// mouse state at the smallest window.
func TestStatusLineKeepsTheState(t *testing.T) {
	for _, w := range []int{60, 80, 100, 200} {
		a := newDemoApp(t, w, 15)
		typeText(a, ":filter segment=SMB channel=paid_social")
		press(a, keyEnter)
		typeText(a, ":asof 2026-06-30")
		press(a, keyEnter, ch('M'), ch('m'))
		lines := strings.Split(screen(a), "\n")
		status := lines[len(lines)-1]
		for _, want := range []string{"where segment=SMB", "as of 2026-06-30", "MASKED", "mouse off"} {
			if !strings.Contains(status, want) {
				t.Errorf("%d: status line lacks %q: %q", w, want, status)
			}
		}
		if w >= 100 && !strings.Contains(status, "channel=paid_social") {
			t.Errorf("%d: the whole filter fits: %q", w, status)
		}
	}
	// a long filter is cut, never dropped
	a := newDemoApp(t, 60, 15)
	typeText(a, ":filter segment=SMB channel=paid_social created>=2025-03 created<=2026-09")
	press(a, keyEnter)
	if a.mode != modeNormal {
		t.Fatalf("filter refused:\n%s", screen(a))
	}
	lines := strings.Split(screen(a), "\n")
	if status := lines[len(lines)-1]; !strings.Contains(status, "where segment=SMB") || !strings.Contains(status, "…") ||
		!strings.Contains(status, "as of latest") || !strings.Contains(status, "mouse on") {
		t.Fatalf("long filter: %q", status)
	}
}
