package viewtest

import "github.com/funnel-cli/funnel/model"

// FourDeals: stages Lead, Opportunity, Won; amounts in USD cents.
//
//	r0 Lead→Opp→Won  won   $1,000.00
//	r1 Lead→Opp      open  $500.00
//	r2 Lead          open  —
//	r3 Lead→Opp      lost  $200.00
func FourDeals() *model.Dataset {
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

// FourDealsByChannel is FourDeals with a channel: chat r0 (won $1,000), r1
// (open $500); paid r2 (open, no amount), r3 (lost $200).
func FourDealsByChannel() *model.Dataset {
	ds := FourDeals()
	ds.Dims = []*model.Dim{{Name: "channel", Values: []string{"", "chat", "paid"}, Codes: model.CodesOf([]uint32{1, 1, 2, 2}, 3)}}
	return ds
}

// Mixed is three deals, two in USD and one in EUR.
func Mixed() *model.Dataset {
	n := model.NoDay
	cur := model.NewDim("currency", 3)
	for _, v := range []string{"USD", "EUR", "USD"} {
		cur.Append(v)
	}
	return &model.Dataset{
		Stages:     []string{"Lead", "Opportunity", "Won"},
		Days:       [][]int32{{0, 1, 2}, {5, 6, n}, {20, n, n}},
		Reached:    []uint16{0b111, 0b011, 0b001},
		Exit:       make([]model.ExitKind, 3),
		ExitDay:    []int32{n, n, n},
		Amount:     []int64{100_000, 50_000, 0},
		Currencies: cur,
		HasDates:   true,
	}
}
