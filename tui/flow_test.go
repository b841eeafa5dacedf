package tui

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/views/overview"
)

// The flow of the issue: load the demo, open the sticky points, drill into
// the first, go back, and return to the overview.
func TestFlowStickyDrillBack(t *testing.T) {
	a := New(demo.Generate(demo.Options{Rows: 20000}), Options{NoColor: true})
	tm := teatest.NewTestModel(t, a, teatest.WithInitialTermSize(120, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii),
			tea.WithEnvironment([]string{"TERM=xterm-256color"})))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains([]byte(ansi.Strip(string(b))), []byte(what)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitFor("Opportunity")
	tm.Send(tea.KeyPressMsg{Code: 's', Text: "s"})
	waitFor("sticky points of")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitFor("Records: channel=paid_social not past Lead→MQL")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	waitFor("lost conversions")
	tm.Send(tea.KeyPressMsg{Code: 'o', Text: "o"})
	waitFor("Reached")
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
	if _, ok := fm.Top().(*overview.Model); !ok || fm.Depth() != 1 {
		t.Fatalf("final view %T at depth %d, want the overview alone", fm.Top(), fm.Depth())
	}
}

// A deep link opens the breakdown by channel under a filter; enter on a
// slice narrows it, esc undoes that, esc again returns to the overview
// with the deep link's filter kept (it was typed, not a slice).
func TestFlowDeepLinkThenEsc(t *testing.T) {
	a := New(demo.Generate(demo.Options{Rows: 20000}), Options{NoColor: true,
		Open: Open{View: "breakdown", By: "channel", Where: []string{"segment=SMB"}, Period: "quarter"}})
	tm := teatest.NewTestModel(t, a, teatest.WithInitialTermSize(120, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii),
			tea.WithEnvironment([]string{"TERM=xterm-256color"})))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains([]byte(ansi.Strip(string(b))), []byte(what)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	waitFor("paid_social")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitFor("channel=paid_social")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	waitFor("slice filter undone")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	waitFor("at or past the stage")
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
	if _, ok := fm.Top().(*overview.Model); !ok || fm.state.Filter != "segment=SMB" || fm.state.Period != "quarter" {
		t.Fatalf("final %T, state %+v", fm.Top(), fm.state)
	}
}
