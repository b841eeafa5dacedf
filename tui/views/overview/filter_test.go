package overview

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// The overview's insights, its money columns and r all follow the filter.
func TestOverviewInsightsHonourFilter(t *testing.T) {
	c := viewtest.Demo()
	o := New(c)
	o.SetSize(140, 60)
	viewtest.Run(o, o.Init())
	wholeTests := o.insights.sticky.Comparisons
	viewtest.Run(o, o.Update(views.StateMsg{State: viewtest.ChatState()}))
	chat := viewtest.CountChat(c.Data(), func(int) bool { return true })
	out := ansi.Strip(o.View())
	if !strings.Contains(out, "Insights where channel=chat: "+format.Count(chat)+" of 20,000 records") {
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
	viewtest.Press(o, "down")
	rec, _ := viewtest.Drilled(o.Update(tea.KeyPressMsg{Code: 'r', Text: "r"}))
	want := viewtest.CountChat(c.Data(), func(i int) bool { return c.Data().Deepest(i) >= 1 })
	if len(rec.Rows) != want || !strings.Contains(rec.Title, "where channel=chat") {
		t.Errorf("r gave %d rows titled %q, want %d chat records past stage 1", len(rec.Rows), rec.Title, want)
	}
	for _, i := range rec.Rows {
		if c.Data().Dim("channel").Value(int(i)) != "chat" || c.Data().Deepest(int(i)) < 1 {
			t.Fatalf("row %d is not a chat record past stage 1", i)
		}
	}
}

// The $ columns count the filtered records: FourDealsByChannel is small
// enough to check by hand.
func TestOverviewMoneyColumnsHonourFilter(t *testing.T) {
	o := New(viewtest.On(viewtest.FourDealsByChannel()))
	o.SetSize(100, 20)
	viewtest.Run(o, o.Update(tea.KeyPressMsg{Code: '$', Text: "$"}))
	viewtest.Run(o, o.Update(views.StateMsg{State: viewtest.ChatState()}))
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
