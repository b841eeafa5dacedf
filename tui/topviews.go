package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/breakdown"
	"github.com/funnel-cli/funnel/tui/views/cohorts"
	"github.com/funnel-cli/funnel/tui/views/columns"
	"github.com/funnel-cli/funnel/tui/views/loadinfo"
	moneyview "github.com/funnel-cli/funnel/tui/views/money"
	"github.com/funnel-cli/funnel/tui/views/overview"
	"github.com/funnel-cli/funnel/tui/views/planner"
	"github.com/funnel-cli/funnel/tui/views/records"
	"github.com/funnel-cli/funnel/tui/views/stage"
	"github.com/funnel-cli/funnel/tui/views/sticky"
	"github.com/funnel-cli/funnel/tui/views/trends"
)

// topView is a view reachable from anywhere with its key and with Tab.
// Views must not bind these keys themselves.
type topView struct {
	name         string
	label, short string // its name on the view bar, and abbreviated
	key          key.Binding
	make         maker
}

// maker builds a top view over the data and state shown (arg: what `:by`
// and --by ask for, the breakdown's dimension).
type maker func(c views.Common, st views.State, arg string) views.View

// plain makes a maker of a view built from the data and state alone.
func plain[V views.View](f func(views.Common, views.State) V) maker {
	return func(c views.Common, st views.State, _ string) views.View { return f(c, st) }
}

// topViews lists the top views in Tab order: adding a view is a package
// under tui/views and one line here.
func topViews() []topView {
	bind := func(k, help string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, help)) }
	return []topView{
		{"overview", "Overview", "Over", bind("o", "overview"), plain(func(c views.Common, _ views.State) *overview.Model { return overview.New(c) })},
		{"breakdown", "Breakdown", "Brk", bind("b", "breakdown"), func(c views.Common, st views.State, arg string) views.View { return breakdown.New(c, st, arg) }},
		{"cohorts", "Cohorts", "Coh", bind("c", "cohorts"), plain(cohorts.New)},
		{"trends", "Trends", "Trend", bind("t", "trends"), plain(trends.New)},
		{"sticky", "Sticky points", "Sticky", bind("s", "sticky points"), plain(sticky.New)},
		{"planner", "Planner", "Plan", bind("p", "levers and planner"), plain(planner.New)},
		{"money", "Money", "Money", bind("e", "money: revenue, CAC, ROI"), plain(moneyview.New)},
	}
}

// drill makes the view a DrillMsg asks for, over the data and state shown.
func (a *App) drill(m views.DrillMsg) views.View {
	switch m.To {
	case views.DrillRecords:
		r := records.New(a.common, m.Title, m.Rows)
		r.Empty = m.Empty
		return r
	case views.DrillStage:
		return stage.New(a.common, a.state, m.Stage)
	case views.DrillLoad:
		return loadinfo.New(a.common)
	case views.DrillColumns:
		return columns.New(a.common, a.state, a.mask.orig.Data(), columns.Options{})
	}
	return nil
}

// openTop replaces the stack with the named top view (made once, then kept).
func (a *App) openTop(name, arg string) tea.Cmd {
	for _, tv := range a.tops {
		if tv.name != name {
			continue
		}
		v, ok := a.cache[name]
		if !ok || arg != "" {
			v = tv.make(a.common, a.state, arg)
			a.cache[name] = v
		}
		a.stack = []views.View{v}
		a.resize()
		a.active = name
		if ok && arg == "" {
			return nil
		}
		return tea.Batch(v.Init(), v.Update(views.StateMsg{State: a.state}))
	}
	return nil
}

// cycleTop moves to the next (or previous) top view in Tab order.
func (a *App) cycleTop(step int) tea.Cmd {
	i := 0
	for j, tv := range a.tops {
		if tv.name == a.active {
			i = j
		}
	}
	n := len(a.tops)
	return a.openTop(a.tops[((i+step)%n+n)%n].name, "")
}

// topKey returns the command for a top view's key, if msg is one.
func (a *App) topKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, a.keys.NextView):
		return a.cycleTop(1), true
	case key.Matches(msg, a.keys.PrevView):
		return a.cycleTop(-1), true
	}
	for _, tv := range a.tops {
		if key.Matches(msg, tv.key) {
			return a.openTop(tv.name, ""), true
		}
	}
	return nil, false
}

func (a *App) topBindings() []key.Binding {
	out := []key.Binding{a.keys.NextView, a.keys.PrevView}
	for _, tv := range a.tops {
		out = append(out, tv.key)
	}
	return out
}
