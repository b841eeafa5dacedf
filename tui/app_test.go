package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/funnel-cli/funnel/model/demo"
)

func newDemoApp(t *testing.T, w, h int) *App {
	t.Helper()
	a := New(demo.Generate(demo.Options{Rows: 5000, Seed: 1}), Options{NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	deliver(a, a.Init()) // background results (insights) arrive before the test looks
	return a
}

func press(a *App, keys ...tea.KeyPressMsg) {
	for _, k := range keys {
		_, cmd := a.Update(k)
		deliver(a, cmd)
	}
}

// deliver runs a command the way the program would and feeds its message
// back, until the screen settles. Nothing in the explorer ticks, so every
// command ends; one that takes over 5s fails the wait and is dropped.
func deliver(a *App, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(5 * time.Second):
		return
	}
	switch msg := msg.(type) {
	case nil, tea.QuitMsg, tea.BackgroundColorMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			deliver(a, c)
		}
	default:
		_, next := a.Update(msg)
		deliver(a, next)
	}
}

var (
	keyDown = tea.KeyPressMsg{Code: tea.KeyDown}
	keyJ    = tea.KeyPressMsg{Code: 'j', Text: "j"}
	keyK    = tea.KeyPressMsg{Code: 'k', Text: "k"}
)

func TestOverviewDownTwice(t *testing.T) {
	a := newDemoApp(t, 100, 24)
	press(a, keyDown, keyJ)
	plain := ansi.Strip(a.View().Content)
	if !strings.Contains(plain, "▸ SAL") {
		t.Fatalf("selected row not marked:\n%s", plain)
	}
	if !strings.Contains(plain, "SAL: ") || !strings.Contains(plain, "5,000 rows read") {
		t.Fatalf("stage note or status line missing:\n%s", plain)
	}
	golden.RequireEqual(t, []byte(plain))
	press(a, keyK)
	if !strings.Contains(screen(a), "▸ MQL") {
		t.Fatalf("k should select MQL:\n%s", screen(a))
	}
}

func TestQuitKeys(t *testing.T) {
	a := newDemoApp(t, 80, 24)
	for _, k := range []tea.KeyPressMsg{{Code: 'q', Text: "q"}, {Code: 'c', Mod: tea.ModCtrl}} {
		_, cmd := a.Update(k)
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s does not quit", k)
		}
	}
}

func TestHelpToggles(t *testing.T) {
	a := newDemoApp(t, 80, 24)
	press(a, tea.KeyPressMsg{Code: '?', Text: "?"})
	plain := ansi.Strip(a.View().Content)
	if !strings.Contains(plain, "Keys: Overview") || !strings.Contains(plain, "next stage") {
		t.Fatalf("help not shown:\n%s", plain)
	}
	press(a, tea.KeyPressMsg{Code: tea.KeyEscape})
	if strings.Contains(ansi.Strip(a.View().Content), "Keys: Overview") {
		t.Fatal("help did not close")
	}
}

func TestTinyWindowsDoNotPanic(t *testing.T) {
	a := newDemoApp(t, 100, 24)
	a.Update(tea.WindowSizeMsg{Width: 20, Height: 5})
	plain := ansi.Strip(a.View().Content)
	if !strings.Contains(plain, "too small") {
		t.Fatalf("20×5 should say the window is too small:\n%s", plain)
	}
	for w := 0; w <= 130; w += 7 {
		for h := 0; h <= 40; h += 3 {
			a.Update(tea.WindowSizeMsg{Width: w, Height: h})
			press(a, keyDown)
			out := a.View().Content
			if w >= MinWidth && h >= MinHeight {
				for i, l := range strings.Split(out, "\n") {
					if lw := ansi.StringWidth(l); lw > w {
						t.Fatalf("%dx%d: line %d is %d wide", w, h, i, lw)
					}
				}
				if n := strings.Count(out, "\n") + 1; n != h {
					t.Fatalf("%dx%d: %d lines", w, h, n)
				}
			}
		}
	}
}

func TestOverviewGoldenSizes(t *testing.T) {
	for _, sz := range [][2]int{{60, 15}, {140, 40}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			a := newDemoApp(t, sz[0], sz[1])
			plain := ansi.Strip(a.View().Content)
			for i, l := range strings.Split(plain, "\n") {
				if w := ansi.StringWidth(l); w > sz[0] {
					t.Fatalf("line %d is %d wide", i, w)
				}
			}
			golden.RequireEqual(t, []byte(plain))
		})
	}
}
