package planner

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/views/viewtest"
)

// The channel ranking's ROI and CAC read the same on the screen as in the
// report: one value, one format (ROI a percent, CAC money to the cent).
func TestRankingROIAndCACAsInTheReport(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 20000})
	sp := demo.Spend(ds)
	r, err := report.Build(ds, report.Options{Spend: sp, Sections: []string{report.SecPlan}})
	if err != nil {
		t.Fatal(err)
	}
	var rank *report.Table
	for _, tb := range r.Tables() {
		if tb.Name == "plan_ranking" {
			rank = &tb
		}
	}
	if rank == nil {
		t.Fatal("the report has no channel ranking")
	}
	col := func(name string) int {
		for j, c := range rank.Columns {
			if c.Name == name {
				return j
			}
		}
		t.Fatalf("no column %q", name)
		return -1
	}
	roi, cac := col("ROI"), col("CAC")
	if rank.Columns[roi].Kind != tabular.KindRate {
		t.Errorf("the report's ROI is not a percent")
	}
	c := viewtest.On(ds)
	c.Spend = sp
	p := New(c, views.DefaultState())
	p.SetSize(160, 200)
	viewtest.Run(p, p.Init())
	screen := ansi.Strip(p.View())
	i := strings.Index(screen, "Channels by customers")
	if i < 0 {
		t.Fatalf("no channel ranking on the screen:\n%s", screen)
	}
	screen = screen[i:]
	texts := tabular.Texts(*rank) // one money format per column, as the report writes it
	for i, row := range rank.Rows {
		name := row[0].Str
		want := []string{texts[i][roi], texts[i][cac]}
		found := false
		for _, l := range strings.Split(screen, "\n") {
			f := strings.Fields(l)
			if len(f) > 0 && f[0] == name {
				found = true
				for _, w := range want {
					if !strings.Contains(l, " "+w+" ") {
						t.Errorf("%s: the screen shows %q, the report %q", name, l, w)
					}
				}
			}
		}
		if !found {
			t.Errorf("%s is not on the screen:\n%s", name, screen)
		}
	}
}
