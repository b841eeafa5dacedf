package money

import "github.com/funnel-cli/funnel/model"

// Amounts returns every record's amount in one currency (converted with
// o.Currency and o.Rates when the data mixes currencies) and that
// currency's code, for callers that total amounts their own way (the
// explorer's per-stage money column). nil amounts means the data has none.
// The slice may be ds.Amount itself: do not modify it. A mixed dataset with
// no conversion gives a *MixedCurrencyError.
func Amounts(ds *model.Dataset, o Options) ([]int64, string, error) { return amounts(ds, o) }

// IsWon reports whether record i counts as won: it reached the last stage,
// or is marked won or churned (a churned customer was won first).
func IsWon(ds *model.Dataset, i int) bool { return isWon(ds, i, len(ds.Stages)-1) }
