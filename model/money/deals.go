package money

import (
	"sort"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// ValueRow is a count of deals and their value under one label.
type ValueRow struct {
	Label  string `json:"label"`
	Deals  int    `json:"deals"`
	Amount int64  `json:"amount"`
}

// Deals summarises the deals in a dataset: records that reached the
// opportunity stage. Won means reached the last stage or marked won/churned;
// lost means closed lost or disqualified after becoming a deal; open is the rest.
type Deals struct {
	Currency         string `json:"currency"`
	OpportunityStage string `json:"opportunity_stage"`
	HasAmounts       bool   `json:"has_amounts"`
	// Created counts deals (records that reached the opportunity stage).
	Created int `json:"created"`
	Open    int `json:"open"`
	Won     int `json:"won"`
	Lost    int `json:"lost"`

	// OpenPipeline is the value of open deals; ByStage groups them by the
	// deepest stage reached, ByChannel by the channel dimension.
	OpenPipeline      int64      `json:"open_pipeline"`
	PipelineByStage   []ValueRow `json:"pipeline_by_stage"`
	PipelineByChannel []ValueRow `json:"pipeline_by_channel,omitempty"`
	// WeightedPipeline sums amount × probability over the open deals that
	// have a probability (WeightedDeals of Open); nil when none has one.
	WeightedPipeline *int64 `json:"weighted_pipeline,omitempty"`
	WeightedDeals    int    `json:"weighted_deals"`

	// WonRevenue sums won amounts; ASP is WonRevenue / WonWithAmount.
	WonRevenue    int64  `json:"won_revenue"`
	WonWithAmount int    `json:"won_with_amount"`
	ASP           *int64 `json:"asp,omitempty"`
	// ACV averages amount × 12 / term over won deals with a term (ACVDeals).
	ACV      *int64 `json:"acv,omitempty"`
	ACVDeals int    `json:"acv_deals"`

	// WinRateClosed is Won / (Won + Lost); WinRateCreated is Won / Created
	// (lower while deals are still open).
	WinRateClosed  float64 `json:"win_rate_closed"`
	WinRateCreated float64 `json:"win_rate_created"`

	// SalesCycleMedianDays is the median days from opportunity to won over
	// CycleDeals won deals with both dates.
	SalesCycleMedianDays float64 `json:"sales_cycle_median_days"`
	CycleDeals           int     `json:"cycle_deals"`

	// LostByReason groups lost deals by reason, largest value first.
	LostValue    int64      `json:"lost_value"`
	LostByReason []ValueRow `json:"lost_by_reason"`
}

// ComputeDeals computes pipeline, revenue, win rates, cycle and lost value.
func ComputeDeals(ds *model.Dataset, o Options) (Deals, error) {
	amt, cur, err := amounts(ds, o)
	if err != nil {
		return Deals{}, err
	}
	last := len(ds.Stages) - 1
	opp := o.oppStage(ds)
	out := Deals{Currency: cur, HasAmounts: amt != nil}
	if opp < 0 {
		return out, nil
	}
	out.OpportunityStage = ds.Stages[opp]
	at := func(i int) int64 {
		if amt == nil {
			return 0
		}
		return amt[i]
	}
	byStage := make([]ValueRow, len(ds.Stages))
	for k := range byStage {
		byStage[k].Label = ds.Stages[k]
	}
	chDim := o.channel(ds)
	var byChan map[string]*ValueRow
	if chDim != nil {
		byChan = map[string]*ValueRow{}
	}
	lost := map[string]*ValueRow{}
	var weighted int64
	var cycles []int32
	var acvSum int64
	for i := 0; i < ds.Len(); i++ {
		if !reachedAtLeast(ds, i, opp) {
			continue
		}
		out.Created++
		a := at(i)
		switch {
		case isWon(ds, i, last):
			out.Won++
			out.WonRevenue += a
			if a != 0 {
				out.WonWithAmount++
			}
			if ds.TermMonths != nil && ds.TermMonths[i] > 0 && a != 0 {
				out.ACVDeals++
				acvSum += a * 12 / int64(ds.TermMonths[i])
			}
			if od, wd := ds.Days[opp][i], wonDay(ds, i, last); od != model.NoDay && wd != model.NoDay && wd >= od {
				cycles = append(cycles, wd-od)
			}
		case ds.Exit[i] == model.ExitLost || ds.Exit[i] == model.ExitDisqualified:
			out.Lost++
			out.LostValue += a
			reason := ""
			if ds.Reason != nil {
				reason = ds.Reason.Value(i)
			}
			if reason == "" {
				reason = "(no reason)"
			}
			addRow(lost, reason, a)
		default:
			out.Open++
			out.OpenPipeline += a
			k := ds.Deepest(i)
			if k < opp {
				k = opp
			}
			byStage[k].Deals++
			byStage[k].Amount += a
			if byChan != nil {
				addRow(byChan, labelOr(chDim.Value(i)), a)
			}
			if ds.Probability != nil && ds.Probability[i] <= 100 {
				out.WeightedDeals++
				weighted += a * int64(ds.Probability[i]) / 100
			}
		}
	}
	for k := opp; k < last; k++ {
		out.PipelineByStage = append(out.PipelineByStage, byStage[k])
	}
	out.PipelineByChannel = sortedRows(byChan)
	out.LostByReason = sortedRows(lost)
	if out.WeightedDeals > 0 {
		out.WeightedPipeline = &weighted
	}
	// the sums in cents, each rounded once (ASP and ACV from the exact sums)
	c := ds.Cents
	if amt != nil {
		out.ASP = cents(ds, div(out.WonRevenue, out.WonWithAmount))
		out.ACV = cents(ds, div(acvSum, out.ACVDeals))
	}
	out.OpenPipeline, out.WonRevenue, out.LostValue = c(out.OpenPipeline), c(out.WonRevenue), c(out.LostValue)
	if out.WeightedPipeline != nil {
		w := c(*out.WeightedPipeline)
		out.WeightedPipeline = &w
	}
	for _, rows := range [][]ValueRow{out.PipelineByStage, out.PipelineByChannel, out.LostByReason} {
		for r := range rows {
			rows[r].Amount = c(rows[r].Amount)
		}
	}
	out.WinRateClosed = stats.Ratio(out.Won, out.Won+out.Lost)
	out.WinRateCreated = stats.Ratio(out.Won, out.Created)
	out.CycleDeals = len(cycles)
	out.SalesCycleMedianDays = median(cycles)
	return out, nil
}

// cents converts an optional amount in ds's units to cents.
func cents(ds *model.Dataset, v *int64) *int64 {
	if v == nil {
		return nil
	}
	x := ds.Cents(*v)
	return &x
}

func labelOr(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func addRow(m map[string]*ValueRow, label string, a int64) {
	r := m[label]
	if r == nil {
		r = &ValueRow{Label: label}
		m[label] = r
	}
	r.Deals++
	r.Amount += a
}

// sortedRows orders rows by value, then count, then label.
func sortedRows(m map[string]*ValueRow) []ValueRow {
	if m == nil {
		return nil
	}
	out := make([]ValueRow, 0, len(m))
	for _, r := range m {
		out = append(out, *r)
	}
	sort.Slice(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if x.Amount != y.Amount {
			return x.Amount > y.Amount
		}
		if x.Deals != y.Deals {
			return x.Deals > y.Deals
		}
		return x.Label < y.Label
	})
	return out
}
