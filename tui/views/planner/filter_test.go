package planner

import (
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// leadsInWindow counts, by a plain loop over the whole data, the records
// with channel=chat whose first dated stage falls in the planner's volume
// window (the insight.ModelMonths whole months before the as-of day's month).
func leadsInWindow(ds *model.Dataset, asOf int32, keep func(i int) bool) int {
	w := insight.Months(model.MonthIndex(insight.DefaultCurrent(asOf).To), insight.ModelMonths)
	return viewtest.CountChat(ds, func(i int) bool {
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
	c := viewtest.Demo()
	c.Spend = demo.Spend(c.Data())
	whole := newDemo(t, c, 140, 60)
	_, hi, _ := c.Data().DayRange()

	p := New(c, views.DefaultState())
	p.SetSize(140, 60)
	viewtest.Run(p, p.Init())
	viewtest.Run(p, p.Update(views.StateMsg{State: viewtest.ChatState()}))
	if p.data == nil {
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
	chat := viewtest.CountChat(c.Data(), func(int) bool { return true })
	for _, want := range []string{"Planner where channel=chat: " + format.Count(chat) + " of 20,000 records", "is left out"} {
		if !strings.Contains(out, want) {
			t.Errorf("view should say %q:\n%s", want, out)
		}
	}
	// the proposed target follows the filter: a fifth more than chat's now
	if want := math.Ceil(d.base.Customers * 1.2); p.plan == nil || p.plan.Target.Customers != want {
		t.Errorf("target %+v, want %v customers", p.plan, want)
	}

	// an as-of date a year back: the window moves, the count follows it
	st := viewtest.ChatState()
	st.AsOf = hi - 365
	viewtest.Run(p, p.Update(views.StateMsg{State: st}))
	if p.data == nil {
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
	viewtest.Run(p, p.Update(views.StateMsg{State: views.DefaultState()}))
	if p.data == nil || p.data.base.Customers != whole.data.base.Customers || p.Title() != "Levers and planner" {
		t.Errorf("clearing the filter: %+v, title %q", p.data.base, p.Title())
	}
	if cmd := p.Update(views.StateMsg{State: views.DefaultState()}); cmd != nil {
		t.Error("the same state should not recompute")
	}
}

// A stale result (an older generation) is never adopted.
func TestPlannerDropsStaleResult(t *testing.T) {
	c := viewtest.Demo()
	p := New(c, views.DefaultState())
	p.SetSize(100, 30)
	old := p.Init()
	cmd := p.Update(views.StateMsg{State: viewtest.ChatState()})
	p.Update(old()) // the first computation finishes after the second was asked
	if p.data != nil {
		t.Fatal("the first (whole-data) result should not be adopted")
	}
	viewtest.Run(p, cmd)
	if p.data == nil || p.data.scope == "" {
		t.Error("the second (filtered) result should be adopted")
	}
}

// A filter that does not parse is said, not ignored.
func TestPlannerBadFilter(t *testing.T) {
	st := views.DefaultState()
	st.Filter = "chanel=chat"
	p := New(viewtest.Demo(), st)
	p.SetSize(100, 20)
	viewtest.Run(p, p.Init())
	if out := ansi.Strip(p.View()); !strings.Contains(out, "Planner: ") {
		t.Errorf("bad filter not said:\n%s", out)
	}
}

func TestPlannerWithoutDates(t *testing.T) {
	ds := *viewtest.Demo().Data()
	ds.HasDates = false
	c := viewtest.Demo()
	c.Engine = query.New(&ds)
	pl := New(c, views.DefaultState())
	pl.SetSize(120, 30)
	viewtest.Run(pl, pl.Init())
	if out := ansi.Strip(pl.View()); !strings.Contains(out, "No plan: the data has no stage dates") {
		t.Errorf("planner without dates:\n%s", out)
	}
}
