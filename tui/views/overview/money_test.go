package overview

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

func TestOverviewMoneyToggle(t *testing.T) {
	o := New(viewtest.On(viewtest.FourDeals()))
	o.SetSize(100, 20)
	if strings.Contains(o.View(), "Won/record") {
		t.Fatal("money columns shown before $")
	}
	viewtest.Run(o, o.Update(tea.KeyPressMsg{Code: '$', Text: "$"}))
	out := ansi.Strip(o.View())
	lines := strings.Split(out, "\n")
	// open value: Lead 0 (r2 has no amount), Opportunity $500.00 (r1), Won blank.
	// won/record: Lead $1,000/4 = $250.00, Opportunity $1,000/3 = $333.33, Won $1,000/1.
	for k, want := range [][2]string{{"$0.00", "$250.00"}, {"$500.00", "$333.33"}, {"", "$1,000"}} {
		row := lines[2+k]
		if !strings.Contains(row, " "+want[1]+" ") || (want[0] != "" && !strings.Contains(row, want[0]+" ")) {
			t.Errorf("stage %d row %q, want open %q won/record %q", k, row, want[0], want[1])
		}
		if ansi.StringWidth(row) > 100 {
			t.Errorf("row wider than 100: %q", row)
		}
	}
	if !strings.Contains(lines[1], "Open value") || !strings.Contains(out, "Won/record = won revenue") {
		t.Errorf("header or note missing:\n%s", out)
	}
	o.Update(tea.KeyPressMsg{Code: '$', Text: "$"})
	if strings.Contains(o.View(), "Won/record") {
		t.Fatal("$ did not turn the money columns off")
	}
}

func TestOverviewMoneyMixedCurrencies(t *testing.T) {
	o := New(viewtest.On(viewtest.Mixed()))
	o.SetSize(80, 20)
	viewtest.Run(o, o.Update(tea.KeyPressMsg{Code: '$', Text: "$"}))
	out := ansi.Strip(o.View())
	if !strings.Contains(out, "not summed") || strings.Contains(out, "$1,500") {
		t.Fatalf("mixed currencies:\n%s", out)
	}
}

// TestOverviewWithoutDates: a yes/no flags file has no dates, so the
// overview says so instead of printing period windows made of NoDay.
func TestOverviewWithoutDates(t *testing.T) {
	ds := viewtest.FourDeals()
	ds.HasDates = false
	for k := range ds.Days {
		for i := range ds.Days[k] {
			ds.Days[k][i] = model.NoDay
		}
	}
	ds.ExitDay = []int32{model.NoDay, model.NoDay, model.NoDay, model.NoDay}
	o := New(viewtest.On(ds))
	o.SetSize(110, 30)
	viewtest.Run(o, o.Init())
	out := ansi.Strip(o.View())
	if strings.Contains(out, "vs prev") || strings.Contains(out, "entered ") || !strings.Contains(out, "all records (no stage dates)") {
		t.Fatalf("overview without dates:\n%s", out)
	}
}

// A data set of a few months still titles its sparkline column in full
// ("Monthly", not "M…").
func TestOverviewFewMonthsKeepsSparkTitle(t *testing.T) {
	o := New(viewtest.On(viewtest.FourDeals()))
	o.SetSize(100, 30)
	viewtest.Run(o, o.Init())
	out := ansi.Strip(o.View())
	if !strings.Contains(out, "Monthly") {
		t.Fatalf("no Monthly title:\n%s", out)
	}
}
