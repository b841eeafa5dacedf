package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
)

func typeText(a *App, s string) {
	for _, r := range s {
		press(a, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

var keyEnter = tea.KeyPressMsg{Code: tea.KeyEnter}

func TestFilterPromptSetsStateAndStatusLine(t *testing.T) {
	a := newDemoApp(t, 120, 24)
	typeText(a, "/channel=chat")
	press(a, keyEnter)
	if a.state.Filter != "channel=chat" || a.mode != modeNormal {
		t.Fatalf("state %+v mode %v", a.state, a.mode)
	}
	if out := ansi.Strip(a.View().Content); !strings.Contains(out, "where channel=chat") {
		t.Fatalf("status line lacks the filter:\n%s", out)
	}
}

func TestFilterPromptRejectsUnknownColumn(t *testing.T) {
	a := newDemoApp(t, 120, 24)
	typeText(a, "/chanel=chat")
	press(a, keyEnter)
	if a.mode != modeFilter || a.state.Filter != "" {
		t.Fatal("a bad filter must keep the prompt open and change nothing")
	}
	if out := ansi.Strip(a.View().Content); !strings.Contains(out, `unknown column "chanel"`) {
		t.Fatalf("no error shown:\n%s", out)
	}
	press(a, tea.KeyPressMsg{Code: tea.KeyEscape})
	if a.mode != modeNormal {
		t.Fatal("esc must leave the prompt")
	}
}

func TestFilterCompletion(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 500})
	got := completions(ds, "segment=M")
	if len(got) != 1 || got[0] != "segment=Mid-market" {
		t.Fatalf("completions %v", got)
	}
	got = completions(ds, "channel=chat own")
	if len(got) != 1 || got[0] != "channel=chat owner=" {
		t.Fatalf("completions %v", got)
	}
	// a value with a space completes quoted, and the line parses
	got = completions(ds, `owner in ("`)
	if len(got) == 0 || !strings.Contains(got[0], `"`) {
		t.Fatalf("completions %v", got)
	}
	if err := validateFilter(ds, got[0]+")"); err != nil {
		t.Fatalf("%s): %v", got[0], err)
	}
}

// A value that needs quotes completes on tab even though the quote comes
// before what was typed, and the line then applies.
func TestFilterTabQuotes(t *testing.T) {
	a := newDemoApp(t, 120, 24)
	typeText(a, "/owner=A")
	press(a, tea.KeyPressMsg{Code: tea.KeyTab})
	v := a.prompt.input.Value()
	if !strings.HasPrefix(v, `owner="A`) || !strings.HasSuffix(v, `"`) {
		t.Fatalf("tab gave %q", v)
	}
	press(a, keyEnter)
	if a.mode != modeNormal || a.state.Filter != v {
		t.Fatalf("state %+v mode %v err %q", a.state, a.mode, a.prompt.err)
	}
}

func TestCommands(t *testing.T) {
	a := newDemoApp(t, 120, 24)
	typeText(a, ":stage sql")
	press(a, keyEnter)
	if !strings.Contains(screen(a), "▸ SQL") {
		t.Fatalf(":stage sql should select SQL:\n%s", screen(a))
	}
	typeText(a, ":period week")
	press(a, keyEnter)
	typeText(a, ":asof 2026-06-30")
	press(a, keyEnter)
	if a.state.Period != "week" || a.state.AsOf != model.DayFromCivil(2026, 6, 30) {
		t.Fatalf("state %+v", a.state)
	}
	typeText(a, ":asof 2026-02-30")
	press(a, keyEnter)
	if a.prompt.err == "" {
		t.Fatal("an impossible date must be refused")
	}
	press(a, tea.KeyPressMsg{Code: tea.KeyEscape})
	typeText(a, ":by nope")
	press(a, keyEnter)
	if !strings.Contains(a.prompt.err, "no dimension") {
		t.Fatalf("err %q", a.prompt.err)
	}
}

// A paste into / lands in the prompt, sanitised, and filters like typing.
func TestPasteIntoFilterPrompt(t *testing.T) {
	a := newDemoApp(t, 120, 24)
	press(a, tea.KeyPressMsg{Code: '/', Text: "/"})
	_, cmd := a.Update(tea.PasteMsg{Content: "channel=\x1b[31mchat\x1b[0m\u202e\n"})
	deliver(a, cmd)
	if got := a.prompt.input.Value(); got != "channel=chat " {
		t.Fatalf("prompt %q", got)
	}
	press(a, keyEnter)
	if a.state.Filter != "channel=chat" {
		t.Fatalf("filter %q (mode %v, err %q)", a.state.Filter, a.mode, a.prompt.err)
	}
}
