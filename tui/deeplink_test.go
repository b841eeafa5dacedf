package tui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/views"
)

func newOpenApp(t *testing.T, o Open) *App {
	t.Helper()
	a := New(demo.Generate(demo.Options{Rows: 3000, Seed: 1}), Options{NoColor: true, Open: o})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	deliver(a, a.Init())
	return a
}

// The deep-link flags open the explorer in that view and state, and every
// view sees the state (the status line shows it).
func TestOpenDeepLink(t *testing.T) {
	asOf := model.DayFromCivil(2026, 6, 30)
	// two --where channel=… are alternatives, as in funnel report
	a := newOpenApp(t, Open{By: "channel", Where: []string{"channel=chat", "channel=organic", "created>=2025-03"}, Period: "Quarter", AsOf: asOf})
	if a.Err() != nil {
		t.Fatal(a.Err())
	}
	b, ok := a.Top().(*views.Breakdown)
	if !ok || b.Dimension() != "channel" || a.active != "breakdown" {
		t.Fatalf("top view %T %q, want the breakdown by channel", a.Top(), a.active)
	}
	want := views.State{Filter: "channel in (chat,organic) created>=2025-03", Period: "quarter", AsOf: asOf}
	if a.state != want {
		t.Fatalf("state %+v, want %+v", a.state, want)
	}
	out := ansi.Strip(a.View().Content)
	for _, s := range []string{"by quarter", "as of 2026-06-30", "where channel in (ch"} {
		if !strings.Contains(out, s) {
			t.Errorf("screen lacks %q:\n%s", s, out)
		}
	}
	// switching views keeps the state
	press(a, tea.KeyPressMsg{Code: 't', Text: "t"})
	if a.active != "trends" || a.state != want {
		t.Fatalf("after t: %s %+v", a.active, a.state)
	}

	a = newOpenApp(t, Open{View: "Money"})
	if a.active != "money" {
		t.Fatalf("--view money opened %s", a.active)
	}
}

func TestOpenDeepLinkErrors(t *testing.T) {
	for _, tc := range []struct {
		o         Open
		flag, msg string
	}{
		{Open{View: "funnel"}, "--view", "views are overview, breakdown"},
		{Open{View: "trends", By: "channel"}, "--by", "--view breakdown"},
		{Open{Period: "fortnight"}, "--period", "expected week"},
		{Open{Where: []string{"segment in (SMB"}}, "--where", "missing )"},
	} {
		var oe *OpenError
		if err := tc.o.Check(); !errors.As(err, &oe) || oe.Flag != tc.flag || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%+v: %v, want %s …%s", tc.o, err, tc.flag, tc.msg)
		}
	}
	for _, tc := range []struct {
		o         Open
		flag, msg string
	}{
		{Open{By: "colour"}, "--by", "no such dimension"},
		{Open{Where: []string{"created>"}}, "--where", "expected a value"},
		{Open{Where: []string{"channel=chat", "chanel=chat"}}, "--where", `did you mean "channel"`},
	} {
		a := newOpenApp(t, tc.o)
		var oe *OpenError
		if !errors.As(a.Err(), &oe) || oe.Flag != tc.flag || !strings.Contains(a.Err().Error(), tc.msg) {
			t.Errorf("%+v: %v, want %s …%s", tc.o, a.Err(), tc.flag, tc.msg)
		}
	}
}

func isMsg[T tea.Msg](cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(T)
	return ok
}

// ctrl+z suspends from every mode; ctrl+c quits from the / and : prompts.
func TestSuspendAndQuitFromPrompts(t *testing.T) {
	ctrlZ := tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	ctrlC := tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	for _, open := range []tea.KeyPressMsg{{}, {Code: '/', Text: "/"}, {Code: ':', Text: ":"}, {Code: '?', Text: "?"}} {
		a := newDemoApp(t, 100, 24)
		if open.Code != 0 {
			press(a, open)
		}
		mode := a.mode
		_, cmd := a.Update(ctrlZ)
		if !isMsg[tea.SuspendMsg](cmd) {
			t.Errorf("mode %d: ctrl+z does not suspend", mode)
		}
		if a.mode != mode {
			t.Errorf("ctrl+z changed the mode %d to %d", mode, a.mode)
		}
		_, cmd = a.Update(ctrlC)
		if !isMsg[tea.QuitMsg](cmd) {
			t.Errorf("mode %d: ctrl+c does not quit", mode)
		}
	}
}

// Keys typed while the data loads are kept and replayed once it is in.
func TestKeysTypedWhileLoadingAreReplayed(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 2000})
	gate := make(chan struct{})
	a, cmd := NewLoading("big.csv", func(ctx context.Context, progress func(int64, int64)) (*model.Dataset, error) {
		<-gate
		return ds, nil
	}, Options{NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 24})
	for _, r := range "b" {
		a.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	for _, r := range "/channel=chat" {
		a.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	a.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if _, cmd := a.Update(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}); !isMsg[tea.SuspendMsg](cmd) {
		t.Error("ctrl+z while loading does not suspend")
	}
	close(gate)
	_, next := a.Update(cmd())
	deliver(a, next)
	if a.active != "breakdown" || a.state.Filter != "channel=chat" || a.mode != modeNormal {
		t.Fatalf("after load: view %s, filter %q, mode %d", a.active, a.state.Filter, a.mode)
	}
}

// A pipe's size is unknown: the loading screen counts the bytes read.
func TestLoadingFromAPipe(t *testing.T) {
	gate := make(chan struct{})
	a, cmd := NewLoading("standard input", func(ctx context.Context, progress func(int64, int64)) (*model.Dataset, error) {
		progress(3<<20, 0)
		<-gate
		return nil, ctx.Err()
	}, Options{NoColor: true})
	defer close(gate)
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 20})
	a.Update(cmd())
	if out := ansi.Strip(a.View().Content); !strings.Contains(out, "Loading standard input") || !strings.Contains(out, "3.0 MB read") {
		t.Fatalf("loading screen:\n%s", out)
	}
}
