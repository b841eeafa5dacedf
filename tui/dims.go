package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
)

// A deferred load (Options.Rest) shows the overview from a dataset read
// without its dimension columns (channel, campaign, owner, company...)
// and reads those right after, off the event loop. Until they are in, the
// status line says what is being read and keys are kept, as they are
// while loading, then replayed on the complete data: nothing the user
// types (a breakdown, a filter on a channel, the column screen, M) meets
// data without its dimensions. The engine of the complete data shares
// what the first one worked out (query.Engine.WithColumns); views get it
// in a CommonMsg and keep their numbers, which no dimension changes; the
// overview then works out its sticky points and channel mix shift, which
// need them (until then it says they follow).

// RestFunc reads what a deferred load left for later (the dimension
// columns) and returns the complete dataset; nil when nothing was left.
type RestFunc func(ctx context.Context) (*model.Dataset, error)

// restDoneMsg brings the engine of the complete dataset.
type restDoneMsg struct {
	eng *query.Engine
	err error
}

// pendingDims is what the status line says while the dimension columns
// are read ("" when they are in).
func pendingDims(ds *model.Dataset) string {
	var names []string
	for _, c := range ds.Load.Columns {
		switch c.Role {
		case "channel", "dimension", "owner (dimension)", "account":
			names = append(names, format.Clean(c.Name))
		}
	}
	switch {
	case len(names) == 0:
		return "reading the dimensions…"
	case len(names) > 3:
		return fmt.Sprintf("reading %s and %d more…", strings.Join(names[:3], ", "), len(names)-3)
	}
	return "reading " + strings.Join(names, ", ") + "…"
}

// runRest reads the rest of a load after its first part, eng's, is shown
// and gate is closed (startRest).
func (l *loader) runRest(eng *query.Engine) {
	select {
	case <-l.gate:
	case <-l.ctx.Done():
		return
	}
	ds, err := l.rest(l.ctx)
	msg := restDoneMsg{err: err}
	if err == nil && ds != nil {
		msg.eng = eng.WithColumns(ds)
		msg.eng.Prepare()
	}
	l.events <- msg
}

// startRest lets the dimension columns be read once the first view is
// shown (the overview's sticky points need them: at 10M, waiting for its
// period comparison first put them 13 s after the first frame), or at
// once when now is set (a key was typed: it waits for the dimensions).
func (a *App) startRest(now bool) {
	if a.restGate == nil {
		return
	}
	if !now && len(a.stack) == 0 {
		return
	}
	close(a.restGate)
	a.restGate = nil
}

// restKey keeps a key typed while the dimensions are read (quit and
// suspend act at once).
func (a *App) restKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, a.keys.Suspend):
		return tea.Suspend
	case key.Matches(msg, a.keys.Quit):
		return tea.Quit
	case len(a.typed) < maxTyped:
		a.typed = append(a.typed, msg)
	}
	a.startRest(true)
	return nil
}

// restDone shows the complete data and replays the keys kept.
func (a *App) restDone(msg restDoneMsg) tea.Cmd {
	a.dimsNote = ""
	switch {
	case errors.Is(msg.err, context.Canceled):
		return nil
	case msg.err != nil:
		a.err = msg.err
		return tea.Quit
	}
	var cmds []tea.Cmd
	if msg.eng != nil {
		if a.mask.want { // not reached today: M is kept until now, --mask loads whole
			cmds = append(cmds, a.newData(views.DataMsg{Engine: msg.eng}))
		} else {
			a.mask.orig, a.mask.masked = msg.eng, nil
			a.common.Engine = msg.eng
			for _, v := range a.views() {
				cmds = append(cmds, v.Update(views.CommonMsg{Common: a.common}))
			}
		}
	}
	for _, k := range a.typed {
		cmds = append(cmds, a.handleKey(k))
	}
	a.typed = nil
	return tea.Batch(cmds...)
}
