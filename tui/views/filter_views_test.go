package views

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/theme"
	"github.com/funnel-cli/funnel/tui/widgets"
)

func chatState() State {
	st := DefaultState()
	st.Filter = "channel=chat"
	return st
}

// countChat counts, by a plain loop over the whole data, the records with
// channel=chat that pass keep.
func countChat(ds *model.Dataset, keep func(i int) bool) int {
	ch := ds.Dim("channel")
	n := 0
	for i := range ds.Len() {
		if ch.Value(i) == "chat" && keep(i) {
			n++
		}
	}
	return n
}

// Under channel=chat the sticky view ranks chat records only: no channel
// slice can be compared (there is one channel), every slice is smaller,
// and the drill lists chat records only.
func TestStickyHonoursFilter(t *testing.T) {
	c := demoCommon()
	whole := newDemoSticky(t, 120, 30)
	s := NewSticky(c, chatState())
	s.SetSize(120, 30)
	run(s, s.Init())
	if !s.Ready() {
		t.Fatal("not computed")
	}
	chat := countChat(c.Data(), func(int) bool { return true })
	out := ansi.Strip(s.View())
	want := "where channel=chat: " + widgets.Count(chat) + " of 20,000 records"
	if !strings.Contains(out, want) || strings.Contains(out, "not applied") {
		t.Errorf("view should say %q:\n%s", want, out)
	}
	if s.Title() != "Sticky points where channel=chat" {
		t.Errorf("title %q", s.Title())
	}
	if s.data.res.Comparisons >= whole.data.res.Comparisons {
		t.Errorf("comparisons under the filter %d, whole %d: the filter changed nothing", s.data.res.Comparisons, whole.data.res.Comparisons)
	}
	for _, p := range s.data.res.Points {
		if p.Dimension == "channel" && p.Value != "chat" {
			t.Errorf("slice %s=%s under channel=chat", p.Dimension, p.Value)
		}
		if p.Entered > chat {
			t.Errorf("%s %s=%s entered %d, more than the %d chat records", p.Stage, p.Dimension, p.Value, p.Entered, chat)
		}
	}
	if fs := s.Findings(); len(fs) > 0 {
		p := fs[0]
		rec := press(s, "enter")().(PushMsg).View.(*Records)
		if len(rec.rows) != p.Entered-p.Converted {
			t.Errorf("drill %d rows, want %d", len(rec.rows), p.Entered-p.Converted)
		}
		for _, i := range rec.rows {
			if c.Data().Dim("channel").Value(int(i)) != "chat" {
				t.Fatalf("drilled row %d is not chat", i)
			}
		}
	}
	// back to no filter: the whole ranking again
	run(s, s.Update(StateMsg{State: DefaultState()}))
	if s.data.res.Comparisons != whole.data.res.Comparisons {
		t.Errorf("clearing the filter gave %d comparisons, want %d", s.data.res.Comparisons, whole.data.res.Comparisons)
	}
}

// The money view under channel=chat counts chat deals only: won deals and
// won revenue equal a plain count over the chat records.
func TestMoneyHonoursFilter(t *testing.T) {
	c := moneyDemoCommon(t, true)
	ds := c.Data()
	won, revenue := 0, int64(0)
	ch := ds.Dim("channel")
	for i := range ds.Len() {
		if ch.Value(i) == "chat" && money.IsWon(ds, i) {
			won++
			revenue += ds.Amount[i]
		}
	}
	m := NewMoney(c, chatState())
	m.Wait()
	m.SetSize(120, 40)
	d := m.Data()
	if d.Deals.Won != won || d.Deals.WonRevenue != revenue {
		t.Errorf("chat won %d for %d, want %d for %d", d.Deals.Won, d.Deals.WonRevenue, won, revenue)
	}
	all := NewMoney(c, DefaultState())
	all.Wait()
	if all.Data().Deals.Won <= won {
		t.Errorf("whole data won %d, chat %d: the filter changed nothing", all.Data().Deals.Won, won)
	}
	if d.Econ == nil || d.Econ.Total.Spend >= all.Data().Econ.Total.Spend {
		t.Error("spend of other channels should be left out under channel=chat")
	} else if len(d.Econ.Groups) != 1 || d.Econ.Groups[0].Name != "chat" || d.Econ.Total.Spend != d.Econ.Groups[0].Spend {
		t.Errorf("under channel=chat the spend is chat's: %+v", d.Econ.Groups)
	}
	out := ansi.Strip(allLines(m))
	if !strings.Contains(out, "Money where channel=chat") || !strings.Contains(out, "is left out") {
		t.Errorf("the view should say the filter and the spend left out:\n%s", out)
	}
	// a state change recomputes; the same state does not
	if cmd := m.Update(StateMsg{State: chatState()}); cmd != nil {
		t.Error("the same state should not recompute")
	}
	run(m, m.Update(StateMsg{State: DefaultState()}))
	m.Wait()
	if m.Data().Deals.Won != all.Data().Deals.Won || m.Title() != "Money" {
		t.Errorf("clearing the filter: won %d, title %q", m.Data().Deals.Won, m.Title())
	}
}

// The overview's insights, its money columns and r all follow the filter.
func TestOverviewInsightsHonourFilter(t *testing.T) {
	c := demoCommon()
	o := NewOverview(c)
	o.SetSize(140, 60)
	run(o, o.Init())
	wholeTests := o.insights.sticky.Comparisons
	run(o, o.Update(StateMsg{State: chatState()}))
	chat := countChat(c.Data(), func(int) bool { return true })
	out := ansi.Strip(o.View())
	if !strings.Contains(out, "Insights where channel=chat: "+widgets.Count(chat)+" of 20,000 records") {
		t.Errorf("insights should say their scope:\n%s", out)
	}
	if o.insights.sel.Records != chat || o.insights.sticky.Comparisons >= wholeTests {
		t.Errorf("insights on %d records with %d tests (whole: %d tests)", o.insights.sel.Records, o.insights.sticky.Comparisons, wholeTests)
	}
	for _, p := range o.insights.sticky.Points {
		if p.Dimension == "channel" && p.Value != "chat" {
			t.Errorf("sticky point %s=%s under channel=chat", p.Dimension, p.Value)
		}
	}
	// r: records at the selected stage or past it, chat only
	press(o, "down")
	msg := o.Update(tea.KeyPressMsg{Code: 'r', Text: "r"})()
	rec := msg.(PushMsg).View.(*Records)
	want := countChat(c.Data(), func(i int) bool { return c.Data().Deepest(i) >= 1 })
	if len(rec.rows) != want || !strings.Contains(rec.Title(), "where channel=chat") {
		t.Errorf("r gave %d rows titled %q, want %d chat records past stage 1", len(rec.rows), rec.Title(), want)
	}
}

// The $ columns count the filtered records: fourDeals with stage=... is
// small enough to check by hand.
func TestOverviewMoneyColumnsHonourFilter(t *testing.T) {
	ds := fourDeals()
	ds.Dims = []*model.Dim{{Name: "channel", Values: []string{"", "chat", "paid"}, Codes: model.CodesOf([]uint32{1, 1, 2, 2}, 3)}}
	o := NewOverview(Common{Styles: theme.Plain(), Engine: query.New(ds)})
	o.SetSize(100, 20)
	run(o, o.Update(tea.KeyPressMsg{Code: '$', Text: "$"}))
	run(o, o.Update(StateMsg{State: chatState()}))
	// chat = r0 (won $1,000) and r1 (open at Opportunity, $500): open value
	// Lead 0, Opportunity $500; won/record Lead $1,000/2 = $500.00,
	// Opportunity $1,000/2, Won $1,000/1.
	lines := strings.Split(ansi.Strip(o.View()), "\n")
	for k, want := range []string{"$500.00", "$500.00", "$1,000"} {
		if !strings.Contains(lines[2+k], " "+want+" ") {
			t.Errorf("stage %d row %q, want won/record %s", k, lines[2+k], want)
		}
	}
}
