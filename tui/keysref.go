package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views/columns"
)

// KeyReference lists every key, view by view, as `?` shows them (for
// `funnel help keys`); it builds each top view over ds to ask it.
func KeyReference(ds *model.Dataset) string {
	a := New(ds, Options{NoColor: true})
	var b strings.Builder
	section := func(title string, groups ...[]key.Binding) {
		fmt.Fprintf(&b, "%s\n", title)
		for _, g := range groups {
			for _, k := range g {
				h := k.Help()
				if !k.Enabled() || h.Key == "" {
					continue
				}
				fmt.Fprintf(&b, "  %-14s %s\n", h.Key, h.Desc)
			}
		}
		b.WriteString("\n")
	}
	g := a.keys
	section("Everywhere", []key.Binding{g.Back, g.Filter, g.Command, g.Copy, g.Export, g.Help, g.Quit, g.Suspend, g.Mouse, g.Mask, g.NextView, g.PrevView})
	for _, tv := range a.tops {
		a.openTop(tv.name, "")
		v := a.Top()
		section(fmt.Sprintf("%s (%s)", v.Title(), tv.key.Help().Key), v.FullHelp()...)
	}
	cs := columns.New(a.common, a.state, ds, columns.Options{})
	section("Columns (C from the overview or the load details)", cs.FullHelp()...)
	b.WriteString(`In the / and : prompts
  enter          apply
  esc            close, keeping the filter as it was
  tab            complete a column name or value
  ctrl+c         quit

While loading
  esc, q, ctrl+c cancel the load
  other keys     are kept and replayed once the data is in
`)
	return b.String()
}
