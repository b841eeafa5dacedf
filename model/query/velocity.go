package query

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// VelocityMethod says how times are estimated; every velocity result states it.
const VelocityMethod = "time to the next stage among the records that reach it, by the Aalen–Johansen estimator " +
	"over whole days: a record still open at a stage is censored at its age on the as-of date, one that left there " +
	"(disqualified, lost; an exit without a date on its date at the stage) is a competing event; quantiles are of the " +
	"incidence of moving on, rescaled by its final level, with each day's moves spread evenly over the day"

// VelocityResult holds times between consecutive stages and from entry to
// close, for the whole selection, per breakdown value and per period (the
// period of the step's start date).
type VelocityResult struct {
	AsOf     string          `json:"as_of"`
	TimeZone string          `json:"time_zone"`
	Filter   string          `json:"filter,omitempty"`
	By       string          `json:"by,omitempty"`
	Period   string          `json:"period,omitempty"`
	Periods  []PeriodInfo    `json:"periods,omitempty"`
	Method   string          `json:"method"`
	Whole    VelocitySlice   `json:"whole"`
	Groups   []VelocitySlice `json:"groups,omitempty"`
	Trend    []VelocitySlice `json:"trend,omitempty"`
	// Negative counts steps left out because the later date is before the earlier one.
	Negative int `json:"negative_durations,omitempty"`
}

// VelocitySlice is the steps of one group or period.
type VelocitySlice struct {
	Key   string     `json:"key"`
	Steps []StepTime `json:"steps"`
}

// StepTime is the time taken by one step (From → To; To is "close" for
// the cycle from entry to won, lost or disqualified).
type StepTime struct {
	From string `json:"from"`
	To   string `json:"to"`
	// Moved counts records observed to take the step, Open those still
	// open at From (censored), Left those that left at From (competing).
	Moved int `json:"moved"`
	Open  int `json:"open"`
	Left  int `json:"left"`
	// Median, P75, P90 in days, to a tenth (nil when nothing moved): the
	// time to the next stage among the records that reach it.
	Median *float64 `json:"median_days"`
	P75    *float64 `json:"p75_days"`
	P90    *float64 `json:"p90_days"`
	// MoveShare is the estimated share of the records at From that take
	// the step within the data's horizon (exits competing).
	MoveShare float64 `json:"move_share"`
	Few       bool    `json:"few,omitempty"`

	inc  stats.Incidence // the whole selection's steps only
	p90d int
}

// Incidence is the step's Aalen–Johansen estimate (cause 0 moving on,
// cause 1 leaving, by days since the record reached From) for the whole
// selection's steps; the zero Incidence for a group's or a period's.
func (s StepTime) Incidence() stats.Incidence { return s.inc }

// P90Days is the p90 rounded up to whole days (-1 when nothing moved).
func (s StepTime) P90Days() int { return s.p90d }

// Velocity lanes: per cell and step, the days to moving on, the ages of
// records still open, and the days to leaving.
const (
	laneMoved = iota
	laneOpen
	laneLeft
	lanes
)

// CycleTo names the last step's end.
const CycleTo = "close"

// velHist is the duration histograms of one pass: [cell][step][lane][D].
type velHist struct {
	T, D    int
	g, p    []int32
	G1, P1  int
	neg     int
	periods bool
	// derive: one group and periods, so events are counted by period only
	// and the whole is their sum (deriveWhole).
	derive bool
	days   velDays
	opt    velOptions
	// cyc and pcyc are the entry-to-close events, [cell][D][4 lanes].
	cyc, pcyc []int32
	// heaps keep, per stage, the opt.oldest oldest open records (Stalled);
	// oldest collects them over all workers.
	heaps  []*stallHeap
	oldest []stallRef
}

// velOptions trims the velocity pass for Stalled: stepsOnly skips the
// entry-to-close cycle, oldest > 0 keeps that many oldest open records
// per stage.
type velOptions struct {
	stepsOnly bool
	oldest    int
}

func (h *velHist) add(o *velHist) {
	addRange(h.g, o.g)
	addRange(h.p, o.p)
	addRange(h.days.n, o.days.n)
	h.neg += o.neg
}

// Velocity measures how long each step takes.
func (e *Engine) Velocity(q Query) (*VelocityResult, error) {
	ds := e.ds
	p, err := e.newPlan(q)
	if err != nil {
		return nil, err
	}
	if !ds.HasDates {
		return nil, fmt.Errorf("the data has no stage dates, so there are no times between stages")
	}
	h, err := p.velocity()
	if err != nil {
		return nil, err
	}
	r := &VelocityResult{AsOf: model.DayString(p.asOf), TimeZone: TimeZoneNote, Method: VelocityMethod, Negative: h.neg}
	for _, f := range q.Filters {
		r.Filter = joinSpace(r.Filter, f.String())
	}
	r.Whole = p.velSlice("", h, -1, false)
	if q.By != "" {
		r.By = ds.Dim(q.By).Name
		for g, key := range p.groups {
			s := p.velSlice(key, h, g, false)
			if s.Steps[0].Moved+s.Steps[0].Open+s.Steps[len(s.Steps)-1].Moved+s.Steps[len(s.Steps)-1].Open > 0 {
				r.Groups = append(r.Groups, s)
			}
		}
	}
	if p.P > 0 {
		r.Period, r.Periods = q.Period.String(), p.pt.periods
		for pi, per := range p.pt.periods {
			r.Trend = append(r.Trend, p.velSlice(per.Label, h, pi, true))
		}
	}
	return r, nil
}

func joinSpace(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

// velocity runs the pass filling the duration histograms.
func (p *plan) velocity() (*velHist, error) { return p.velocityWith(velOptions{}) }

func (p *plan) velocityWith(opt velOptions) (*velHist, error) {
	ns := p.ns
	T := ns // ns-1 steps and the cycle
	D := int(min(max(p.dataHi-p.dataLo, 0), 3660)) + 1
	G1, P1 := p.G+1, p.P+1
	if (G1+P1)*T*lanes*D > 1<<25 {
		return nil, fmt.Errorf("too many groups or periods for velocity (%d × %d): use a coarser period or fewer groups", p.G, p.P)
	}
	span := int(max(p.dataHi-p.dataLo, 0)) + 1
	mk := func() *velHist {
		pn := 1 // the junk cell
		if p.P > 0 {
			pn += (P1 + 1) * T * lanes * D // and a row for rejected records
		}
		h := &velHist{T: T, D: D, G1: G1, P1: P1, g: make([]int32, G1*T*lanes*D+1), p: make([]int32, pn),
			periods: p.P > 0, derive: p.P > 0 && p.G == 1, days: velDays{span: span, n: make([]int32, (p.G+1)*2*span+1)}, opt: opt}
		if !opt.stepsOnly {
			h.cyc = make([]int32, G1*D*4)
			if p.P > 0 {
				h.pcyc = make([]int32, (P1+1)*D*4)
			}
		}
		if opt.oldest > 0 {
			for range ns {
				h.heaps = append(h.heaps, &stallHeap{limit: opt.oldest})
			}
		}
		return h
	}
	parts := make([]*velHist, workersFor(p.ds.Len()))
	p.scan(func(w int) func(*block) {
		h := mk()
		parts[w] = h
		return func(b *block) { p.velBlock(h, b) }
	})
	for _, o := range parts {
		if o.cyc != nil {
			o.foldCycle()
		}
	}
	h := parts[0]
	for _, o := range parts[1:] {
		h.add(o)
	}
	if h.derive {
		h.deriveWhole()
	}
	for _, o := range parts {
		for _, hp := range o.heaps {
			h.oldest = append(h.oldest, hp.refs...)
		}
	}
	p.finishDays(h)
	return h, nil
}

// velSlice derives the steps of group (or period, when isPeriod) idx; -1 sums all groups.
func (p *plan) velSlice(key string, h *velHist, idx int, isPeriod bool) VelocitySlice {
	T, D := h.T, h.D
	s := VelocitySlice{Key: key, Steps: make([]StepTime, T)}
	whole := idx < 0 && !isPeriod
	var scratch stats.Incidence
	ev, ce, ex := make([]int32, D), make([]int32, D), make([]int32, D)
	for step := 0; step < T; step++ {
		clear(ev)
		clear(ce)
		clear(ex)
		sum := func(src []int32, cell int) {
			base := (cell*T + step) * lanes * D
			addRange(ev, src[base+laneMoved*D:base+laneMoved*D+D])
			addRange(ce, src[base+laneOpen*D:base+laneOpen*D+D])
			addRange(ex, src[base+laneLeft*D:base+laneLeft*D+D])
		}
		switch {
		case isPeriod:
			sum(h.p, idx)
		case idx >= 0:
			sum(h.g, idx)
		default:
			for g := 0; g < p.G; g++ {
				sum(h.g, g)
			}
		}
		inc := &scratch
		st := StepTime{From: p.ds.Stages[min(step, p.ns-1)], p90d: -1}
		if whole { // kept: the stalled thresholds and the analyses read it
			inc = &st.inc
		}
		inc.Fill([][]int32{ev, ex}, ce)
		if step < T-1 {
			st.To = p.ds.Stages[step+1]
		} else {
			st.From, st.To = "entry", CycleTo
		}
		st.Moved, st.Open, st.Left = inc.Events[0], inc.Censored, inc.Events[1]
		if st.Moved > 0 {
			st.MoveShare = inc.Total(0)
			for qi, q := range []float64{0.5, 0.75, 0.9} {
				if d, ok := inc.Quantile(0, q); ok {
					v := math.Round(d*10) / 10
					*[]**float64{&st.Median, &st.P75, &st.P90}[qi] = &v
				}
			}
			if d, ok := inc.QuantileDays(0, 0.9); ok {
				st.p90d = d
			}
		}
		st.Few = st.Moved < stats.MinSample
		s.Steps[step] = st
	}
	return s
}
