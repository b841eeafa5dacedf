package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/mask"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
)

// masking keeps the original dataset's engine and, once asked for, the
// engine of a masked copy whose names, emails, companies and owners are
// stable pseudonyms. The copy is made in the background (seconds at a
// million leads): M answers at once and the screen says "masking…".
type masking struct {
	orig   *query.Engine
	masked *query.Engine
	key    []byte
	job    views.Job[*query.Engine]
	want   bool // M asked for the masked names (shown once the copy is in)
}

// toggleMask switches between the original and the masked dataset,
// making the masked copy first if it is not made yet.
func (a *App) toggleMask() tea.Cmd {
	a.mask.want = !a.mask.want
	if !a.mask.want || a.mask.masked != nil {
		return a.applyMask()
	}
	if a.mask.job.Running() {
		return nil
	}
	if a.mask.key == nil {
		a.mask.key = mask.NewKey()
	}
	orig, key := a.mask.orig, a.mask.key
	return a.mask.job.Start(func() *query.Engine {
		eng := query.New(mask.Dataset(orig.Data(), key))
		eng.Prepare()
		return eng
	})
}

// masked takes the masked copy in when it is made.
func (a *App) masked(msg tea.Msg) (tea.Cmd, bool) {
	eng, ok := a.mask.job.Done(msg)
	if !ok {
		return nil, false
	}
	a.mask.masked = eng
	return a.applyMask(), true
}

// applyMask shows the engine M asks for. Every view stays, with its place
// (cursor, sort, scroll): it gets the new Common, then the state, and asks
// for its numbers again (counts and rates are the same in both).
func (a *App) applyMask() tea.Cmd {
	eng := a.mask.orig
	if a.mask.want {
		eng = a.mask.masked
	}
	if eng == a.common.Engine {
		return nil
	}
	a.common.Engine = eng
	for _, v := range a.views() {
		v.Update(views.CommonMsg{Common: a.common})
	}
	st := a.state
	st.Masked = a.mask.want
	return a.setState(st)
}

// masking reports whether the masked copy is being made for M.
func (a *App) maskPending() bool { return a.mask.want && a.mask.masked == nil }
