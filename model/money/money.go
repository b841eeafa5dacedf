// Package money turns a funnel dataset into money: pipeline, won revenue,
// win rates and cycle (deals.go), spend joined to channels and the unit
// economics it gives (spend.go, economics.go), accounts and ICP segments
// (accounts.go, segments.go), existing customers (customers.go) and what
// a filter and an as-of date leave of a spend table (scope.go).
//
// Every function is pure over a *model.Dataset (and spend rows) and returns
// plain JSON-ready structs. Amounts are int64 minor units (cents) of one
// currency, named in the result. A dataset that mixes currencies is never
// summed silently: without a target currency and a rate for every code the
// money functions return a *MixedCurrencyError carrying the per-currency
// totals, which is itself the report.
package money

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// Options steer every money computation. The zero value works on a
// single-currency dataset with the usual column names.
type Options struct {
	// Currency is the ISO code to report in; "" keeps the data's own
	// (which must then be a single currency).
	Currency string
	// Rates converts other currencies to Currency: units of Currency per one
	// unit of the keyed code (EUR=1.08 when Currency is USD).
	Rates Rates
	// ChannelDim, CampaignDim, CompanyDim and TypeDim name the dimensions
	// (defaults "channel", "campaign", "company", "type").
	ChannelDim, CampaignDim, CompanyDim, TypeDim string
	// OpportunityStage names the stage where a lead becomes a deal; default
	// the stage named Opportunity/Opp/Deal, else the one before the last.
	OpportunityStage string
	// AsOf is the last day counted (model.NoDay or 0: the last date in the data).
	AsOf int32
	// MonthlyChurn, when > 0, overrides the churn rate measured from the
	// data for LTV (a fraction per month, 0.02 = 2%).
	MonthlyChurn float64
}

func (o Options) dim(ds *model.Dataset, name, def string) *model.Dim {
	if name == "" {
		name = def
	}
	return ds.Dim(name)
}

func (o Options) channel(ds *model.Dataset) *model.Dim  { return o.dim(ds, o.ChannelDim, "channel") }
func (o Options) campaign(ds *model.Dataset) *model.Dim { return o.dim(ds, o.CampaignDim, "campaign") }
func (o Options) company(ds *model.Dataset) *model.Dim {
	if d := o.dim(ds, o.CompanyDim, "company"); d != nil || o.CompanyDim != "" {
		return d
	}
	return ds.Dim(ds.Account) // the column the loader read as the account
}
func (o Options) typeDim(ds *model.Dataset) *model.Dim {
	if d := o.dim(ds, o.TypeDim, "type"); d != nil {
		return d
	}
	for _, n := range []string{"deal_type", "deal type", "opportunity_type", "opportunity type"} {
		if d := ds.Dim(n); d != nil {
			return d
		}
	}
	return nil
}

// asOf resolves the reporting day.
func (o Options) asOf(ds *model.Dataset) int32 {
	if o.AsOf != 0 && o.AsOf != model.NoDay {
		return o.AsOf
	}
	hi, ok := ds.LatestDay()
	if !ok {
		return model.NoDay
	}
	return hi
}

// oppStage resolves the deal stage index (-1 if the funnel has one stage).
func (o Options) oppStage(ds *model.Dataset) int {
	if o.OpportunityStage != "" {
		return ds.StageIndex(o.OpportunityStage)
	}
	for _, n := range []string{"Opportunity", "Opportunities", "Opp", "Deal", "Deals", "Pipeline"} {
		if k := ds.StageIndex(n); k >= 0 {
			return k
		}
	}
	return len(ds.Stages) - 2
}

// Rates maps an ISO currency code to units of the target currency per unit.
type Rates map[string]float64

// ParseRates reads "EUR=1.08,GBP=1.27" (the --rates flag form).
func ParseRates(s string) (Rates, error) {
	r := Rates{}
	for _, part := range strings.FieldsFunc(s, func(c rune) bool { return c == ',' || c == ';' || c == ' ' }) {
		code, val, ok := strings.Cut(part, "=")
		code = strings.ToUpper(strings.TrimSpace(code))
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if !ok || len(code) != 3 || err != nil || !(f > 0) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("rate %q: expected CODE=positive number, like EUR=1.08", part)
		}
		r[code] = f
	}
	return r, nil
}

// CurrencyTotal is what the data holds in one currency.
type CurrencyTotal struct {
	Currency string `json:"currency"`
	Records  int    `json:"records"` // records with a non-zero amount
	Amount   int64  `json:"amount"`  // their sum, minor units
	Won      int64  `json:"won"`     // the won part of it
}

// MixedCurrencyError is returned when amounts in several currencies would
// have to be summed and no conversion was given. Totals is the breakdown.
type MixedCurrencyError struct {
	Totals []CurrencyTotal `json:"totals"`
}

func (e *MixedCurrencyError) Error() string {
	codes := make([]string, len(e.Totals))
	for i, t := range e.Totals {
		codes[i] = t.Currency
		if codes[i] == "" {
			codes[i] = "(no currency)"
		}
	}
	return fmt.Sprintf("amounts are in %d currencies (%s); not summed: give a target currency and a rate for each (--currency, --rates)",
		len(e.Totals), strings.Join(codes, ", "))
}

// ByCurrency totals the amounts per currency code, largest first.
func ByCurrency(ds *model.Dataset) []CurrencyTotal {
	if ds.Amount == nil {
		return nil
	}
	last := len(ds.Stages) - 1
	idx := map[string]int{}
	var out []CurrencyTotal
	for i, a := range ds.Amount {
		if a == 0 {
			continue
		}
		c := recordCurrency(ds, i)
		j, ok := idx[c]
		if !ok {
			j = len(out)
			idx[c] = j
			out = append(out, CurrencyTotal{Currency: c})
		}
		out[j].Records++
		out[j].Amount += a
		if isWon(ds, i, last) {
			out[j].Won += a
		}
	}
	for j := range out {
		out[j].Amount, out[j].Won = ds.Cents(out[j].Amount), ds.Cents(out[j].Won)
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Amount != out[b].Amount {
			return out[a].Amount > out[b].Amount
		}
		return out[a].Currency < out[b].Currency
	})
	return out
}

func recordCurrency(ds *model.Dataset, i int) string {
	if ds.Currencies != nil {
		if c := ds.Currencies.Value(i); c != "" {
			return strings.ToUpper(c)
		}
	}
	return strings.ToUpper(ds.Currency)
}

// amounts returns every record's amount in one currency and that currency's
// code, in the dataset's amount units: sum them, then convert the sum
// with ds.Cents. nil amounts (no amount column) is not an error.
func amounts(ds *model.Dataset, o Options) ([]int64, string, error) {
	if ds.Amount == nil {
		return nil, strings.ToUpper(firstNonEmpty(o.Currency, ds.Currency)), nil
	}
	totals := ByCurrency(ds)
	target := strings.ToUpper(o.Currency)
	if target == "" {
		switch len(totals) {
		case 0:
			return ds.Amount, strings.ToUpper(ds.Currency), nil
		case 1:
			return ds.Amount, totals[0].Currency, nil
		}
		return nil, "", &MixedCurrencyError{Totals: totals}
	}
	if len(totals) == 0 || (len(totals) == 1 && (totals[0].Currency == target || totals[0].Currency == "")) {
		// one currency: the target's, or unnamed (the target then names it)
		return ds.Amount, target, nil
	}
	rate := map[string]float64{target: 1}
	for _, t := range totals {
		if t.Currency == target {
			continue
		}
		r, err := o.rate(t.Currency, target)
		if err != nil {
			return nil, "", err
		}
		rate[t.Currency] = r
	}
	out := make([]int64, len(ds.Amount))
	for i, a := range ds.Amount {
		if a != 0 {
			out[i] = convert(a, rate[recordCurrency(ds, i)])
		}
	}
	return out, target, nil
}

// rate finds the factor from code to target.
func (o Options) rate(code, target string) (float64, error) {
	code = strings.ToUpper(code)
	if code == target {
		return 1, nil
	}
	if code == "" {
		return 0, fmt.Errorf("some amounts have no currency and cannot be converted to %s", target)
	}
	r, ok := o.Rates[code]
	if !ok || !(r > 0) {
		return 0, fmt.Errorf("no rate from %s to %s: add %s=<%s per %s> to --rates", code, target, code, target, code)
	}
	return r, nil
}

func convert(a int64, r float64) int64 { return int64(math.Round(float64(a) * r)) }

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// isWon: the record reached the last stage, or is marked won or churned
// (a churned customer was won first).
func isWon(ds *model.Dataset, i, last int) bool {
	return ds.Reached[i]&(1<<last) != 0 || ds.Exit[i] == model.ExitWon || ds.Exit[i] == model.ExitChurned
}

// wonDay is the day a won record closed (NoDay when unknown).
func wonDay(ds *model.Dataset, i, last int) int32 {
	if d := ds.Days[last][i]; d != model.NoDay {
		return d
	}
	if ds.Exit[i] == model.ExitWon {
		return ds.ExitDay[i]
	}
	return model.NoDay
}

// reachedAtLeast: the record reached stage k or a later one.
func reachedAtLeast(ds *model.Dataset, i, k int) bool {
	return k >= 0 && ds.Reached[i]>>k != 0
}

// median of a slice it sorts; 0 for none.
func median(v []int32) float64 {
	if len(v) == 0 {
		return 0
	}
	sort.Slice(v, func(a, b int) bool { return v[a] < v[b] })
	n := len(v)
	if n%2 == 1 {
		return float64(v[n/2])
	}
	return float64(v[n/2-1]+v[n/2]) / 2
}

// div is a/b rounded to a whole minor unit, nil when b is 0.
func div(a int64, b int) *int64 {
	if b == 0 {
		return nil
	}
	v := int64(math.Round(float64(a) / float64(b)))
	return &v
}

func f64(v float64) *float64 { return &v }
