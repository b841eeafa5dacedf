package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"
)

// guard wraps the root model so that a panic in Update or View ends the
// program cleanly (Bubble Tea restores the terminal) and leaves the details
// in a crash file rather than a stack trace over the user's screen.
type guard struct {
	inner    tea.Model
	crashDir string
	crashed  *string // path of the crash file, once written
}

// crashError is what Run returns after a recovered panic.
type crashError struct{ path string }

func (e crashError) Error() string {
	return fmt.Sprintf("funnel hit an internal error and stopped; the details are in %s (please attach it to a bug report)", e.path)
}

func newGuard(m tea.Model, dir string) *guard {
	if dir == "" {
		dir = os.TempDir()
	}
	s := ""
	return &guard{inner: m, crashDir: dir, crashed: &s}
}

func (g *guard) record(r any) {
	if *g.crashed != "" {
		return
	}
	path := filepath.Join(g.crashDir, fmt.Sprintf("funnel-crash-%s.log", time.Now().Format("20060102-150405")))
	body := fmt.Sprintf("funnel crashed at %s\n\npanic: %v\n\n%s", time.Now().Format(time.RFC3339), r, debug.Stack())
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		path = "(could not write a crash file: " + err.Error() + ")"
	}
	*g.crashed = path
}

func (g *guard) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			g.record(r)
			cmd = tea.Quit
		}
	}()
	return g.inner.Init()
}

func (g *guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			g.record(r)
			m, cmd = g, tea.Quit
		}
	}()
	if *g.crashed != "" {
		return g, tea.Quit
	}
	g.inner, cmd = g.inner.Update(msg)
	return g, cmd
}

func (g *guard) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			g.record(r)
			v = tea.NewView("funnel stopped after an internal error; details in " + *g.crashed)
		}
	}()
	if *g.crashed != "" {
		return tea.NewView("")
	}
	return g.inner.View()
}

// err is the crash, if there was one.
func (g *guard) err() error {
	if *g.crashed == "" {
		return nil
	}
	return crashError{*g.crashed}
}
