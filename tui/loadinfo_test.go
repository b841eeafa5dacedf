package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/tui/views/columns"
	"github.com/funnel-cli/funnel/tui/views/loadinfo"
)

func TestOverviewSaysWhatTheLoadDidAndLListsIt(t *testing.T) {
	in := "lead_id,created,mql_date\nA,2025-01-01,\nB,2025-13-01,\nC,2025-01-02,2025-01-03\n"
	ds, err := loaders.Load(strings.NewReader(in), "odd.csv", loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(ds, Options{NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	deliver(a, a.Init())
	// no outcome column: the loader is unsure and opens the column screen
	if _, ok := a.Top().(*columns.Model); !ok || a.Depth() != 2 {
		t.Fatalf("an unsure load opens the column screen over the overview; top is %T", a.Top())
	}
	press(a, tea.KeyPressMsg{Code: tea.KeyEscape})
	if out := ansi.Strip(a.View().Content); !strings.Contains(out, "! 1 of 3 rows skipped") {
		t.Fatalf("overview does not mention the skipped row:\n%s", out)
	}
	press(a, tea.KeyPressMsg{Code: 'l', Text: "l"})
	if _, ok := a.Top().(*loadinfo.Model); !ok {
		t.Fatalf("l should open the load details, top is %T", a.Top())
	}
	out := ansi.Strip(a.View().Content)
	for _, want := range []string{"Rows read 3 = used 2 + skipped 1", "odd.csv:3:", "2025-13-01"} {
		if !strings.Contains(out, want) {
			t.Errorf("load details lack %q:\n%s", want, out)
		}
	}
}

func TestInferredDatesAreSaidOnTheOverview(t *testing.T) {
	ds, err := loaders.LoadFile("../testdata/loaders/salesforce_opportunities.csv", loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(ds, Options{NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	deliver(a, a.Init())
	if out := ansi.Strip(a.View().Content); strings.Count(out, "inferred from the current stage") != 1 {
		t.Fatalf("overview does not say once that dates were inferred:\n%s", out)
	}
	// the Closed Lost deal has no known stage: said, and left out of the first step
	if out := ansi.Strip(a.View().Content); !strings.Contains(out, "! 1 record at Prospecting has no known stage") {
		t.Fatalf("overview does not say a record has no known stage:\n%s", out)
	}
	// the stage detail of a step with no dates at either end says why in one line
	press(a, tea.KeyPressMsg{Code: tea.KeyEnter})
	deliver(a, nil)
	if out := ansi.Strip(a.View().Content); !strings.Contains(out, "No times between stages: stage dates were inferred") ||
		strings.Contains(out, "nothing has moved on yet") {
		t.Fatalf("stage detail does not say why there are no times:\n%s", out)
	}
}

// Deals a join leaves out are said on the overview, not only as skipped rows.
func TestJoinNoteOnTheOverview(t *testing.T) {
	fx := "../testdata/loaders/"
	ds, err := loaders.LoadFiles(context.Background(), []string{fx + "hubspot_contacts.csv", fx + "hubspot_deals.csv"}, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := New(ds, Options{NoColor: true})
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	deliver(a, a.Init())
	if out := ansi.Strip(a.View().Content); !strings.Contains(out, "! 1 of 4 deals in hubspot_deals.csv has no lead") {
		t.Fatalf("overview does not say a deal is outside the funnel:\n%s", out)
	}
}
