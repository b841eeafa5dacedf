package money

import (
	"fmt"
	"sort"

	"github.com/funnel-cli/funnel/model"
)

// StageCost is what one record reaching a stage cost.
type StageCost struct {
	Stage   string `json:"stage"`
	Reached int    `json:"reached"`
	CostPer *int64 `json:"cost_per,omitempty"` // nil when none reached it
}

// Economics is the unit economics of one channel (or campaign), or of the
// whole spend (Name "Total": all spend, matched or not, over all records).
type Economics struct {
	Name  string `json:"name"`
	Spend int64  `json:"spend"`
	// Leads counts records of this group that entered the funnel in the
	// spend window; every stage count follows those same records to date.
	Leads int `json:"leads"`
	// CostPer is spend / records reaching each stage (CPL, CPMQL, CPSQL,
	// cost per opportunity, ... and per customer at the last stage).
	CostPer   []StageCost `json:"cost_per_stage"`
	Customers int         `json:"customers"`
	CAC       *int64      `json:"cac,omitempty"`
	// Pipeline is the value of the deals these leads created; PipelinePerCost
	// is Pipeline / Spend.
	Pipeline        int64    `json:"pipeline"`
	PipelinePerCost *float64 `json:"pipeline_per_cost,omitempty"`
	// FirstYearBookings values each won deal at its first 12 months (amount ×
	// 12/term when the term is longer than a year, else the whole amount).
	FirstYearBookings int64 `json:"first_year_bookings"`
	// ROI is (FirstYearBookings − Spend) / Spend.
	ROI *float64 `json:"roi,omitempty"`
	// PaybackMonths is CAC / monthly revenue per customer (revenue, not margin).
	PaybackMonths *float64 `json:"payback_months,omitempty"`
	// MonthlyChurn is churn events / customer-months over ChurnEvents events
	// (or the rate given in Options); LTV = monthly revenue per customer /
	// MonthlyChurn; nil when no churn was observed or given.
	MonthlyChurn *float64 `json:"monthly_churn,omitempty"`
	ChurnEvents  int      `json:"churn_events"`
	LTV          *int64   `json:"ltv,omitempty"`
	LTVToCAC     *float64 `json:"ltv_to_cac,omitempty"`
}

// UnitEconomics is spend joined to the funnel, per group and in total.
type UnitEconomics struct {
	Currency string `json:"currency"`
	By       string `json:"by"`
	// Window is the months the spend covers (first and last, YYYY-MM); leads
	// are counted by their entry date in it (a cohort view: recent leads
	// have had less time to convert).
	WindowFrom string      `json:"window_from"`
	WindowTo   string      `json:"window_to"`
	AsOf       string      `json:"as_of,omitempty"`
	Groups     []Economics `json:"groups"`
	Total      Economics   `json:"total"`
	Join       SpendJoin   `json:"join"`
	// Undated counts records left out because their entry date is unknown.
	Undated int      `json:"undated"`
	Notes   []string `json:"notes,omitempty"`
}

// ComputeUnitEconomics joins spend (by "channel" or "campaign") and computes
// cost per stage, CAC, pipeline per cost, ROI, payback and LTV:CAC.
func ComputeUnitEconomics(ds *model.Dataset, rows []SpendRow, by string, o Options) (UnitEconomics, error) {
	j, err := JoinSpend(ds, rows, by, o)
	if err != nil {
		return UnitEconomics{}, err
	}
	amt, cur, err := amounts(ds, o)
	if err != nil {
		return UnitEconomics{}, err
	}
	out := UnitEconomics{Currency: cur, By: j.By, Join: j}
	lo, hi := 1<<30, -1
	whole := false
	for _, r := range j.Rows {
		if r.Month == WholeWindow {
			whole = true
			continue
		}
		lo, hi = min(lo, r.Month), max(hi, r.Month)
	}
	if whole {
		// Spend with no period covers every month the data has.
		if dlo, dhi, ok := ds.DayRange(); ok {
			lo, hi = min(lo, model.MonthIndex(dlo)), max(hi, model.MonthIndex(dhi))
			out.Notes = append(out.Notes, fmt.Sprintf("the spend file gives no period: its spend covers the whole window, %s to %s", model.MonthLabel(lo), model.MonthLabel(hi)))
		}
	}
	if hi < 0 {
		out.Notes = append(out.Notes, "no spend rows")
		return out, nil
	}
	out.WindowFrom, out.WindowTo = model.MonthLabel(lo), model.MonthLabel(hi)
	asOf := o.asOf(ds)
	out.AsOf = model.DayString(asOf)
	dayLo, dayHi := model.MonthStart(lo), model.MonthStart(hi+1)-1
	if !ds.HasDates {
		out.Notes = append(out.Notes, "the data has no dates: every record is counted against the whole spend")
	}
	target := o.channel(ds)
	if j.By == "campaign" {
		target = o.campaign(ds)
	}
	acc := map[string]*econAcc{}
	total := newEconAcc("Total", len(ds.Stages))
	for g, r := range j.Rows {
		total.spend += r.Amount
		if name := j.Group[g]; name != "" {
			if acc[name] == nil {
				acc[name] = newEconAcc(name, len(ds.Stages))
			}
			acc[name].spend += r.Amount
		}
	}
	last, opp := len(ds.Stages)-1, o.oppStage(ds)
	for i := 0; i < ds.Len(); i++ {
		if ds.HasDates {
			d := ds.Days[0][i]
			if d == model.NoDay {
				out.Undated++
				continue
			}
			if d < dayLo || d > dayHi {
				continue
			}
		}
		var a int64
		if amt != nil {
			a = amt[i]
		}
		total.add(ds, i, a, last, opp, asOf)
		if target != nil {
			if g := acc[target.Value(i)]; g != nil {
				g.add(ds, i, a, last, opp, asOf)
			}
		}
	}
	for _, g := range acc {
		out.Groups = append(out.Groups, g.result(ds, o))
	}
	sort.Slice(out.Groups, func(a, b int) bool {
		if out.Groups[a].Spend != out.Groups[b].Spend {
			return out.Groups[a].Spend > out.Groups[b].Spend
		}
		return out.Groups[a].Name < out.Groups[b].Name
	})
	out.Total = total.result(ds, o)
	if len(j.Unmatched) > 0 {
		out.Notes = append(out.Notes, "unmatched spend is in the total, not in any group")
	}
	return out, nil
}

type econAcc struct {
	name                    string
	spend, pipeline, booked int64
	reached                 []int
	customers, churned      int
	exposureDays            int64
}

func newEconAcc(name string, ns int) *econAcc {
	return &econAcc{name: name, reached: make([]int, ns)}
}

func (e *econAcc) add(ds *model.Dataset, i int, a int64, last, opp int, asOf int32) {
	for k := range e.reached {
		if reachedAtLeast(ds, i, k) {
			e.reached[k]++
		}
	}
	if reachedAtLeast(ds, i, opp) {
		e.pipeline += a
	}
	if !isWon(ds, i, last) {
		return
	}
	e.customers++
	e.booked += firstYear(a, termOf(ds, i))
	if start, end, churned, ok := customerSpan(ds, i, last, asOf); ok {
		e.exposureDays += int64(end - start)
		if churned {
			e.churned++
		}
	}
}

func (e *econAcc) result(ds *model.Dataset, o Options) Economics {
	// deal amounts in cents (rounded once), as the spend is
	e.pipeline, e.booked = ds.Cents(e.pipeline), ds.Cents(e.booked)
	r := Economics{Name: e.name, Spend: e.spend, Leads: e.reached[0], Customers: e.customers,
		Pipeline: e.pipeline, FirstYearBookings: e.booked, ChurnEvents: e.churned}
	for k, n := range e.reached {
		r.CostPer = append(r.CostPer, StageCost{Stage: ds.Stages[k], Reached: n, CostPer: div(e.spend, n)})
	}
	r.CAC = div(e.spend, e.customers)
	if e.spend > 0 {
		r.PipelinePerCost = f64(float64(e.pipeline) / float64(e.spend))
		r.ROI = f64(float64(e.booked-e.spend) / float64(e.spend))
	}
	if e.booked > 0 && e.customers > 0 {
		r.PaybackMonths = f64(12 * float64(e.spend) / float64(e.booked))
	}
	switch {
	case o.MonthlyChurn > 0:
		r.MonthlyChurn = f64(o.MonthlyChurn)
	case e.churned > 0 && e.exposureDays > 0:
		r.MonthlyChurn = f64(float64(e.churned) / (float64(e.exposureDays) / daysPerMonth))
	}
	if r.MonthlyChurn != nil && e.customers > 0 && e.booked > 0 {
		monthly := float64(e.booked) / float64(e.customers) / 12
		ltv := int64(monthly / *r.MonthlyChurn)
		r.LTV = &ltv
		if r.CAC != nil && *r.CAC > 0 {
			r.LTVToCAC = f64(float64(ltv) / float64(*r.CAC))
		}
	}
	return r
}

const daysPerMonth = 30.4375

func termOf(ds *model.Dataset, i int) int {
	if ds.TermMonths == nil {
		return 0
	}
	return int(ds.TermMonths[i])
}

// firstYear is the part of a contract booked in its first 12 months: the
// whole amount for terms of a year or less (or unknown), amount×12/term beyond.
func firstYear(a int64, term int) int64 {
	if term > 12 {
		return a * 12 / int64(term)
	}
	return a
}

// customerSpan is a won record's life as a customer: from its won day to
// its churn day (churned) or asOf. ok is false when the won day is unknown.
func customerSpan(ds *model.Dataset, i, last int, asOf int32) (start, end int32, churned, ok bool) {
	start = wonDay(ds, i, last)
	if start == model.NoDay {
		return 0, 0, false, false
	}
	end = asOf
	if ds.Exit[i] == model.ExitChurned && ds.ExitDay[i] != model.NoDay && (asOf == model.NoDay || ds.ExitDay[i] <= asOf) {
		end, churned = ds.ExitDay[i], true
	}
	if end == model.NoDay || end < start {
		end = start
	}
	return start, end, churned, true
}
