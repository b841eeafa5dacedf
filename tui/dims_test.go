package tui

import (
	"context"
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
)

// leanLoad is a deferred load of ds: the LoadFunc gives it without its
// dims (as loaders.LoadDeferred does), Rest the whole of it once gate is
// closed.
func leanLoad(ds *model.Dataset, gate chan struct{}, restErr error) (LoadFunc, Options) {
	lean := *ds
	lean.Dims, lean.Load.DimsSkipped = nil, true
	lean.Load.Columns = []model.ColumnInfo{{Name: "channel", Role: "channel"}}
	load := func(context.Context, func(int64, int64)) (*model.Dataset, error) { return &lean, nil }
	rest := func(ctx context.Context) (*model.Dataset, error) {
		<-gate
		return ds, restErr
	}
	return load, Options{NoColor: true, Rest: rest}
}

// The overview comes from the data without its dimensions; keys typed
// before the dimensions are in (a breakdown, a filter on a channel) wait
// for them and then act on the complete data, which every view has.
func TestDeferredDimsFirstFrameThenKeys(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 3000})
	gate := make(chan struct{})
	load, opt := leanLoad(ds, gate, nil)
	a, cmd := NewLoading("leads.csv", load, opt)
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	_, next := a.Update(cmd()) // loadDoneMsg: the lean data
	if a.load != nil || a.dimsNote == "" || a.common.Data().Dim("channel") != nil {
		t.Fatalf("after the first part: loading %v, note %q", a.load != nil, a.dimsNote)
	}
	if out := ansi.Strip(a.View().Content); !strings.Contains(out, "reading channel…") || !strings.Contains(out, "Overview") {
		t.Fatalf("first frame:\n%s", out)
	}
	for _, r := range "b/channel=chat" {
		a.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	a.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if a.active != "overview" || a.state.Filter != "" {
		t.Fatalf("a key acted before the dims: view %s, filter %q", a.active, a.state.Filter)
	}
	close(gate)
	deliver(a, next)
	if a.dimsNote != "" || a.common.Data() != ds || a.mask.orig.Data() != ds {
		t.Fatalf("the complete data is not shown: note %q", a.dimsNote)
	}
	if a.active != "breakdown" || a.state.Filter != "channel=chat" || a.mode != modeNormal {
		t.Fatalf("after the dims: view %s, filter %q, mode %d", a.active, a.state.Filter, a.mode)
	}
	if out := ansi.Strip(a.View().Content); strings.Contains(out, "reading channel") {
		t.Errorf("still reading:\n%s", out)
	}
}

// The dimensions are read once the overview's insights are in (they
// share the cores), or at once when a key is typed.
func TestDeferredDimsWaitForTheInsights(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 3000})
	open := make(chan struct{})
	close(open) // the test's Rest returns at once; the explorer's gate holds it
	load, opt := leanLoad(ds, open, nil)
	a, cmd := NewLoading("leads.csv", load, opt)
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	_, next := a.Update(cmd())
	if a.restGate == nil {
		t.Fatal("the dims may be read before the insights")
	}
	deliver(a, next) // the insights arrive, then (and only then) the dims
	if a.restGate != nil || a.dimsNote != "" || a.common.Data() != ds {
		t.Fatal("the insights are in and the dims are still held back")
	}
	a2, cmd2 := NewLoading("leads.csv", load, opt)
	a2.Update(cmd2())
	a2.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	if a2.restGate != nil {
		t.Fatal("a key was typed and the dims are still held back")
	}
}

// A dims phase that fails (the file changed) stops the explorer with
// its error, as a load that fails does; quitting does not wait.
func TestDeferredDimsError(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 500})
	gate := make(chan struct{})
	bad := errors.New("leads.csv: the file changed while it was read; load it again")
	load, opt := leanLoad(ds, gate, bad)
	a, cmd := NewLoading("leads.csv", load, opt)
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 24})
	_, next := a.Update(cmd())
	if _, c := a.Update(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}); !isMsg[tea.QuitMsg](c) {
		t.Error("ctrl+c while the dims are read does not quit")
	}
	close(gate)
	deliver(a, next)
	if !errors.Is(a.Err(), bad) {
		t.Fatalf("error %v", a.Err())
	}
}
