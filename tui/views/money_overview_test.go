package views

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/theme"
)

// fourDeals: stages Lead, Opportunity, Won; amounts in USD cents.
//
//	r0 Lead→Opp→Won  won   $1,000.00
//	r1 Lead→Opp      open  $500.00
//	r2 Lead          open  —
//	r3 Lead→Opp      lost  $200.00
func fourDeals() *model.Dataset {
	n := model.NoDay
	return &model.Dataset{
		Stages:   []string{"Lead", "Opportunity", "Won"},
		Days:     [][]int32{{0, 1, 2, 3}, {5, 6, n, 7}, {20, n, n, n}},
		Reached:  []uint16{0b111, 0b011, 0b001, 0b011},
		Exit:     []model.ExitKind{model.ExitWon, model.ExitOpen, model.ExitOpen, model.ExitLost},
		ExitDay:  []int32{20, n, n, 30},
		Amount:   []int64{100_000, 50_000, 0, 20_000},
		Currency: "USD",
		HasDates: true,
	}
}

func TestOverviewMoneyToggle(t *testing.T) {
	o := NewOverview(Common{Styles: theme.Plain(), Engine: query.New(fourDeals())})
	o.SetSize(100, 20)
	if strings.Contains(o.View(), "Won/record") {
		t.Fatal("money columns shown before $")
	}
	run(o, o.Update(tea.KeyPressMsg{Code: '$', Text: "$"}))
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
	o := NewOverview(Common{Styles: theme.Plain(), Engine: query.New(mixedDataset())})
	o.SetSize(80, 20)
	run(o, o.Update(tea.KeyPressMsg{Code: '$', Text: "$"}))
	out := ansi.Strip(o.View())
	if !strings.Contains(out, "not summed") || strings.Contains(out, "$1,500") {
		t.Fatalf("mixed currencies:\n%s", out)
	}
}

// TestOverviewWithoutDates: a yes/no flags file has no dates, so the
// overview says so instead of printing period windows made of NoDay.
func TestOverviewWithoutDates(t *testing.T) {
	ds := fourDeals()
	ds.HasDates = false
	for k := range ds.Days {
		for i := range ds.Days[k] {
			ds.Days[k][i] = model.NoDay
		}
	}
	ds.ExitDay = []int32{model.NoDay, model.NoDay, model.NoDay, model.NoDay}
	o := NewOverview(Common{Styles: theme.Plain(), Engine: query.New(ds)})
	o.SetSize(110, 30)
	run(o, o.Init())
	out := ansi.Strip(o.View())
	if strings.Contains(out, "vs prev") || strings.Contains(out, "entered ") || !strings.Contains(out, "all records (no stage dates)") {
		t.Fatalf("overview without dates:\n%s", out)
	}
}
