package report

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/model/stats"
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
	// the stages, breakdown, cohorts, trends and velocity apply the as-of
	// date themselves (the engine): they get the filtered records uncut
	sel, expr, err := selectWhere(full, opt.Where, model.NoDay)
	if err != nil {
		return nil, err
	}
	ds, eng := sel.Data, sel.Engine
	asOf := opt.asOf()
	f, err := funnelAsOf(eng, asOf)
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
		if coh, err = cohorts(eng, opt.period(), asOf); err != nil {
			return nil, err
		}
		r.ImmatureCohorts, r.MaturityRule = immatureFrom(coh, f.AsOf)
	} else {
		r.MaturityRule = "no dates: maturity unknown"
	}
	gaps := stageGaps(ds, asOf)
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
			r.Stages = stages(f, gaps)
		case SecBreakdown:
			if r.Breakdown, err = breakdown(eng, opt.By, opt.Top, asOf); err != nil {
				return nil, err
			}
		case SecCohorts:
			if coh == nil {
				return nil, fmt.Errorf("the cohorts section needs stage dates; this data has none")
			}
			r.Cohorts = coh
		case SecTrends:
			if p := opt.period(); p != query.PeriodMonth && ds.HasDates {
				if r.Trends, err = engineTrends(eng, p, asOf); err != nil {
					return nil, err
				}
			} else {
				r.Trends = trends(f, ds)
			}
		case SecVelocity:
			r.Velocity = velocity(ds, gaps)
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
				if _, hi, ok := full.Data().DayRange(); ok {
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
		Problems: []Problem{}, Decisions: append([]string{}, ld.Decisions...)}
	for _, p := range ld.Problems {
		s.Problems = append(s.Problems, Problem{File: p.File, Line: p.Line, Column: p.Column, Message: p.String()})
	}
	return s
}

func stages(f query.Funnel, gaps [][]int32) []Stage {
	out := make([]Stage, len(f.Stages))
	for k, s := range f.Stages {
		st := Stage{Name: s.Name, Reached: s.Reached, Implied: s.Implied,
			ConversionFromPrevious: s.ConversionFromPrevious, ConversionFromTop: s.ConversionFromTop}
		st.PreviousReached = s.Reached
		if k > 0 {
			st.PreviousReached = f.Stages[k-1].Reached
			st.TimedFromPrevious = len(gaps[k])
			st.MedianDaysFromPrevious = quantile(gaps[k], 0.5)
		}
		out[k] = st
	}
	return out
}

// stageGaps returns, per stage k > 0, the sorted days from stage k-1's date
// to stage k's over records with both dates in order, stage k's on or
// before asOf (model.NoDay: no limit).
func stageGaps(ds *model.Dataset, asOf int32) [][]int32 {
	g := make([][]int32, len(ds.Stages))
	if !ds.HasDates {
		return g
	}
	for k := 1; k < len(ds.Days); k++ {
		prev, cur := ds.Days[k-1], ds.Days[k]
		var d []int32
		for i := range cur {
			if cur[i] != model.NoDay && prev[i] != model.NoDay && cur[i] >= prev[i] && (asOf == model.NoDay || cur[i] <= asOf) {
				d = append(d, cur[i]-prev[i])
			}
		}
		slices.Sort(d)
		g[k] = d
	}
	return g
}

// quantile is the q-quantile of sorted values (midpoint of the two middle
// values for an even-sized median), nil when there are none.
func quantile(sorted []int32, q float64) *float64 {
	n := len(sorted)
	if n == 0 {
		return nil
	}
	pos := q * float64(n-1)
	lo := int(pos)
	v := float64(sorted[lo])
	if frac := pos - float64(lo); frac > 0 && lo+1 < n {
		v += frac * float64(sorted[lo+1]-sorted[lo])
	}
	return &v
}

func velocity(ds *model.Dataset, gaps [][]int32) []Velocity {
	out := []Velocity{}
	for k := 1; k < len(ds.Stages); k++ {
		out = append(out, Velocity{From: ds.Stages[k-1], To: ds.Stages[k], Records: len(gaps[k]),
			MedianDays: quantile(gaps[k], 0.5), P75Days: quantile(gaps[k], 0.75), P90Days: quantile(gaps[k], 0.9)})
	}
	return out
}

// trends are the funnel's monthly entries (the overview's sparklines),
// without the months before the data begins.
func trends(f query.Funnel, ds *model.Dataset) *Trends {
	skip := 0
	if lo, _, ok := ds.DayRange(); ok {
		first := model.MonthLabel(model.MonthIndex(lo))
		for skip < len(f.Months) && f.Months[skip] < first {
			skip++
		}
	}
	t := &Trends{Period: "month", Change: query.PeriodMonth.ChangeName(), Periods: append([]string{}, f.Months[skip:]...), Stages: []TrendStage{}}
	for _, s := range f.Stages {
		e := []int{}
		if len(s.Monthly) >= skip {
			e = append(e, s.Monthly[skip:]...)
		}
		t.Stages = append(t.Stages, TrendStage{Name: s.Name, Entries: e})
	}
	return t
}

func firstDay(ds *model.Dataset) int32 {
	lo, _, _ := ds.DayRange()
	return lo
}

func breakdown(e *query.Engine, by string, top int, asOf int32) (*Breakdown, error) {
	ds := e.Data()
	if top <= 0 {
		top = 10
	}
	dm := ds.Dim(by)
	ns := len(ds.Stages)
	// reached[code][stage]: a record counts at every stage up to its deepest
	reached := make([][]int, dm.Cardinality())
	records := make([]int, dm.Cardinality())
	if asOf != model.NoDay {
		if err := groupsAsOf(e, dm, asOf, records, reached); err != nil {
			return nil, err
		}
	} else {
		for i := range ds.Len() {
			code := dm.Codes.At(i)
			records[code]++
			if reached[code] == nil {
				reached[code] = make([]int, ns)
			}
			for k := 0; k < bits.Len16(ds.Reached[i]); k++ {
				reached[code][k]++
			}
		}
	}
	codes := make([]int, 0, len(records))
	for c, n := range records {
		if n > 0 {
			codes = append(codes, c)
		}
	}
	sort.SliceStable(codes, func(a, b int) bool {
		if records[codes[a]] != records[codes[b]] {
			return records[codes[a]] > records[codes[b]]
		}
		return dm.Values[codes[a]] < dm.Values[codes[b]]
	})
	b := &Breakdown{Dimension: dm.Name, Stages: append([]string{}, ds.Stages...), MinRecords: stats.MinSample, Groups: []Group{}}
	other := Group{Value: "(other)", Reached: make([]int, ns)}
	for j, c := range codes {
		if j >= top {
			b.OtherValues++
			other.Records += records[c]
			for k := range ns {
				other.Reached[k] += reached[c][k]
			}
			continue
		}
		v := dm.Values[c]
		if v == "" {
			v = "(blank)"
		}
		b.Groups = append(b.Groups, group(v, records[c], reached[c]))
	}
	if b.OtherValues > 0 {
		b.Groups = append(b.Groups, group(other.Value, other.Records, other.Reached))
	}
	return b, nil
}

func group(v string, n int, reached []int) Group {
	g := Group{Value: v, Records: n, Reached: append([]int{}, reached...), ConversionFromTop: make([]float64, len(reached)),
		Small: n < stats.MinSample}
	for k, r := range reached {
		g.ConversionFromTop[k] = stats.Ratio(r, reached[0])
	}
	return g
}
