package report

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// deals is four deals over Lead, Opportunity, Won (USD):
//
//	r0 chat  Lead day 0, Opportunity day 5, won day 20     $1,000.00
//	r1 chat  Lead day 1, Opportunity day 6, open           $500.00
//	r2 paid  Lead day 2, open                              no amount
//	r3 paid  Lead day 3, Opportunity day 7, lost day 30    $200.00
func deals() *model.Dataset {
	n := model.NoDay
	ch := model.NewDim("channel", 4)
	for _, v := range []string{"chat", "chat", "paid", "paid"} {
		ch.Append(v)
	}
	return &model.Dataset{
		Stages:   []string{"Lead", "Opportunity", "Won"},
		Days:     [][]int32{{0, 1, 2, 3}, {5, 6, n, 7}, {20, n, n, n}},
		Reached:  []uint16{0b111, 0b011, 0b001, 0b011},
		Dims:     []*model.Dim{ch},
		Exit:     []model.ExitKind{model.ExitWon, model.ExitOpen, model.ExitOpen, model.ExitLost},
		ExitDay:  []int32{20, n, n, 30},
		Amount:   []int64{100_000, 50_000, 0, 20_000},
		Currency: "USD",
		HasDates: true,
	}
}

// As of day 10 the win (day 20) and the loss (day 30) have not happened:
// r0, r1 and r3 are open opportunities, $1,000 + $500 + $200 = $1,700 of
// pipeline, nothing won or lost. Without --as-of: won 1 ($1,000), lost 1
// ($200), open 1 ($500).
func TestMoneyAsOf(t *testing.T) {
	latest, err := Build(deals(), Options{Sections: []string{SecMoney}})
	if err != nil {
		t.Fatal(err)
	}
	d := latest.Money.Deals
	if d.Won != 1 || d.WonRevenue != 100_000 || d.Lost != 1 || d.LostValue != 20_000 || d.Open != 1 || d.OpenPipeline != 50_000 {
		t.Fatalf("latest: %+v", d)
	}
	early, err := Build(deals(), Options{Sections: []string{SecMoney}, AsOf: 10})
	if err != nil {
		t.Fatal(err)
	}
	d = early.Money.Deals
	if d.Won != 0 || d.WonRevenue != 0 || d.Lost != 0 || d.LostValue != 0 || d.Open != 3 || d.OpenPipeline != 170_000 || d.Created != 3 {
		t.Errorf("as of day 10: %+v", d)
	}
	for _, w := range early.Warnings {
		if strings.Contains(w, "sticky points and money") {
			t.Errorf("stale warning %q", w)
		}
	}
	// as of day 25 under channel=chat: r0 is won ($1,000), r1 open ($500);
	// paid's loss is not in the selection
	chat, err := Build(deals(), Options{Sections: []string{SecMoney}, AsOf: 25, Where: []string{"channel=chat"}})
	if err != nil {
		t.Fatal(err)
	}
	d = chat.Money.Deals
	if d.Won != 1 || d.WonRevenue != 100_000 || d.Lost != 0 || d.Open != 1 || d.OpenPipeline != 50_000 || d.Created != 2 {
		t.Errorf("chat as of day 25: %+v", d)
	}
}

// twoChannels: 100 records of channel a and 100 of b enter Lead in May
// 2025 (the 1st to the 20th); 80 of each reach MQL, a five days after
// entering, b on 2025-07-15. As of 2025-06-30 b has converted none of its
// 100 against a's 80 of 100: a sticky point (entered 100, converted 0,
// baseline 0.8). At the latest date both convert 80%: no finding.
func twoChannels() *model.Dataset {
	ch := model.NewDim("channel", 200)
	lead, mql := make([]int32, 200), make([]int32, 200)
	reached := make([]uint16, 200)
	may1, jul15 := model.DayFromCivil(2025, 5, 1), model.DayFromCivil(2025, 7, 15)
	for i := range 200 {
		v := "a"
		if i >= 100 {
			v = "b"
		}
		ch.Append(v)
		lead[i], mql[i], reached[i] = may1+int32(i%20), model.NoDay, 0b01
		if i%100 < 80 {
			reached[i] = 0b11
			mql[i] = lead[i] + 5
			if v == "b" {
				mql[i] = jul15
			}
		}
	}
	exitDay := make([]int32, 200)
	for i := range exitDay {
		exitDay[i] = model.NoDay
	}
	return &model.Dataset{Stages: []string{"Lead", "MQL"}, Days: [][]int32{lead, mql}, Reached: reached,
		Dims: []*model.Dim{ch}, Exit: make([]model.ExitKind, 200), ExitDay: exitDay, HasDates: true}
}

func TestStickyPointsAsOf(t *testing.T) {
	secs := []string{SecStickyPoints}
	latest, err := Build(twoChannels(), Options{Sections: secs})
	if err != nil {
		t.Fatal(err)
	}
	if len(latest.StickyPoints) != 0 {
		t.Errorf("at the latest date both channels convert 80%%: %+v", latest.StickyPoints)
	}
	early, err := Build(twoChannels(), Options{Sections: secs, AsOf: model.DayFromCivil(2025, 6, 30)})
	if err != nil {
		t.Fatal(err)
	}
	if len(early.StickyPoints) != 1 {
		t.Fatalf("as of 2025-06-30: %+v", early.StickyPoints)
	}
	p := early.StickyPoints[0]
	if p.Stage != "Lead→MQL" || p.Dimension != "channel" || p.Value != "b" || p.Entered != 100 || p.Converted != 0 ||
		p.Rate != 0 || p.BaselineRate != 0.8 || p.LostConversions != 80 {
		t.Errorf("as of 2025-06-30: %+v, want b at Lead→MQL: 0 of 100 against 0.8", p)
	}
}

// On the demo, as of a year back the spend after that month is left out
// (and said), and fewer deals are won than at the latest date.
func TestMoneySpendAsOfOnDemo(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 3000})
	sp := demo.Spend(ds)
	latest, err := Build(ds, Options{Sections: []string{SecMoney}, Spend: sp})
	if err != nil {
		t.Fatal(err)
	}
	_, hi, _ := ds.DayRange()
	early, err := Build(ds, Options{Sections: []string{SecMoney}, Spend: sp, AsOf: hi - 365})
	if err != nil {
		t.Fatal(err)
	}
	if early.Money.Deals.Won >= latest.Money.Deals.Won {
		t.Errorf("won as of a year back %d, latest %d", early.Money.Deals.Won, latest.Money.Deals.Won)
	}
	last := model.MonthIndex(hi - 365)
	var want int64
	for _, r := range sp {
		if r.Month <= last {
			want += r.Amount
		}
	}
	if got := early.Money.UnitEconomics.Total.Spend; got != want || got >= latest.Money.UnitEconomics.Total.Spend {
		t.Errorf("spend as of %s: %d, want %d (latest %d)", model.MonthLabel(last), got, want, latest.Money.UnitEconomics.Total.Spend)
	}
	if !strings.Contains(strings.Join(early.Money.Notes, "\n"), "left out (as of)") {
		t.Errorf("notes %q should say the spend after the as-of month is left out", early.Money.Notes)
	}
}

// --where values with spaces, commas and quotes, written with the
// language's quoting, reach Engine.Select intact; = values of one
// dimension in separate flags are alternatives, != are all excluded; the
// whole grammar works (in lists, date comparisons).
func TestWhereQuoting(t *testing.T) {
	ch := model.NewDim("lead source", 4)
	for _, v := range []string{`web, "paid"`, "x", "y", "z"} {
		ch.Append(v)
	}
	ds := tiny()
	ds.Dims = []*model.Dim{ch}
	paid := `"lead source"=` + filter.Quote(`web, "paid"`)
	for _, c := range []struct {
		where []string
		want  int
	}{
		{[]string{paid}, 1},
		{[]string{paid, `"lead source"=Y`}, 2},
		{[]string{`"lead source"!=x`, `"lead source"!=z`}, 2},
		{[]string{`"lead source" in (x,y)`}, 2},
		{[]string{`"lead source" not in (x,y) b>=1970-01-05`}, 0},
		{[]string{`a>=1970-01-02`}, 1},
	} {
		r, err := Build(ds, Options{Where: c.where, Sections: []string{SecStages}})
		if err != nil {
			t.Fatalf("%v: %v", c.where, err)
		}
		if r.Denominators.Records != c.want {
			t.Errorf("%q: %d records, want %d", c.where, r.Denominators.Records, c.want)
		}
	}
}
