package tui

import (
	"strings"
	"testing"
)

// M answers at once: Update only starts the masked copy (a Job), the
// status line says so, and once the copy is in every view keeps its place.
func TestMaskRunsInTheBackgroundAndKeepsTheView(t *testing.T) {
	a := newViewsApp(t, 140, 30)
	press(a, ch('b'), keyEnter, ch('S'), keyDown) // by channel, sorted by rate, the second slice
	top := a.Top()
	selected := func() string {
		for _, l := range strings.Split(screen(a), "\n") {
			if strings.HasPrefix(l, "▸ ") {
				return strings.Fields(l)[1]
			}
		}
		return ""
	}
	before := selected()
	_, cmd := a.Update(ch('M'))
	if cmd == nil || a.mask.masked != nil || a.state.Masked {
		t.Fatalf("M must only start the masked copy: cmd %v, masked %v, state %+v", cmd != nil, a.mask.masked != nil, a.state)
	}
	if !strings.Contains(screen(a), "masking…") {
		t.Fatalf("the status line should say masking is under way:\n%s", screen(a))
	}
	deliver(a, cmd)
	if !a.state.Masked || !strings.Contains(screen(a), "MASKED") {
		t.Fatalf("not masked once the copy is in:\n%s", screen(a))
	}
	if a.Top() != top || !strings.Contains(screen(a), "sorted by rate") || selected() != before {
		t.Fatalf("M should keep the breakdown, its sort and its cursor (%q):\n%s", before, screen(a))
	}
	// back and forth without waiting: the copy is kept, the switch is at once
	_, cmd = a.Update(ch('M'))
	deliver(a, cmd)
	if a.state.Masked || strings.Contains(screen(a), "MASK") {
		t.Fatalf("M again should unmask:\n%s", screen(a))
	}
	press(a, ch('M'))
	if !a.state.Masked {
		t.Fatal("the masked copy should be reused")
	}
}

// M pressed twice before the copy is in: nothing is masked, and the copy
// arriving later changes nothing on screen.
func TestMaskCancelledBeforeTheCopyIsIn(t *testing.T) {
	a := newDemoApp(t, 100, 24)
	_, first := a.Update(ch('M'))
	_, second := a.Update(ch('M'))
	if second != nil || a.maskPending() {
		t.Fatalf("the second M should cancel: cmd %v, pending %v", second != nil, a.maskPending())
	}
	deliver(a, first)
	if a.state.Masked || a.common.Engine != a.mask.orig || a.mask.masked == nil {
		t.Fatalf("masked %v, engine orig %v, copy kept %v", a.state.Masked, a.common.Engine == a.mask.orig, a.mask.masked != nil)
	}
}
