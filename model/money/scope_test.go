package money_test

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// Under channel=chat as of a month back, the spend kept is chat's up to
// that month, and the notes say what was left out and that spend is by
// channel.
func TestScopeSpend(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 2000, Seed: 1})
	spend := demo.Spend(ds)
	eng := query.New(ds)
	_, hi, _ := ds.DayRange()
	asOf := hi - 31
	expr := "channel=chat segment=SMB"
	f, err := filter.Parse(expr, ds)
	if err != nil {
		t.Fatal(err)
	}
	sel, err := eng.Select(f, asOf)
	if err != nil {
		t.Fatal(err)
	}
	kept, notes := money.ScopeSpend(ds, spend, sel, expr, asOf, money.Options{})
	if len(kept) == 0 || len(kept) >= len(spend) {
		t.Fatalf("kept %d of %d spend rows", len(kept), len(spend))
	}
	for _, r := range kept {
		if r.Month > model.MonthIndex(asOf) || (r.Channel != "" && !strings.EqualFold(r.Channel, "chat")) {
			t.Fatalf("kept %+v", r)
		}
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{"left out (as of)", "with no records where " + expr, "spend is by channel, not by segment"} {
		if !strings.Contains(all, want) {
			t.Errorf("notes lack %q:\n%s", want, all)
		}
	}
	if opt := money.ScopeOptions(money.Options{}, sel, asOf); opt.AsOf != sel.AsOf {
		t.Errorf("money as of %d, want the selection's %d", opt.AsOf, sel.AsOf)
	}
	if rows, notes := money.ScopeSpend(ds, nil, sel, expr, asOf, money.Options{}); rows != nil || notes != nil {
		t.Error("no spend table: nothing to scope")
	}
}
