package tui

import (
	"context"
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
		if mode == "insights" && !drive(m, cmd) {
			t.Fatal("insights: no quit once they arrived")
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

// drive runs cmd and feeds every message it yields back to m (the jobs'
// results among them), until m asks to quit; false if it never does.
func drive(m tea.Model, cmd tea.Cmd) bool {
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 200; n++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.QuitMsg:
			return true
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
	return false
}
