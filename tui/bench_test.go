package tui

import (
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/views"
)

var (
	bench1MOnce sync.Once
	bench1M     *model.Dataset
)

func demo1M() *model.Dataset {
	bench1MOnce.Do(func() { bench1M = demo.Generate(demo.Options{Rows: 1_000_000}) })
	return bench1M
}

// BenchmarkKeypress1M measures one frame (Update of a key, then View) at a
// million leads; the target is 16 ms per frame.
func BenchmarkKeypress1M(b *testing.B) {
	ds := demo1M()
	b.Run("overview_down_up", func(b *testing.B) {
		a := New(ds, Options{NoColor: true})
		a.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
		deliver(a, a.Init())
		keys := []tea.KeyPressMsg{keyDown, keyUp()}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			a.Update(keys[i%2])
			_ = a.View()
		}
	})
	b.Run("overview_filter", func(b *testing.B) {
		// the synchronous part of a filter change: the overview's funnel
		// is recomputed by the engine; insights follow in a Cmd
		a := New(ds, Options{NoColor: true})
		a.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
		deliver(a, a.Init())
		msgs := []tea.Msg{views.SetFilterMsg{Filter: "channel=chat"}, views.SetFilterMsg{Filter: ""}}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			a.Update(msgs[i%2])
			_ = a.View()
		}
	})
	b.Run("breakdown_sort", func(b *testing.B) {
		a := New(ds, Options{NoColor: true})
		a.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
		deliver(a, a.Init())
		press(a, ch('b'), keyEnter) // breakdown by channel, computed
		sort := ch('S')
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			a.Update(sort)
			_ = a.View()
		}
	})
}

// BenchmarkMaskKey1M is what M costs the event loop at a million leads:
// Update starts the masked copy (BenchmarkMaskCopy1M, off the loop) and
// the frame that says "masking…" is drawn. Each round presses M twice, so
// every press starts the copy again.
func BenchmarkMaskKey1M(b *testing.B) {
	a := New(demo1M(), Options{NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	deliver(a, a.Init())
	m := ch('M')
	for b.Loop() {
		a.Update(m) // starts the copy (its command is not run)
		_ = a.View()
		a.Update(m) // and cancels it
		a.mask.job.Cancel()
	}
}

// BenchmarkMaskCopy1M is the work M moved off the event loop: the masked
// copy of a million leads and its engine.
func BenchmarkMaskCopy1M(b *testing.B) {
	a := New(demo1M(), Options{NoColor: true})
	for b.Loop() {
		a.mask.masked, a.mask.want = nil, false
		a.mask.job.Cancel()
		_ = a.toggleMask()()
	}
}
