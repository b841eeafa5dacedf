package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mask"
	"github.com/funnel-cli/funnel/tui/views"
)

// masking keeps the original dataset and, once asked for, a masked copy
// whose names, emails, companies and owners are stable pseudonyms.
type masking struct {
	orig   *model.Dataset
	masked *model.Dataset
	key    []byte
}

// toggleMask swaps between the original and the masked dataset, keeping
// the state; counts and rates are the same in both.
func (a *App) toggleMask() tea.Cmd {
	st := a.state
	st.Masked = !st.Masked
	a.state = st
	ds := a.mask.orig
	if st.Masked {
		if a.mask.masked == nil {
			if a.mask.key == nil {
				a.mask.key = mask.NewKey()
			}
			a.mask.masked = mask.Dataset(a.mask.orig, a.mask.key)
		}
		ds = a.mask.masked
	}
	active := a.active
	c := a.common
	c.Data = ds
	a.common = c
	a.cache = map[string]views.View{}
	cmd := a.openTop(active, "")
	return tea.Batch(cmd, a.setState(st))
}
