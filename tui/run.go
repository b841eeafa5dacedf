package tui

import (
	"errors"
	"io"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views"
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
	g := newGuard(withBenchExit(starter{a, first}, a), opt.CrashDir)
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

// WritePlain writes the text report (stages, trends, velocity), for when
// stdout is not a terminal (a pipe, a file, CI).
func WritePlain(w io.Writer, ds *model.Dataset, width int) error {
	r, err := report.Build(ds, report.Options{})
	if err != nil {
		return err
	}
	return report.WriteText(w, r, report.Layout{Width: width})
}

// Remapper lets the column screen read the files again with the mapping
// it edited and save it; cmd/funnel makes one over package loaders.
type Remapper = views.Remapper
