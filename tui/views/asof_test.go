package views_test

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
)

// One as-of rule: with a close dated after every stage date, the engine,
// the sticky window, money and the views all take the data's latest day
// (Dataset.LatestDay), the close, not the last stage date.
func TestOneDefaultAsOf(t *testing.T) {
	ds, err := loaders.Load(strings.NewReader("id,stage,created,closed_at,amount\n"+
		"1,Discovery,2026-01-02,,100\n2,Proposal,2026-02-03,,200\n3,Closed Won,2026-03-04,2026-06-20,300\n"+
		"4,Closed Lost,2026-03-05,2026-05-01,400\n"), "deals.csv", loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	last, ok := ds.LatestDay()
	if !ok || model.DayString(last) != "2026-06-20" {
		t.Fatalf("LatestDay = %s, want the close on 2026-06-20", model.DayString(last))
	}
	if got := query.New(ds).Funnel(query.FunnelOptions{}).AsOf; got != "2026-06-20" {
		t.Errorf("engine as-of %s", got)
	}
	if _, got, _ := insight.StickyWindow(ds, model.NoDay); got != last {
		t.Errorf("sticky as-of %s", model.DayString(got))
	}
	if got := views.AnalysisDay(ds, views.State{AsOf: model.NoDay}); got != last {
		t.Errorf("views as-of %s", model.DayString(got))
	}
}
