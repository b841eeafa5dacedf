package views

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// leadsInWindow counts, by a plain loop over the whole data, the records
// with channel=chat whose first dated stage falls in the planner's volume
// window (the insight.ModelMonths whole months before the as-of day's month).
func leadsInWindow(ds *model.Dataset, asOf int32, keep func(i int) bool) int {
	w := insight.Months(model.MonthIndex(insight.DefaultCurrent(asOf).To), insight.ModelMonths)
	return countChat(ds, func(i int) bool {
		if !keep(i) {
			return false
		}
		for k := range ds.Days {
			if d := ds.Days[k][i]; d != model.NoDay {
				return d >= w.From && d <= w.To && d <= asOf
			}
		}
		return false
	})
}

// Under channel=chat the planner models chat only: one channel, its leads
// per month equal to a plain count of chat leads in the window over three
// months, the spend cut to chat's, and the title and sub-line say so.
func TestPlannerHonoursFilter(t *testing.T) {
	c := demoCommon()
	c.Spend = demo.Spend(c.Data())
	whole := newDemoPlanner(t, c, 140, 60)
	_, hi, _ := c.Data().DayRange()

	p := NewPlanner(c, DefaultState())
	p.SetSize(140, 60)
	run(p, p.Init())
	run(p, p.Update(StateMsg{State: chatState()}))
	if !p.Ready() {
		t.Fatal("not recomputed for the filter")
	}
	d := p.data
	if len(d.models) != 1 || d.models[0].Name != "chat" {
		t.Fatalf("models under channel=chat: %+v", d.models)
	}
	leads := leadsInWindow(c.Data(), hi, func(int) bool { return true })
	if got := d.base.Counts[0] * insight.ModelMonths; math.Abs(got-float64(leads)) > 1e-9 {
		t.Errorf("chat leads in the window %v, want %d (loop count)", got, leads)
	}
	if whole.data.base.Counts[0] <= d.base.Counts[0] || whole.data.base.Customers <= d.base.Customers {
		t.Errorf("whole %+v, chat %+v: the filter changed nothing", whole.data.base, d.base)
	}
	for _, r := range d.ranking {
		if r.Name != "chat" {
			t.Errorf("ranked channel %q under channel=chat", r.Name)
		}
	}
	if p.Title() != "Levers and planner where channel=chat" {
		t.Errorf("title %q", p.Title())
	}
	out := ansi.Strip(p.View())
	chat := countChat(c.Data(), func(int) bool { return true })
	for _, want := range []string{"Planner where channel=chat: " + widgets.Count(chat) + " of 20,000 records", "is left out"} {
		if !strings.Contains(out, want) {
			t.Errorf("view should say %q:\n%s", want, out)
		}
	}
	// the proposed target follows the filter: a fifth more than chat's now
	if want := math.Ceil(d.base.Customers * 1.2); p.Plan() == nil || p.Plan().Target.Customers != want {
		t.Errorf("target %+v, want %v customers", p.Plan(), want)
	}

	// an as-of date a year back: the window moves, the count follows it
	st := chatState()
	st.AsOf = hi - 365
	run(p, p.Update(StateMsg{State: st}))
	if !p.Ready() {
		t.Fatal("not recomputed for the as-of date")
	}
	leads = leadsInWindow(c.Data(), st.AsOf, func(int) bool { return true })
	if got := p.data.base.Counts[0] * insight.ModelMonths; math.Abs(got-float64(leads)) > 1e-9 {
		t.Errorf("as of %s: chat leads %v, want %d", model.DayString(st.AsOf), got, leads)
	}
	if p.data.asOf != model.DayString(st.AsOf) {
		t.Errorf("as of %q, want %s", p.data.asOf, model.DayString(st.AsOf))
	}

	// back to no filter: the whole numbers again, and the same state twice
	// does not recompute
	run(p, p.Update(StateMsg{State: DefaultState()}))
	if !p.Ready() || p.data.base.Customers != whole.data.base.Customers || p.Title() != "Levers and planner" {
		t.Errorf("clearing the filter: %+v, title %q", p.data.base, p.Title())
	}
	if cmd := p.Update(StateMsg{State: DefaultState()}); cmd != nil {
		t.Error("the same state should not recompute")
	}
}

// A stale result (an older generation) is never adopted.
func TestPlannerDropsStaleResult(t *testing.T) {
	c := demoCommon()
	p := NewPlanner(c, DefaultState())
	p.SetSize(100, 30)
	old := p.Init()
	first := p.job
	cmd := p.Update(StateMsg{State: chatState()})
	second := p.job
	_ = old() // the first computation finishes after the second was asked
	p.job = first
	if p.Ready() {
		t.Fatal("the first (whole-data) result should not be adopted")
	}
	p.job = second
	run(p, cmd)
	if !p.Ready() || p.data.scope == "" {
		t.Error("the second (filtered) result should be adopted")
	}
}

// A filter that does not parse is said, not ignored.
func TestPlannerBadFilter(t *testing.T) {
	st := DefaultState()
	st.Filter = "chanel=chat"
	p := NewPlanner(demoCommon(), st)
	p.SetSize(100, 20)
	run(p, p.Init())
	if out := ansi.Strip(p.View()); !strings.Contains(out, "Planner: ") {
		t.Errorf("bad filter not said:\n%s", out)
	}
}
