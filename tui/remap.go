package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/mask"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/columns"
)

// The column screen's part of the root: opening it when the loader was
// unsure, and taking in the dataset it read again with an edited mapping.

// checkUnsure opens the column screen over the overview when the loader
// guessed what it could not check and no deep link asked for a view.
func (a *App) checkUnsure() tea.Cmd {
	ds := a.common.Data()
	if !ds.Load.Unsure || a.opts.Open.View != "" || a.opts.Open.By != "" {
		return nil
	}
	return a.push(columns.New(a.common, a.state, ds, columns.Options{Unsure: true}))
}

// remask is a dataset read again while names are masked: it is shown
// once its masked copy is made, so no real name reaches the screen.
type remasked struct {
	data   views.DataMsg
	masked *query.Engine
}

// newData shows the dataset of msg in place of the one on screen: every
// view is built again over it, under the same state (a filter that no
// longer reads on it is dropped), the overview first and msg.Then over it.
func (a *App) newData(msg views.DataMsg) tea.Cmd {
	if !a.mask.want {
		return a.replaceData(msg, nil)
	}
	if a.mask.key == nil {
		a.mask.key = mask.NewKey()
	}
	ds, key := msg.Engine.Data(), a.mask.key
	return a.remask.Start(func() remasked {
		eng := query.New(mask.Dataset(ds, key))
		eng.Prepare()
		return remasked{data: msg, masked: eng}
	})
}

// takeRemasked takes in a dataset read again and its masked copy.
func (a *App) takeRemasked(msg tea.Msg) (tea.Cmd, bool) {
	r, ok := a.remask.Done(msg)
	if !ok {
		return nil, false
	}
	return a.replaceData(r.data, r.masked), true
}

func (a *App) replaceData(msg views.DataMsg, masked *query.Engine) tea.Cmd {
	a.mask.job.Cancel()
	a.mask.orig, a.mask.masked = msg.Engine, masked
	a.common.Engine = msg.Engine
	if masked != nil {
		a.common.Engine = masked
	}
	a.cache = map[string]views.View{}
	st := a.state
	if st.Filter != "" {
		if _, err := filter.Parse(st.Filter, msg.Engine.Data()); err != nil {
			st.Filter = "" // it names a stage or value the new reading has not
		}
	}
	a.state = st
	active := a.active
	if active == "" {
		active = "overview"
	}
	cmd := a.openTop(active, "")
	if msg.Then != nil {
		cmd = tea.Batch(cmd, a.push(msg.Then(a.common, st)))
	}
	return cmd
}
