package views

import (
	"fmt"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/report"
)

// TestEveryNumberHasOneHome: at a given state (filter, as-of, period, a
// breakdown), every number the views show equals the report's for the
// same flags: the overview (its counts under :asof included, its monthly
// entries and its top sticky points), the breakdown, trends, cohorts, the
// stage detail (time to the next stage, stalled), the sticky view and the
// money view.
func TestEveryNumberHasOneHome(t *testing.T) {
	c := demoCommon()
	ds := c.Data()
	for _, tc := range []struct {
		filter string
		asOf   int32
		period string
	}{
		{"", model.NoDay, "month"},
		{"", model.DayFromCivil(2026, 6, 15), "month"},
		{"channel!=chat", model.DayFromCivil(2026, 3, 31), "quarter"},
		{"segment in (SMB,Mid-market)", model.NoDay, "week"},
	} {
		name := fmt.Sprintf("filter %q as of %s by %s", tc.filter, model.DayString(tc.asOf), tc.period)
		st := State{Filter: tc.filter, Period: tc.period, AsOf: tc.asOf}
		per, _ := query.ParsePeriod(tc.period)
		opt := report.Options{By: "channel", Period: per, Engine: c.Engine, Sections: []string{report.SecStages,
			report.SecBreakdown, report.SecCohorts, report.SecTrends, report.SecVelocity, report.SecStickyPoints, report.SecMoney}}
		if tc.filter != "" {
			opt.Where = []string{tc.filter}
		}
		if tc.asOf != model.NoDay {
			opt.AsOf = tc.asOf
		}
		r, err := report.Build(ds, opt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Run(name, func(t *testing.T) {
			checkOverview(t, c, st, r)
			checkBreakdown(t, c, st, r)
			checkTrends(t, c, st, r)
			checkCohorts(t, c, st, r)
			checkStages(t, c, st, r)
			checkSticky(t, c, st, r)
			checkMoney(t, c, st, r)
		})
	}
}

func checkOverview(t *testing.T, c Common, st State, r *report.Report) {
	o := NewOverview(c)
	run(o, o.Update(StateMsg{State: st}))
	f := o.Funnel()
	if f.Records != r.Denominators.Records || f.AsOf != r.AsOf {
		t.Errorf("overview: %d records as of %s, report %d as of %s", f.Records, f.AsOf, r.Denominators.Records, r.AsOf)
	}
	for k, s := range f.Stages {
		rs := r.Stages[k]
		if s.Reached != rs.Reached || s.Implied != rs.Implied || s.ConversionFromPrevious != rs.ConversionFromPrevious ||
			s.ConversionFromTop != rs.ConversionFromTop {
			t.Errorf("overview %s: %+v, report %+v", s.Name, s, rs)
		}
	}
	if st.Period == "month" {
		if fmt.Sprint(f.Months) != fmt.Sprint(r.Trends.Periods) {
			t.Errorf("overview months %v, report %v", f.Months, r.Trends.Periods)
		}
		for k, s := range f.Stages {
			if fmt.Sprint(s.Monthly) != fmt.Sprint(r.Trends.Stages[k].Entries) {
				t.Errorf("overview %s monthly %v, report %v", s.Name, s.Monthly, r.Trends.Stages[k].Entries)
			}
		}
	}
	if o.insights == nil || o.insights.err != nil {
		t.Fatalf("overview insights %+v", o.insights)
	}
	found := o.insights.sticky.Found()
	for i := 0; i < min(3, len(found), len(r.StickyPoints)); i++ {
		p, rp := found[i], r.StickyPoints[i]
		if p.Stage != rp.Stage || p.Dimension != rp.Dimension || p.Value != rp.Value || p.Entered != rp.Entered ||
			p.Converted != rp.Converted || p.LostConversions != rp.LostConversions {
			t.Errorf("overview sticky point %d: %s %s=%s %d/%d, report %s %s=%s %d/%d", i, p.Stage, p.Dimension, p.Value,
				p.Converted, p.Entered, rp.Stage, rp.Dimension, rp.Value, rp.Converted, rp.Entered)
		}
	}
	if min(3, len(found)) != min(3, len(r.StickyPoints)) {
		t.Errorf("overview shows %d sticky points, the report has %d", min(3, len(found)), len(r.StickyPoints))
	}
}

func checkBreakdown(t *testing.T, c Common, st State, r *report.Report) {
	b := NewBreakdown(c, st, "channel")
	run(b, b.Init())
	if b.res == nil {
		t.Fatalf("breakdown: %v", b.err)
	}
	byValue := map[string]report.Group{}
	for _, g := range r.Breakdown.Groups {
		byValue[g.Value] = g
	}
	for _, g := range b.res.Groups {
		rg, ok := byValue[g.Key]
		if !ok {
			t.Errorf("breakdown %s: not in the report", g.Key)
			continue
		}
		for k, s := range g.Stages {
			if s.Reached != rg.Reached[k] || s.Cumulative != rg.ConversionFromTop[k] {
				t.Errorf("breakdown %s stage %d: %d (%.4f), report %d (%.4f)", g.Key, k, s.Reached, s.Cumulative, rg.Reached[k], rg.ConversionFromTop[k])
			}
		}
		if g.Records != rg.Records {
			t.Errorf("breakdown %s: %d records, report %d", g.Key, g.Records, rg.Records)
		}
	}
	if len(b.res.Groups) != len(r.Breakdown.Groups) {
		t.Errorf("breakdown: %d groups, report %d", len(b.res.Groups), len(r.Breakdown.Groups))
	}
}

func checkTrends(t *testing.T, c Common, st State, r *report.Report) {
	v := NewTrends(c, st)
	run(v, v.Init())
	if v.res == nil {
		t.Fatalf("trends: %v", v.err)
	}
	at := map[string]int{}
	for i, p := range r.Trends.Periods {
		at[p] = i
	}
	common := 0
	for pi, p := range v.res.Periods {
		i, ok := at[p.Label]
		if !ok {
			continue
		}
		common++
		for k := range v.res.Stages {
			if got, want := v.res.Whole.Trend[pi].Stages[k].Events, r.Trends.Stages[k].Entries[i]; got != want {
				t.Errorf("trends %s stage %d: %d, report %d", p.Label, k, got, want)
			}
		}
	}
	if common == 0 {
		t.Error("trends: no period in common with the report")
	}
}

func checkCohorts(t *testing.T, c Common, st State, r *report.Report) {
	v := NewCohorts(c, st)
	run(v, v.Init())
	if v.res == nil {
		t.Fatalf("cohorts: %v", v.err)
	}
	if fmt.Sprint(deref(v.res.MatureAfterDays)) != fmt.Sprint(deref(r.Cohorts.MatureAfterDays)) {
		t.Errorf("cohorts mature after %v days, report %v", deref(v.res.MatureAfterDays), deref(r.Cohorts.MatureAfterDays))
	}
	rows := map[string]report.CohortRow{}
	for _, row := range r.Cohorts.Rows {
		rows[row.Cohort] = row
	}
	common := 0
	for _, co := range v.res.Cohorts {
		row, ok := rows[co.Period]
		if !ok {
			continue
		}
		common++
		if co.Size != row.Entered || fmt.Sprint(co.Reached) != fmt.Sprint(row.Reached) || co.Immature != row.Immature ||
			co.Converted != row.Converted || co.Open != row.Open || co.Observed != row.Observed || co.Estimated != row.Estimated || co.Few != row.Few {
			t.Errorf("cohort %s: %+v, report %+v", co.Period, co, row)
		}
	}
	if common == 0 {
		t.Error("cohorts: no cohort in common with the report")
	}
}

func checkStages(t *testing.T, c Common, st State, r *report.Report) {
	for k := 0; k+1 < len(c.Data().Stages); k++ {
		s := NewStageDetail(c, st, k)
		run(s, s.Init())
		res := s.res
		if res == nil || res.err != nil {
			t.Fatalf("stage %d: %+v", k, res)
		}
		if res.stats.Reached != r.Stages[k].Reached {
			t.Errorf("stage %d: %d reached, report %d", k, res.stats.Reached, r.Stages[k].Reached)
		}
		v := r.Velocity[k]
		if res.step == nil {
			t.Fatalf("stage %d: no time to the next stage", k)
		}
		sp := res.step
		if sp.Moved != v.Records || sp.Open != v.Open || sp.Left != v.Left || fmt.Sprint(days64(sp.Median), days64(sp.P75), days64(sp.P90)) !=
			fmt.Sprint(deref(v.MedianDays), deref(v.P75Days), deref(v.P90Days)) {
			t.Errorf("stage %d → next: moved %d open %d %v/%v/%v, report %+v", k, sp.Moved, sp.Open, deref(sp.Median), deref(sp.P75), deref(sp.P90), v)
		}
		if th := res.threshold; th != nil && th.P90Days != nil {
			if v.Stalled == nil || *v.Stalled != th.Stalled {
				t.Errorf("stage %d: %d stalled, report %v", k, th.Stalled, deref(v.Stalled))
			}
		}
		if r.Stages[k+1].TimedFromPrevious != sp.Moved || fmt.Sprint(deref(r.Stages[k+1].MedianDaysFromPrevious)) != fmt.Sprint(days64(sp.Median)) {
			t.Errorf("stage %d: the report's stages give another time to the next stage", k)
		}
	}
}

func checkSticky(t *testing.T, c Common, st State, r *report.Report) {
	s := NewSticky(c, st)
	run(s, s.Init())
	found := s.Findings()
	if len(found) != len(r.StickyPoints) {
		t.Fatalf("sticky view: %d findings, report %d", len(found), len(r.StickyPoints))
	}
	for i, p := range found {
		rp := r.StickyPoints[i]
		if p.Stage != rp.Stage || p.Dimension != rp.Dimension || p.Value != rp.Value || p.Entered != rp.Entered ||
			p.Converted != rp.Converted || p.LostConversions != rp.LostConversions || p.QValue != rp.QValue {
			t.Errorf("sticky %d: %+v, report %+v", i, p, rp)
		}
	}
}

func checkMoney(t *testing.T, c Common, st State, r *report.Report) {
	m := NewMoney(c, st)
	run(m, m.Init())
	d := m.Data()
	if d.DealsErr != nil || r.Money == nil {
		t.Fatalf("money: %v / %+v", d.DealsErr, r.Money)
	}
	a, b := d.Deals, r.Money.Deals
	if a.Won != b.Won || a.WonRevenue != b.WonRevenue || a.OpenPipeline != b.OpenPipeline || a.Created != b.Created ||
		a.WinRateClosed != b.WinRateClosed || a.LostValue != b.LostValue {
		t.Errorf("money: won %d %d open %d created %d, report won %d %d open %d created %d", a.Won, a.WonRevenue, a.OpenPipeline, a.Created,
			b.Won, b.WonRevenue, b.OpenPipeline, b.Created)
	}
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// days64 is a time in days as the report writes it.
func days64(d *float64) any {
	if d == nil {
		return nil
	}
	return *d
}
