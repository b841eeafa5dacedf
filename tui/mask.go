package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/mask"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
)

// masking keeps the original dataset's engine and, once asked for, the
// engine of a masked copy whose names, emails, companies and owners are
// stable pseudonyms.
type masking struct {
	orig   *query.Engine
	masked *query.Engine
	key    []byte
}

// toggleMask swaps between the original and the masked dataset, keeping
// the state; counts and rates are the same in both.
func (a *App) toggleMask() tea.Cmd {
	st := a.state
	st.Masked = !st.Masked
	a.state = st
	eng := a.mask.orig
	if st.Masked {
		if a.mask.masked == nil {
			if a.mask.key == nil {
				a.mask.key = mask.NewKey()
			}
			a.mask.masked = query.New(mask.Dataset(a.mask.orig.Data(), a.mask.key))
		}
		eng = a.mask.masked
	}
	active := a.active
	c := a.common
	c.Engine = eng
	a.common = c
	a.cache = map[string]views.View{}
	cmd := a.openTop(active, "")
	return tea.Batch(cmd, a.setState(st))
}
