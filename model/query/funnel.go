package query

import (
	"github.com/funnel-cli/funnel/model/query/filter"
)

// FunnelOptions set the window of the overview's funnel.
type FunnelOptions struct {
	// AsOf is the last day counted (as in Query): NoDay or 0 means the last
	// date in the data.
	AsOf int32
	// Months is how many calendar months the trend covers (default 12),
	// ending with the month that holds AsOf; months before the first date
	// in the data are left out.
	Months int
}

// StageCount is one stage of a funnel.
type StageCount struct {
	Name string `json:"name"`
	// Reached counts records that reached this stage or any later one (a
	// record seen at a later stage has passed this one).
	Reached int `json:"reached"`
	// Implied is how many of Reached were implied by a later stage rather
	// than marked at this one.
	Implied int `json:"implied"`
	// ConversionFromPrevious is Reached / the previous stage's Reached less
	// its Unknown (1 at the top).
	ConversionFromPrevious float64 `json:"conversion_from_previous"`
	// Unknown counts records whose deepest stage is this one and that may
	// have got further (StageStats.Unknown): left out of the next step.
	Unknown int `json:"stage_unknown,omitempty"`
	// ConversionFromTop is Reached / the first stage's Reached.
	ConversionFromTop float64 `json:"conversion_from_top"`
	// Monthly counts records entering this stage in each month of the
	// window (dates known only); Funnel.Months names them.
	Monthly []int `json:"monthly_entries,omitempty"`
}

// Funnel is the stage-by-stage count of a selection as of a date, with
// each stage's entries per month: the overview's numbers (and the
// report's stages and monthly trends). It is a view of a Compute result.
type Funnel struct {
	Records int          `json:"records"`
	AsOf    string       `json:"as_of,omitempty"`
	Months  []string     `json:"months,omitempty"`
	Stages  []StageCount `json:"stages"`
	// Warnings name data problems the numbers reveal (a later stage with
	// more records marked than an earlier one).
	Warnings []string `json:"warnings,omitempty"`
}

// Funnel is the overview's funnel of every record as of opt.AsOf
// (FunnelWhere with no filter). Results are remembered (a loader's
// goroutine counts the first one before the explorer draws it); treat
// them as read-only.
func (e *Engine) Funnel(opt FunnelOptions) Funnel {
	e.mu.Lock()
	f, ok := e.funnels[opt]
	e.mu.Unlock()
	if ok {
		return f
	}
	f, _ = e.FunnelWhere(filter.Filter{}, opt) // no filter: nothing to refuse
	e.mu.Lock()
	if e.funnels == nil || len(e.funnels) > 8 {
		e.funnels = map[FunnelOptions]Funnel{}
	}
	e.funnels[opt] = f
	e.mu.Unlock()
	return f
}

// FunnelWhere is the overview's funnel of the records f selects as of
// opt.AsOf: Compute's whole selection (records that came in after as-of
// left out, stage dates after it not counted) and, per stage, the stage
// dates in each of the last opt.Months months (the sparklines). A filter
// parsed for another dataset is an error.
func (e *Engine) FunnelWhere(f filter.Filter, opt FunnelOptions) (Funnel, error) {
	months := opt.Months
	if months <= 0 {
		months = 12
	}
	q := Query{AsOf: opt.AsOf}
	if !f.Empty() {
		q.Filters = []filter.Filter{f}
	}
	if e.ds.HasDates {
		q.Period, q.LastPeriods = PeriodMonth, months
	}
	r, err := e.Compute(q)
	if err != nil {
		return Funnel{}, err
	}
	return r.funnel(), nil
}

// funnel is the Funnel view of a month-period result.
func (r *Result) funnel() Funnel {
	f := Funnel{Records: r.Whole.Records, AsOf: r.AsOf, Warnings: r.Warnings, Stages: make([]StageCount, len(r.Whole.Stages))}
	for _, p := range r.Periods {
		f.Months = append(f.Months, p.Label)
	}
	for k, s := range r.Whole.Stages {
		sc := StageCount{Name: s.Name, Reached: s.Reached, Implied: s.Implied, Unknown: s.Unknown,
			ConversionFromPrevious: s.Step, ConversionFromTop: s.Cumulative}
		if len(r.Periods) > 0 {
			sc.Monthly = make([]int, len(r.Whole.Trend))
			for i, row := range r.Whole.Trend {
				sc.Monthly[i] = row.Stages[k].Events
			}
		}
		f.Stages[k] = sc
	}
	return f
}
