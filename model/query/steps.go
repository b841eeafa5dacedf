package query

import "github.com/funnel-cli/funnel/model/stats"

// GroupStep is one breakdown group at a step (stage k → k+1), set against
// the rest of the selection: the breakdown view's row.
type GroupStep struct {
	Key     string `json:"key"`
	Records int    `json:"records"`
	// Reached is the group's count per stage; From and To those of the
	// step's two stages.
	Reached []int `json:"reached"`
	From    int   `json:"from"`
	To      int   `json:"to"`
	// Rate is To / From, Lo and Hi its Wilson 95% interval.
	Rate float64 `json:"rate"`
	Lo   float64 `json:"rate_lo"`
	Hi   float64 `json:"rate_hi"`
	// Lost is the conversions the group lost against the rest of the
	// selection: From × the rest's rate − To (negative: gained; 0 when the
	// group is the whole selection).
	Lost float64 `json:"lost"`
	// Few: fewer than stats.MinSample entered the step, not a finding.
	Few bool `json:"few,omitempty"`
	// Below: the group converts worse than the whole with confidence (the
	// top of its interval under the whole's rate), loses at least one
	// conversion and is not few.
	Below bool `json:"below,omitempty"`
	// Trend is the step's cohort rate per period (Result.Periods).
	Trend []float64 `json:"trend,omitempty"`
}

// Steps returns every group of the result at step k → k+1 (k is clamped
// to the last step); nil when the funnel has fewer than two stages.
func (r *Result) Steps(k int) []GroupStep {
	whole := r.Whole
	if len(whole.Stages) < 2 {
		return nil
	}
	k = min(max(k, 0), len(whole.Stages)-2)
	wFrom, wTo := whole.Stages[k].Reached, whole.Stages[k+1].Reached
	wRate := stats.Ratio(wTo, wFrom)
	out := make([]GroupStep, 0, len(r.Groups))
	for _, g := range r.Groups {
		s := GroupStep{Key: g.Key, Records: g.Records, From: g.Stages[k].Reached, To: g.Stages[k+1].Reached}
		for _, st := range g.Stages {
			s.Reached = append(s.Reached, st.Reached)
		}
		s.Rate = stats.Ratio(s.To, s.From)
		s.Lo, s.Hi = stats.Wilson95(s.To, s.From)
		if wFrom > s.From { // no rest, nothing to lose against
			rest := stats.Ratio(wTo-s.To, wFrom-s.From)
			s.Lost = rest*float64(s.From) - float64(s.To)
		}
		s.Few = s.From < stats.MinSample
		s.Below = s.Lost >= 1 && !s.Few && s.Hi < wRate
		for _, row := range g.Trend {
			s.Trend = append(s.Trend, row.Stages[k+1].Step)
		}
		out = append(out, s)
	}
	return out
}
