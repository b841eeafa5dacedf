package tui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views/overview"
)

// LoadFunc loads the data; it reports bytes done of total through progress
// and stops early when ctx is cancelled.
type LoadFunc func(ctx context.Context, progress func(done, total int64)) (*model.Dataset, error)

type loadProgressMsg struct{ done, total int64 }

type loadDoneMsg struct {
	eng  *query.Engine // the loaded data's engine, prepared
	err  error
	rest bool // the dimension columns follow in a restDoneMsg (dims.go)
}

// loader runs a LoadFunc off the event loop and feeds its progress back as
// messages: each waitCmd delivers the next event from the channel.
type loader struct {
	ctx    context.Context
	cancel context.CancelFunc
	events chan tea.Msg
	done   int64
	total  int64
	bar    progress.Model
	label  string
	rest   RestFunc      // reads what the load left for later (nil: nothing)
	gate   chan struct{} // closed when rest may run (App.startRest)
}

func newLoader(label string) *loader {
	ctx, cancel := context.WithCancel(context.Background())
	return &loader{ctx: ctx, cancel: cancel, events: make(chan tea.Msg, 1), label: label, gate: make(chan struct{}),
		bar: progress.New(progress.WithDefaultBlend(), progress.WithoutPercentage())}
}

// start runs fn in the background; progress events are coalesced so a
// fast loader never blocks on a slow screen.
func (l *loader) start(fn LoadFunc) tea.Cmd {
	go func() {
		ds, err := fn(l.ctx, func(done, total int64) {
			select {
			case l.events <- loadProgressMsg{done, total}:
			default: // the screen has not caught up; drop this tick
			}
		})
		var eng *query.Engine
		if err == nil && ds != nil {
			eng = query.New(ds)
			overview.Warm(eng) // the engine's one-time pass and the overview's funnel, here rather than on the first frame
		}
		rest := eng != nil && l.rest != nil && ds.Load.DimsSkipped
		for { // the final message must arrive: drain a pending tick first
			select {
			case l.events <- loadDoneMsg{eng, err, rest}:
				if rest {
					l.runRest(eng)
				}
				return
			case <-l.events:
			}
		}
	}()
	return l.wait()
}

func (l *loader) wait() tea.Cmd {
	return func() tea.Msg { return <-l.events }
}

func (l *loader) view(width, height int, muted func(...string) string) string {
	frac := 0.0
	if l.total > 0 {
		frac = float64(l.done) / float64(l.total)
	}
	l.bar.SetWidth(max(10, min(60, width-4)))
	size := fmt.Sprintf("%s of %s", humanBytes(l.done), humanBytes(l.total))
	if l.total <= 0 { // a pipe: its size is not known until it ends
		size = humanBytes(l.done) + " read"
	}
	lines := []string{
		"Loading " + format.Truncate(format.Clean(l.label), max(0, width-8)),
		"",
		l.bar.ViewAs(frac),
		muted(size),
		"",
		muted("esc or ctrl+c cancels"),
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:min(len(lines), max(height, 1))], "\n")
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// maxTyped bounds the keys kept while loading.
const maxTyped = 64

// loadingKey cancels the load on esc, q or ctrl+c, suspends on ctrl+z,
// and keeps any other key to replay once the data is in.
func (a *App) loadingKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, a.keys.Suspend):
		return tea.Suspend
	case key.Matches(msg, a.keys.Quit, a.keys.Back):
		a.load.cancel()
	case len(a.typed) < maxTyped:
		a.typed = append(a.typed, msg)
	}
	return nil
}

// loaded shows the data and replays the keys typed while it loaded.
func (a *App) loaded(eng *query.Engine) tea.Cmd {
	cmds := []tea.Cmd{a.setData(eng)}
	if a.err == nil {
		for _, k := range a.typed {
			cmds = append(cmds, a.handleKey(k))
		}
	}
	a.typed = nil
	return tea.Batch(cmds...)
}
