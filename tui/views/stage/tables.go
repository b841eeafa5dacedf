package stage

import (
	"github.com/funnel-cli/funnel/tui/tabular"
)

// The stage detail as data (views.Tabler): its step conversion per entry
// cohort (what the chart draws), the time to the next stage, how records
// left it and every exit reason (the screen lists the first, and says how
// many more). The screen draws from these tables.

// conversionData is the step rate of each entry cohort: observed, and
// estimated for an immature one (the chart plots the estimate then).
func (s *Model) conversionData() tabular.Table {
	r, ds, k := s.res, s.common.Data(), s.stage
	t := tabular.Table{Name: "stage_conversion", Columns: []tabular.Column{{Name: "Cohort", Kind: tabular.KindText},
		{Name: "Entered", Kind: tabular.KindCount}, {Name: "Step rate", Kind: tabular.KindRate},
		{Name: "Estimated", Kind: tabular.KindRate}, {Name: "Immature", Kind: tabular.KindText}}}
	if k+1 >= len(ds.Stages) || r.cohorts == nil {
		return t
	}
	t.Title = "Step " + ds.Stages[k] + " → " + ds.Stages[k+1] + " by entry " + r.period.String()
	for _, c := range r.cohorts.Cohorts {
		obs, est, imm := tabular.Cell{Null: true}, tabular.Cell{Null: true}, ""
		if rate, ok := c.StepRate(k); ok {
			obs = tabular.Cell{Num: rate}
		}
		if k+1 < len(c.ImmatureStages) && c.ImmatureStages[k+1] {
			imm = "immature"
			if rate, ok := c.EstimatedStepRate(k); ok {
				est = tabular.Cell{Num: rate}
			}
		}
		entered := 0
		if k < len(c.Reached) {
			entered = c.Reached[k]
		}
		t.Rows = append(t.Rows, []tabular.Cell{{Str: c.Period}, {Num: float64(entered)}, obs, est, {Str: imm}})
	}
	return t
}

// timeData is the time to the next stage among those who move on.
func (s *Model) timeData() tabular.Table {
	t := tabular.Table{Name: "stage_time", Title: "Time to the next stage", Columns: []tabular.Column{
		{Name: "Quantile", Kind: tabular.KindText}, {Name: "Days", Kind: tabular.KindDays}}}
	st := s.res.step
	if st == nil || st.Median == nil {
		return t
	}
	t.Title = "Time " + st.From + " → " + st.To + " among those who move on"
	for _, q := range []struct {
		name string
		d    *float64
	}{{"median", st.Median}, {"p75", st.P75}, {"p90", st.P90}} {
		c := tabular.Cell{Null: q.d == nil}
		if q.d != nil {
			c.Num = *q.d
		}
		t.Rows = append(t.Rows, []tabular.Cell{{Str: q.name}, c})
	}
	return t
}

// exitsData is how the records whose deepest stage this is stand.
func (s *Model) exitsData() tabular.Table {
	l := s.res.stats.Left
	t := tabular.Table{Name: "stage_exits", Title: "Deepest stage " + s.common.Data().Stages[s.stage], Columns: []tabular.Column{
		{Name: "Outcome", Kind: tabular.KindText}, {Name: "Records", Kind: tabular.KindCount}}}
	for _, o := range []struct {
		name string
		n    int
	}{{"open", l.Open}, {"disqualified", l.Disqualified}, {"lost", l.Lost}, {"churned", l.Churned}, {"won", l.Won}} {
		t.Rows = append(t.Rows, []tabular.Cell{{Str: o.name}, {Num: float64(o.n)}})
	}
	return t
}

// reasonsData is every exit reason with its count and share.
func (s *Model) reasonsData() tabular.Table {
	r := s.res
	t := tabular.Table{Name: "stage_exit_reasons", Title: "Exit reasons at " + s.common.Data().Stages[s.stage], Columns: []tabular.Column{
		{Name: "Reason", Kind: tabular.KindText}, {Name: "Records", Kind: tabular.KindCount}, {Name: "Share", Kind: tabular.KindRate}}}
	for i, rc := range r.stats.Reasons {
		t.Rows = append(t.Rows, []tabular.Cell{{Str: rc.Reason}, {Num: float64(rc.Count)}, {Num: r.stats.ReasonShare(i)}})
	}
	return t
}

// Tables is what y copies and :export writes: the conversion per cohort,
// the time to the next stage, the exits and their reasons.
func (s *Model) Tables() []tabular.Table {
	if s.res == nil || s.res.err != nil {
		return nil
	}
	var out []tabular.Table
	for _, t := range []tabular.Table{s.conversionData(), s.timeData(), s.exitsData(), s.reasonsData()} {
		if len(t.Rows) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// Report says the stage's counts and times are the report's stages and
// velocity sections.
func (s *Model) Report() ([]string, []string) { return []string{"stages", "velocity"}, nil }
