package tui

import (
	"errors"
	"fmt"
	"io"

	tea "charm.land/bubbletea/v2"

	"funnel/model"
	"funnel/tui/theme"
	"funnel/tui/views"
	"funnel/tui/widgets"
)

// Run opens the explorer and blocks until the user quits. Bubble Tea
// restores the terminal if anything panics; the panic is returned as an error.
func Run(ds *model.Dataset, opt Options) error {
	p := tea.NewProgram(New(ds, opt))
	_, err := p.Run()
	if errors.Is(err, tea.ErrInterrupted) {
		return nil
	}
	return err
}

// WritePlain writes the overview as plain text, for when stdout is not a
// terminal (a pipe, a file, CI).
func WritePlain(w io.Writer, ds *model.Dataset, width int) error {
	c := views.Common{Styles: theme.Plain(), Data: ds}
	f := model.ComputeFunnel(ds, model.FunnelOptions{AsOf: model.NoDay, Months: 12})
	ld := ds.Load
	_, err := fmt.Fprintf(w, "%s\n\n%s\n\nrows read %d = used %d + skipped %d\n",
		"funnel: "+joinClean(ld.Files), views.RenderOverview(c, f, -1, width, 0), ld.Read, ld.Used, ld.Skipped)
	if err != nil {
		return err
	}
	for _, p := range ld.Problems {
		if _, err := fmt.Fprintln(w, "skipped", widgets.Clean(p.String())); err != nil {
			return err
		}
	}
	return nil
}
