package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
)

// quits reports whether running cmd (and the batches it returns) asks
// the program to quit.
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if quits(c) {
				return true
			}
		}
	}
	return false
}

// The benchmark hook quits right after the first frame with data
// (frame) or once the overview's insights arrived (insights), and logs
// when; without the variable nothing changes.
func TestBenchExit(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 500})
	noLoad := func(context.Context, func(int64, int64)) (*model.Dataset, error) { return nil, nil }
	for _, mode := range []string{"frame", "insights"} {
		log := filepath.Join(t.TempDir(), "log")
		t.Setenv("FUNNEL_BENCH_EXIT", mode)
		t.Setenv("FUNNEL_BENCH_LOG", log)
		a, _ := NewLoading("x", noLoad, Options{NoColor: true})
		m := withBenchExit(a, a)
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_, cmd := m.Update(loadDoneMsg{eng: query.New(ds)})
		if got := quits(cmd); got != (mode == "frame") {
			t.Fatalf("%s: quit after the data arrived: %v", mode, got)
		}
		if mode == "insights" {
			var msg tea.Msg
			for _, c := range cmd().(tea.BatchMsg) { // the overview's insights job
				if c == nil {
					continue
				}
				if m, ok := c().(tea.BatchMsg); ok {
					for _, c2 := range m {
						if c2 != nil {
							if r := c2(); r != nil && strings.Contains(strings.ToLower(typeName(r)), "insights") {
								msg = r
							}
						}
					}
				} else if r := c(); r != nil && strings.Contains(strings.ToLower(typeName(r)), "insights") {
					msg = r
				}
			}
			if msg == nil {
				t.Fatal("no insights job")
			}
			if _, cmd = m.Update(msg); !quits(cmd) {
				t.Fatal("insights: no quit once they arrived")
			}
		}
		b, err := os.ReadFile(log)
		if err != nil || !strings.Contains(string(b), mode+"_ms=") || !strings.Contains(string(b), "vmhwm_kib=") {
			t.Fatalf("%s: log %q, %v", mode, b, err)
		}
	}
	t.Setenv("FUNNEL_BENCH_EXIT", "")
	a, _ := NewLoading("x", noLoad, Options{NoColor: true})
	if m := withBenchExit(a, a); m != tea.Model(a) {
		t.Fatal("the hook wraps the model without the variable")
	}
}

func typeName(v any) string { return fmt.Sprintf("%T", v) }
