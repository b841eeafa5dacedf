package insight

import (
	"fmt"
	"math"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// PropagationOptions configure TracePropagation.
type PropagationOptions struct {
	AsOf int32 // 0 or NoDay: last date in the data
	// Current and Previous periods (zero Current: the last whole month;
	// zero Previous: the period before Current).
	Current, Previous Period
	// NoLag compares every stage over the same days; by default the window
	// of stage k is shifted later by the typical (median) time from the top
	// to k, so the leads of a period are followed to where they arrive.
	NoLag bool
	FDR   float64 // default 0.05
	// MinSample: stages with fewer records in both periods together are not tested (default stats.MinSample).
	MinSample int
}

// PropagationStage is one stage's count in both periods.
type PropagationStage struct {
	Stage   string  `json:"stage"`
	LagDays int     `json:"lag_days"`
	Now     int     `json:"now"`
	Then    int     `json:"then"`
	Change  float64 `json:"change"` // relative, per day
	P       float64 `json:"p_value"`
	Q       float64 `json:"q_value"`
	Changed bool    `json:"changed"`
	// Passed is the relative change of this stage over that of the stage
	// above (1 = the change passed through unchanged); PassP tests it.
	Passed float64 `json:"passed"`
	PassP  float64 `json:"pass_p"`
	PassQ  float64 `json:"pass_q"`
	Breaks bool    `json:"breaks"` // significantly different from the stage above
	TooFew bool    `json:"too_few"`
}

// Propagation follows a count change down the funnel.
type Propagation struct {
	AsOf     string             `json:"as_of"`
	Current  string             `json:"current"`
	Previous string             `json:"previous"`
	Stages   []PropagationStage `json:"stages"`
	// Origin is the first (highest) stage whose count changed significantly.
	Origin string `json:"origin,omitempty"`
	// StopsAt is the first stage below Origin where the change no longer
	// shows up (something between it and the stage above is blocked);
	// "" when the change reaches the bottom.
	StopsAt string `json:"stops_at,omitempty"`
	Blocked string `json:"blocked,omitempty"` // "MQL→SAL"
	// Unexplained lists stages that changed significantly in a way the
	// stage above does not account for (a downstream change with no
	// upstream cause).
	Unexplained []string `json:"unexplained,omitempty"`
	Summary     string   `json:"summary"`
	Notes       []string `json:"notes,omitempty"`
}

// TracePropagation compares stage entry counts between two periods and
// follows a change from where it starts to where it stops.
func TracePropagation(ds *model.Dataset, opt PropagationOptions) Propagation {
	sopt := StickyOptions{MinSample: opt.MinSample, FDR: opt.FDR}.withDefaults()
	asOf := resolveAsOf(ds, opt.AsOf)
	cur, prev := opt.Current, opt.Previous
	if cur.From == 0 && cur.To == 0 {
		cur = DefaultCurrent(asOf)
	}
	if prev.From == 0 && prev.To == 0 {
		prev = cur.Previous()
	}
	res := Propagation{AsOf: model.DayString(asOf), Current: cur.String(), Previous: prev.String()}
	if !ds.HasDates {
		res.Summary = "the data has no stage dates: nothing to compare"
		return res
	}
	ns := len(ds.Stages)
	lag := 0
	var ps []float64
	var ptr []*float64
	type exposure struct{ now, then float64 }
	exp := make([]exposure, ns)
	cv := newCurves(ds, asOf)
	for k := 0; k < ns; k++ {
		if k > 0 && !opt.NoLag {
			lag += cv.maturity(k-1, 0.5)
		}
		cn, en := countEntries(ds, k, cur, int32(lag), asOf)
		ct, et := countEntries(ds, k, prev, int32(lag), asOf)
		exp[k] = exposure{en, et}
		s := PropagationStage{Stage: ds.Stages[k], LagDays: lag, Now: cn, Then: ct, P: 1, Q: 1, PassP: 1, PassQ: 1, Passed: 1}
		if en > 0 && et > 0 && ct > 0 {
			s.Change = (float64(cn)/en)/(float64(ct)/et) - 1
		}
		s.TooFew = cn+ct < sopt.MinSample || en <= 0
		if !s.TooFew {
			s.P = stats.CountRatioTest(cn, en, ct, et)
		}
		res.Stages = append(res.Stages, s)
		if en < float64(cur.Days()) {
			res.Notes = append(res.Notes, fmt.Sprintf("%s: the lagged window is cut at %s (%.0f of %d days)", s.Stage, res.AsOf, en, cur.Days()))
		}
	}
	for k := range res.Stages {
		s := &res.Stages[k]
		if !s.TooFew {
			ps, ptr = append(ps, s.P), append(ptr, &s.Q)
		}
		if k == 0 || s.TooFew || res.Stages[k-1].TooFew {
			continue
		}
		u := res.Stages[k-1]
		// log of (this stage's change) − log of (the stage above's), with
		// variance from all four counts (+½ to keep logs finite)
		lr := func(a, b int, ea, eb float64) float64 {
			return math.Log((float64(a)+0.5)/ea) - math.Log((float64(b)+0.5)/eb)
		}
		diff := lr(s.Now, s.Then, exp[k].now, exp[k].then) - lr(u.Now, u.Then, exp[k-1].now, exp[k-1].then)
		se := math.Sqrt(1/(float64(s.Now)+0.5) + 1/(float64(s.Then)+0.5) + 1/(float64(u.Now)+0.5) + 1/(float64(u.Then)+0.5))
		s.Passed = math.Exp(diff)
		s.PassP = 2 * stats.NormCDF(-math.Abs(diff)/se)
		ps, ptr = append(ps, s.PassP), append(ptr, &s.PassQ)
	}
	for i, q := range stats.BH(ps) {
		*ptr[i] = q
	}
	for k := range res.Stages {
		s := &res.Stages[k]
		s.Changed = !s.TooFew && s.Q <= sopt.FDR
		s.Breaks = k > 0 && !s.TooFew && !res.Stages[k-1].TooFew && s.PassQ <= sopt.FDR
	}
	res.trace()
	return res
}

func (res *Propagation) trace() {
	origin := -1
	for k, s := range res.Stages {
		if s.Changed {
			origin = k
			break
		}
	}
	defer func() {
		for k, s := range res.Stages {
			if k > 0 && s.Changed && s.Breaks && !res.Stages[k-1].Changed && s.Stage != res.StopsAt {
				res.Unexplained = append(res.Unexplained, s.Stage)
			}
		}
		if len(res.Unexplained) > 0 {
			res.Summary += fmt.Sprintf("; changes with no upstream cause at %s", strings.Join(res.Unexplained, ", "))
		}
	}()
	if origin < 0 {
		res.Summary = "no stage's count changed significantly"
		return
	}
	o := res.Stages[origin]
	res.Origin = o.Stage
	dir := sign(o.Change)
	word := map[float64]string{1: "rose", -1: "fell"}[dir]
	for k := origin + 1; k < len(res.Stages); k++ {
		s := res.Stages[k]
		if !s.Breaks || sign(math.Log(s.Passed)) != -dir {
			continue
		}
		if s.Changed && sign(s.Change) == dir {
			// weakened but still there: note it and follow on
			res.Notes = append(res.Notes, fmt.Sprintf("%s passed on only part of the change (%+.0f%% against %+.0f%% above)",
				s.Stage, s.Change*100, res.Stages[k-1].Change*100))
			continue
		}
		res.StopsAt = s.Stage
		res.Blocked = res.Stages[k-1].Stage + "→" + s.Stage
		res.Summary = fmt.Sprintf("%s %s %.0f%%; the change stops at %s (%s %+.0f%%): something between %s and %s is blocked",
			o.Stage, word, math.Abs(o.Change)*100, s.Stage, s.Stage, s.Change*100, res.Stages[k-1].Stage, s.Stage)
		break
	}
	if res.StopsAt == "" {
		lastSeen := origin
		for k := origin + 1; k < len(res.Stages) && !res.Stages[k].TooFew; k++ {
			lastSeen = k
		}
		res.Summary = fmt.Sprintf("%s %s %.0f%% and the change carries through to %s",
			o.Stage, word, math.Abs(o.Change)*100, res.Stages[lastSeen].Stage)
		if lastSeen < len(res.Stages)-1 {
			res.Summary += fmt.Sprintf(" (below that too few records, or too soon after %s, to tell)", res.AsOf)
		}
	}
}

// countEntries counts records entering stage k in p shifted by lag days,
// cut at asOf; it returns the count and the days covered.
func countEntries(ds *model.Dataset, k int, p Period, lag, asOf int32) (int, float64) {
	from, to := p.From+lag, min(p.To+lag, asOf)
	if to < from {
		return 0, 0
	}
	n := 0
	for _, d := range ds.Days[k] {
		if d != model.NoDay && d >= from && d <= to {
			n++
		}
	}
	return n, float64(to - from + 1)
}

func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
