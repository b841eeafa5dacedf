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

// Run opens the explorer on a loaded dataset and blocks until the user quits.
func Run(ds *model.Dataset, opt Options) error {
	return runApp(New(ds, opt), nil, opt)
}

// RunLoading opens the explorer at once and loads in the background with a
// progress bar; a load error or cancellation is returned.
func RunLoading(label string, load LoadFunc, opt Options) error {
	a, cmd := NewLoading(label, load, opt)
	return runApp(a, cmd, opt)
}

func runApp(a *App, first tea.Cmd, opt Options) error {
	g := newGuard(starter{a, first}, opt.CrashDir)
	_, err := tea.NewProgram(g).Run()
	if gerr := g.err(); gerr != nil {
		return gerr
	}
	if a.Err() != nil {
		return a.Err()
	}
	if errors.Is(err, tea.ErrInterrupted) {
		return nil
	}
	return err
}

// starter runs an extra command at Init (the background load).
type starter struct {
	*App
	first tea.Cmd
}

func (s starter) Init() tea.Cmd { return tea.Batch(s.App.Init(), s.first) }

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
