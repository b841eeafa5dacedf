package tui

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/theme"
)

func TestKeyMapsDoNotCollideAndAllAppearInHelp(t *testing.T) {
	a := newDemoApp(t, 100, 30)
	hk := helpKeys{view: a.Top(), global: a.keys, canBack: true, tops: a.topBindings()}
	seen := map[string]string{}
	inHelp := map[string]bool{}
	for _, group := range hk.FullHelp() {
		for _, b := range group {
			inHelp[b.Help().Desc] = true
			for _, k := range b.Keys() {
				if prev, dup := seen[k]; dup {
					t.Errorf("key %q bound to both %q and %q", k, prev, b.Help().Desc)
				}
				seen[k] = b.Help().Desc
			}
		}
	}
	// every binding the overview and the root define appears in the full help
	for _, b := range []key.Binding{a.keys.Quit, a.keys.Help, a.keys.Back, a.keys.Mouse} {
		if !inHelp[b.Help().Desc] {
			t.Errorf("global binding %q is not in the help", b.Help().Desc)
		}
	}
	for _, b := range a.Top().FullHelp() {
		for _, k := range b {
			if k.Help().Key == "" || k.Help().Desc == "" {
				t.Errorf("binding %v has no help text", k.Keys())
			}
		}
	}
}

func TestResizeSweepNeverPanics(t *testing.T) {
	a := newDemoApp(t, 100, 30)
	for w := 1; w <= 300; w += 13 {
		for h := 1; h <= 100; h += 9 {
			a.Update(tea.WindowSizeMsg{Width: w, Height: h})
			_ = a.View()
			press(a, tea.KeyPressMsg{Code: '?', Text: "?"})
			_ = a.View()
			press(a, tea.KeyPressMsg{Code: tea.KeyEscape})
		}
	}
	for _, sz := range [][2]int{{1, 1}, {0, 0}, {60, 15}, {59, 15}, {300, 100}} {
		a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		_ = a.View()
	}
}

// hostile strings a data file might carry.
var hostile = []string{
	"\x1b[31mred\x1b[0m", "\x1b]52;c;ZXZpbA==\x07clip", "\x1b]8;;http://x\x1b\\link", "bidi\u202Eevil\u202C",
	"zero\u200Bwidth", "bell\x07", "c1\u009bcsi", "bad\xff\xfeutf8", "tab\tnew\nline\rcr", "日本語の会社名株式会社",
	"emoji 🎉🎉🎉🎉🎉🎉🎉🎉", "=HYPERLINK(\"http://x\")",
}

func TestHostileStringsNeverReachTheScreen(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 500})
	ds.Stages = append([]string(nil), ds.Stages...)
	for k := range ds.Stages {
		ds.Stages[k] = hostile[k%len(hostile)] + ds.Stages[k]
	}
	ds.Load.Files = []string{"\x1b]0;title\x07file\u202E.csv"}
	ds.Load.Problems = []model.Problem{{File: "x", Line: 2, Found: hostile[0], Reason: hostile[1]}}
	a := New(ds, Options{NoColor: true})
	*a.styles = *theme.Plain() // no styling of our own: any ESC byte left came from the data
	a.applyHelpStyles()
	for _, sz := range [][2]int{{60, 15}, {100, 30}, {200, 50}} {
		a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for i := 0; i < len(ds.Stages); i++ {
			out := a.View().Content
			for _, bad := range []string{"\x1b", "\x07", "\u202E", "\u200B", "\u009b", "\xff"} {
				if strings.Contains(out, bad) {
					t.Fatalf("%dx%d: output contains %q:\n%s", sz[0], sz[1], bad, out)
				}
			}
			for _, l := range strings.Split(out, "\n") {
				if ansi.StringWidth(l) > sz[0] {
					t.Fatalf("%dx%d: line wider than the window: %q", sz[0], sz[1], l)
				}
			}
			press(a, keyDown)
		}
	}
}

type panicky struct{ *App }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyPressMsg); ok {
		panic("boom")
	}
	return p, nil
}

func TestPanicIsRecordedNotThrown(t *testing.T) {
	dir := t.TempDir()
	g := newGuard(panicky{newDemoApp(t, 80, 24)}, dir)
	_, cmd := g.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	if cmd == nil {
		t.Fatal("a panic must quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("a panic must quit")
	}
	err := g.err()
	if err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("error %v does not say where the details are", err)
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 1 {
		t.Fatalf("want one crash file, got %d", len(files))
	}
	body, _ := os.ReadFile(dir + "/" + files[0].Name())
	if !strings.Contains(string(body), "boom") {
		t.Fatal("crash file lacks the panic")
	}
}

func TestLoadingShowsProgressThenTheFunnel(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 1000})
	gate := make(chan struct{})
	a, cmd := NewLoading("big.csv", func(ctx context.Context, progress func(int64, int64)) (*model.Dataset, error) {
		progress(50, 100)
		<-gate
		return ds, nil
	}, Options{NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 20})
	msg := cmd() // the progress tick
	_, cmd = a.Update(msg)
	if out := ansi.Strip(a.View().Content); !strings.Contains(out, "Loading big.csv") || !strings.Contains(out, "50 B of 100 B") {
		t.Fatalf("loading screen:\n%s", out)
	}
	close(gate)
	a.Update(cmd())
	if out := ansi.Strip(a.View().Content); !strings.Contains(out, "Opportunity") {
		t.Fatalf("after load:\n%s", out)
	}
}

func TestLoadingCanBeCancelled(t *testing.T) {
	a, cmd := NewLoading("big.csv", func(ctx context.Context, progress func(int64, int64)) (*model.Dataset, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}, Options{NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 20})
	a.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	_, quit := a.Update(cmd())
	if quit == nil || !errors.Is(a.Err(), ErrCancelled) {
		t.Fatalf("cancel: err %v", a.Err())
	}
}

func TestMouseToggle(t *testing.T) {
	a := newDemoApp(t, 80, 24)
	if a.View().MouseMode != tea.MouseModeCellMotion {
		t.Fatal("mouse should start on")
	}
	press(a, tea.KeyPressMsg{Code: 'm', Text: "m"})
	if a.View().MouseMode != tea.MouseModeNone {
		t.Fatal("m should turn the mouse off so text can be selected")
	}
	press(a, tea.KeyPressMsg{Code: 'm', Text: "m"})
	a.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	a.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if got := ansi.Strip(a.View().Content); !strings.Contains(got, "▸ SAL") {
		t.Fatalf("wheel down twice should select SAL:\n%s", got)
	}
}
