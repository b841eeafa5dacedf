package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// Build computes the report of ds. Errors are about the options (an unknown
// dimension or section), never about the data.
func Build(ds *model.Dataset, opt Options) (*Report, error) {
	secs := opt.Sections
	if len(secs) == 0 {
		secs = []string{SecStages}
		if opt.By != "" {
			secs = append(secs, SecBreakdown)
		}
		if ds.HasDates {
			secs = append(secs, SecTrends, SecVelocity)
		}
		if opt.Spend != nil || opt.Money.Currency != "" {
			secs = append(secs, SecMoney)
		}
		if opt.Target != (plan.Target{}) {
			secs = append(secs, SecPlan)
		}
	}
	for _, s := range secs {
		if !Supported(s) {
			return nil, fmt.Errorf("section %q is not yet supported", s)
		}
	}
	if ds.Load.DimsSkipped && opt.NeedsDims(opt.Spend != nil) {
		return nil, fmt.Errorf("the data was loaded without its dimension columns, which this report needs; load it again in full")
	}
	if slices.Contains(secs, SecBreakdown) && opt.By == "" {
		return nil, fmt.Errorf("the breakdown section needs --by DIMENSION; dimensions are %s", strings.Join(ds.DimNames(), ", "))
	}
	if opt.By != "" && ds.Dim(opt.By) == nil {
		return nil, fmt.Errorf("--by %q: no such dimension; dimensions are %s", opt.By, strings.Join(ds.DimNames(), ", "))
	}
	full := opt.Engine
	if full == nil || full.Data() != ds {
		full = query.New(ds)
	}
	// the stages, breakdown, cohorts, trends and velocity are the engine's
	// queries of the whole data with the filter and the as-of date, as the
	// explorer's views ask them (so a filtered report keeps the whole
	// data's calendar); sel is the filtered records, uncut
	sel, flt, err := selectWhere(full, opt.Where, model.NoDay)
	if err != nil {
		return nil, err
	}
	ds, expr := sel.Data, flt.String()
	asOf := opt.asOf()
	sc := asked{e: full, q: query.Query{AsOf: asOf}}
	if !flt.Empty() {
		sc.q.Filters = []filter.Filter{flt}
	}
	f, err := funnelAsOf(sc)
	if err != nil {
		return nil, err
	}
	r := &Report{
		SchemaVersion:   SchemaVersion,
		Source:          source(full.Data().Load),
		AsOf:            f.AsOf,
		Filters:         []string{},
		Masked:          opt.Masked,
		Demo:            opt.Demo,
		ImmatureCohorts: []string{},
		Warnings:        append([]string{}, f.Warnings...),
		Sections:        []string{},
		Window:          Window{To: f.AsOf, HasDates: ds.HasDates, DatesInferred: ds.DatesInferred},
		Denominators:    Denominators{Records: f.Records},
	}
	for _, w := range opt.Where {
		if f, err := filter.Parse(w, full.Data()); err == nil {
			r.Filters = append(r.Filters, f.String())
		}
	}
	if len(f.Stages) > 0 {
		r.Denominators.TopStage, r.Denominators.TopReached = f.Stages[0].Name, f.Stages[0].Reached
	}
	var coh *Cohorts
	if ds.HasDates && f.AsOf != "" {
		r.Window.From = model.DayString(firstDay(ds))
		if coh, err = cohorts(sc, opt.period()); err != nil {
			return nil, err
		}
		r.ImmatureCohorts, r.MaturityRule = immatureFrom(coh, f.AsOf)
	} else {
		r.MaturityRule = "no dates: maturity unknown"
	}
	vel, stalled, err := times(sc)
	if err != nil {
		return nil, err
	}
	r.TimesNote = timesNote(ds, vel)
	// sticky points and money are computed on the records as known on the
	// as-of date, as the explorer's views are
	known := sel
	if asOf != model.NoDay && slices.ContainsFunc(secs, func(s string) bool {
		return s == SecStickyPoints || s == SecMoney || s == SecCustomers || s == SecSegments || s == SecPlan
	}) {
		if known, _, err = selectWhere(full, opt.Where, asOf); err != nil {
			return nil, err
		}
	}
	for _, s := range AllSections {
		if !slices.Contains(secs, s) {
			continue
		}
		r.Sections = append(r.Sections, s)
		switch s {
		case SecStages:
			r.Stages = stages(f, vel)
		case SecBreakdown:
			if r.Breakdown, err = breakdown(sc, opt.By, opt.Top); err != nil {
				return nil, err
			}
		case SecCohorts:
			if coh == nil {
				return nil, fmt.Errorf("the cohorts section needs stage dates; this data has none")
			}
			r.Cohorts = coh
		case SecTrends:
			if p := opt.period(); p != query.PeriodMonth && ds.HasDates {
				if r.Trends, err = engineTrends(sc, p); err != nil {
					return nil, err
				}
			} else {
				r.Trends = trends(f)
			}
		case SecVelocity:
			r.Velocity = velocity(ds, vel, stalled)
		case SecStickyPoints:
			r.StickyPoints = stickyPoints(known.Data, known.AsOf)
		case SecMoney:
			if r.Money, err = buildMoney(full.Data(), known, expr, opt); err != nil {
				return nil, err
			}
		case SecCustomers:
			if r.Customers, err = buildCustomers(known, opt); err != nil {
				return nil, err
			}
		case SecSegments:
			if r.Segments, err = buildSegments(full.Data(), known, expr, opt); err != nil {
				return nil, err
			}
		case SecPlan:
			day := asOf
			if day == model.NoDay {
				if hi, ok := full.Data().LatestDay(); ok {
					day = hi
				}
			}
			r.Plan = buildPlan(full.Data(), known, expr, day, opt)
		}
	}
	return r, nil
}

func source(ld model.LoadInfo) Source {
	s := Source{Files: append([]string{}, ld.Files...), Read: ld.Read, Used: ld.Used, Skipped: ld.Skipped,
		Problems: []Problem{}, Decisions: append([]string{}, ld.Decisions...), Notes: append([]string{}, ld.Notes...)}
	for _, p := range ld.Problems {
		s.Problems = append(s.Problems, Problem{File: p.File, Line: p.Line, Column: p.Column, Message: p.String()})
	}
	return s
}

// stages are the funnel's stages; the days from the previous stage are
// the engine's step times (vel; nil without dates), the stage detail's.
func stages(f query.Funnel, vel *query.VelocityResult) []Stage {
	out := make([]Stage, len(f.Stages))
	for k, s := range f.Stages {
		st := Stage{Name: s.Name, Reached: s.Reached, Implied: s.Implied, StageUnknown: s.Unknown,
			ConversionFromPrevious: s.ConversionFromPrevious, ConversionFromTop: s.ConversionFromTop}
		st.PreviousReached = s.Reached
		if k > 0 {
			st.PreviousReached = f.Stages[k-1].Reached - f.Stages[k-1].Unknown
			if vel != nil && k-1 < len(vel.Whole.Steps) {
				step := vel.Whole.Steps[k-1]
				st.TimedFromPrevious, st.MedianDaysFromPrevious = step.Moved, days(step.Median)
			}
		}
		out[k] = st
	}
	return out
}

// trends are the funnel's monthly entries (the overview's sparklines).
func trends(f query.Funnel) *Trends {
	t := &Trends{Period: "month", Change: query.PeriodMonth.ChangeName(), Periods: append([]string{}, f.Months...), Stages: []TrendStage{}}
	for _, s := range f.Stages {
		t.Stages = append(t.Stages, TrendStage{Name: s.Name, Entries: append([]int{}, s.Monthly...)})
	}
	return t
}

// timesNote says why no step has times when the data is the reason
// (query.NoTimes), "" when some step has them.
func timesNote(ds *model.Dataset, vel *query.VelocityResult) string {
	if vel != nil {
		// the steps between stages, not the entry-to-close cycle after them
		for k, st := range vel.Whole.Steps {
			if k+1 < len(ds.Stages) && st.Moved > 0 {
				return ""
			}
		}
	}
	return query.NoTimes(ds)
}

func firstDay(ds *model.Dataset) int32 {
	lo, _, _ := ds.DayRange()
	return lo
}
