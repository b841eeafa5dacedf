package columns

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mapping"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
)

// stageN is a stage of the funnel and how many records reached it.
type stageN struct {
	name    string
	reached int
}

// funnelOf is the stage counts of the engine's data (the overview's).
func funnelOf(eng *query.Engine) []stageN {
	f := eng.Funnel(query.FunnelOptions{AsOf: model.NoDay, Months: 1})
	out := make([]stageN, len(f.Stages))
	for k, s := range f.Stages {
		out[k] = stageN{s.Name, s.Reached}
	}
	return out
}

// funnelCmd counts the stages of the data on screen.
func (m *Model) funnelCmd() tea.Cmd {
	eng := m.common.Engine
	return m.funnelJob.Start(func() []stageN { return funnelOf(eng) })
}

// event is one report of a reload running: progress, or its end (eng or
// err set).
type event struct {
	done, total int64
	end         bool
	eng         *query.Engine
	err         error
}

// recompute checks the edited mappings and, when they can be read, reads
// the files again with them in the background; note says what changed.
func (m *Model) recompute(note string) tea.Cmd {
	for _, f := range m.files {
		if f.m == nil {
			continue
		}
		if err := f.m.Check(); err != nil {
			m.stopReload()
			m.say(fmt.Sprintf("%s; the mapping of %s cannot be read yet: %s", note, format.Clean(f.name), format.Clean(err.Error())), true)
			return nil
		}
	}
	rm := m.common.Remap
	switch {
	case rm == nil || rm.Reload == nil:
		m.say(note+"; this data was not read from files: nothing to recompute", true)
		return nil
	case rm.NoReload != "":
		m.say(note+"; not recomputed ("+format.Clean(rm.NoReload)+"): S saves the mapping to read the file with", true)
		return nil
	}
	m.say(note, false)
	return m.startReload(rm)
}

// startReload reads the files again with the mappings being edited,
// superseding a reload running. Progress and the end come back as the
// results of the reload job, one after another (waitEvent).
func (m *Model) startReload(rm *views.Remapper) tea.Cmd {
	m.stopReload()
	maps := map[string]*mapping.Mapping{}
	for _, f := range m.files {
		if f.m != nil {
			maps[f.name] = f.m.Clone()
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan event, 1)
	m.cancel, m.events, m.progress = cancel, events, event{}
	go func() {
		ds, err := rm.Reload(ctx, maps, func(done, total int64) {
			select {
			case events <- event{done: done, total: total}:
			default: // the screen has not caught up: drop this one
			}
		})
		end := event{end: true, err: err}
		if err == nil && ds != nil {
			end.eng = query.New(ds)
			end.eng.Prepare()
		}
		for { // the end must arrive: drop a progress report still queued
			select {
			case events <- end:
				return
			case <-events:
			}
		}
	}()
	return m.waitEvent()
}

// waitEvent waits for the next report of the reload running.
func (m *Model) waitEvent() tea.Cmd {
	events := m.events
	return m.reload.Start(func() event { return <-events })
}

// stopReload cancels the reload running, if any.
func (m *Model) stopReload() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	m.reload.Cancel()
}

// reloadEvent takes a report of the reload: progress waits for the next;
// the end hands the new data to the root, which builds the screen again
// over it where the user was.
func (m *Model) reloadEvent(ev event) tea.Cmd {
	if !ev.end {
		m.progress = ev
		return m.waitEvent()
	}
	m.cancel = nil
	if ev.err != nil {
		m.say("the files could not be read with this mapping: "+format.Clean(ev.err.Error()), true)
		return nil
	}
	k := carry{cursor: m.list.Cursor(), before: m.funnel, cycle: m.cycle, opts: m.opts,
		guess: m.guess, note: m.note + " · recomputed"}
	if r, ok := m.current(); ok {
		k.at = m.rowID(r)
	}
	src, was := ev.eng.Data(), m.state.Filter
	return func() tea.Msg {
		return views.DataMsg{Engine: ev.eng, Then: func(c views.Common, st views.State) views.View {
			if was != "" && st.Filter != was {
				k.note += fmt.Sprintf("; the filter %s no longer reads on this data: dropped", format.Clean(was))
			}
			return reopen(c, st, src, k)
		}}
	}
}

// reloading reports whether a reload is running.
func (m *Model) reloading() bool { return m.cancel != nil }
