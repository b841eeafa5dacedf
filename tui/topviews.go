package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/views"
)

// topView is a view reachable from anywhere with its key and with Tab.
// Views must not bind these keys themselves.
type topView struct {
	name string
	key  key.Binding
	make func(c views.Common, st views.State, arg string) views.View
}

// topViews lists the top views in Tab order. Each view registers here and
// nowhere else in the root.
func topViews() []topView {
	return []topView{
		{"overview", key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "overview")),
			func(c views.Common, st views.State, _ string) views.View { return views.NewOverview(c) }},
		{"breakdown", key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "breakdown")),
			func(c views.Common, st views.State, arg string) views.View { return views.NewBreakdown(c, st, arg) }},
		{"cohorts", key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "cohorts")),
			func(c views.Common, st views.State, _ string) views.View { return views.NewCohorts(c, st) }},
		{"trends", key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "trends")),
			func(c views.Common, st views.State, _ string) views.View { return views.NewTrends(c, st) }},
		{"sticky", key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sticky points")),
			func(c views.Common, st views.State, _ string) views.View { return views.NewSticky(c, st) }},
		{"planner", key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "levers and planner")),
			func(c views.Common, st views.State, _ string) views.View { return views.NewPlanner(c, st) }},
		{"money", key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "money: revenue, CAC, ROI")),
			func(c views.Common, st views.State, _ string) views.View { return views.NewMoney(c, st) }},
	}
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
