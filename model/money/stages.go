package money

import (
	"math"

	"github.com/funnel-cli/funnel/model"
)

// StageValues is money per stage: the explorer overview's money columns.
type StageValues struct {
	Currency string `json:"currency"`
	// Open is the value of open records whose furthest stage is k (the
	// pipeline sitting there); zero at the last stage.
	Open []int64 `json:"open"`
	// WonPer is the won revenue of the records reaching stage k divided by
	// those records (Reached[k]), rounded to a minor unit; nil when none
	// reached it.
	WonPer  []*int64 `json:"won_per_record"`
	Reached []int    `json:"reached"`
}

// ByStage totals amounts per stage in the report currency (o.Currency, or
// the data's own). A record counts as won as IsWon says, as open when it
// is neither won, lost nor disqualified. A mixed dataset with no
// conversion gives a *MixedCurrencyError.
func ByStage(ds *model.Dataset, o Options) (StageValues, error) {
	ns := len(ds.Stages)
	amt, cur, err := amounts(ds, o)
	sv := StageValues{Currency: cur, Open: make([]int64, ns), WonPer: make([]*int64, ns), Reached: make([]int, ns)}
	if err != nil {
		return sv, err
	}
	won := make([]int64, ns)
	for i := 0; i < ds.Len(); i++ {
		deep := ds.Deepest(i)
		var a int64
		if amt != nil {
			a = amt[i]
		}
		isWon := IsWon(ds, i)
		for k := 0; k <= deep && k < ns; k++ {
			sv.Reached[k]++
			if isWon {
				won[k] += a
			}
		}
		open := !isWon && ds.Exit[i] != model.ExitLost && ds.Exit[i] != model.ExitDisqualified
		if open && deep >= 0 && deep < ns-1 {
			sv.Open[deep] += a
		}
	}
	for k := range won {
		sv.Open[k] = ds.Cents(sv.Open[k])
		if sv.Reached[k] > 0 {
			v := ds.Cents(int64(math.Round(float64(won[k]) / float64(sv.Reached[k]))))
			sv.WonPer[k] = &v
		}
	}
	return sv, nil
}

// WonBy is won deals and won revenue per value of a dimension (by
// dictionary code), and over every value.
type WonBy struct {
	Currency string  `json:"currency"`
	Won      []int   `json:"won"`
	Revenue  []int64 `json:"revenue"`
	WonAll   int     `json:"won_all"`
	RevAll   int64   `json:"revenue_all"`
	dim      *model.Dim
	ds       *model.Dataset
	raw      []int64 // Revenue in the dataset's units (Rest sums them exactly)
	rawAll   int64
}

// WonByValue totals won deals (IsWon) and their amounts per value of the
// dimension dim; nil when the data has no amounts or no such dimension. A
// mixed dataset with no conversion gives a *MixedCurrencyError.
func WonByValue(ds *model.Dataset, dim string, o Options) (*WonBy, error) {
	dm := ds.Dim(dim)
	if ds.Amount == nil || dm == nil {
		return nil, nil
	}
	amt, cur, err := amounts(ds, o)
	if err != nil {
		return nil, err
	}
	w := &WonBy{Currency: cur, Won: make([]int, dm.Cardinality()), Revenue: make([]int64, dm.Cardinality()), dim: dm,
		ds: ds, raw: make([]int64, dm.Cardinality())}
	for i := range ds.Len() {
		if !IsWon(ds, i) {
			continue
		}
		code := dm.Codes.At(i)
		w.Won[code]++
		w.raw[code] += amt[i]
		w.WonAll++
		w.rawAll += amt[i]
	}
	for code, v := range w.raw {
		w.Revenue[code] = ds.Cents(v)
	}
	w.RevAll = ds.Cents(w.rawAll)
	return w, nil
}

// Value is the won deals and revenue of one value of the dimension.
func (w *WonBy) Value(v string) (won int, revenue int64, ok bool) {
	code, ok := w.dim.Code(v)
	if !ok {
		return 0, 0, false
	}
	return w.Won[code], w.Revenue[code], true
}

// Rest is the won deals and revenue of every value but the ones listed
// (a breakdown's merged smaller values: the whole less the groups shown).
func (w *WonBy) Rest(shown []string) (won int, revenue int64) {
	won, revenue = w.WonAll, w.rawAll
	for _, v := range shown {
		if code, ok := w.dim.Code(v); ok {
			won -= w.Won[code]
			revenue -= w.raw[code]
		}
	}
	return won, w.ds.Cents(revenue)
}

// Share is the row's amount as a share of total (0 when total is 0).
func (r ValueRow) Share(total int64) float64 {
	if total == 0 {
		return 0
	}
	return float64(r.Amount) / float64(total)
}
