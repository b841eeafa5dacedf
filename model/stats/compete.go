package stats

import "math"

// Incidence is the Aalen–Johansen estimate of competing risks over whole
// days: the chance of each kind of event (a cause) by each day, when other
// causes can happen first and some records are still waiting (censored).
//
// In a funnel the causes are "moved on" (reached the next stage, or won)
// and "left" (disqualified or lost). A record that left can no longer move
// on, so it must not be kept at risk (Kaplan–Meier with exits kept at risk
// forever says "not yet" of a lead that is gone); a record still open is
// censored at its age: it says nothing about what happens after.
type Incidence struct {
	// S[d] is the chance of no event of any cause by the end of day d.
	S []float64
	// F[c][d] is the cumulative incidence of cause c by the end of day d:
	// the chance that cause c happened first, on day d or before.
	F [][]float64
	// Events counts the events of each cause; Censored the records still
	// waiting when last seen.
	Events   []int
	Censored int
}

// AalenJohansen estimates the incidence of each cause. events[c][d]
// records had an event of cause c after d whole days; censored[d] were
// last seen without an event after d days. At a tie the events of day d
// come before its censorings (a record censored at d was at risk on d).
// Slices may differ in length: missing days count 0.
func AalenJohansen(events [][]int32, censored []int32) Incidence {
	var inc Incidence
	inc.Fill(events, censored)
	return inc
}

// Fill is AalenJohansen into inc, reusing its slices' room (a caller
// estimating many curves one after another allocates once).
func (inc *Incidence) Fill(events [][]int32, censored []int32) {
	D := len(censored)
	for _, e := range events {
		D = max(D, len(e))
	}
	grow := func(f []float64) []float64 {
		if cap(f) < D {
			return make([]float64, D)
		}
		return f[:D]
	}
	inc.S = grow(inc.S)
	if cap(inc.F) < len(events) {
		inc.F = make([][]float64, len(events))
	}
	inc.F = inc.F[:len(events)]
	if cap(inc.Events) < len(events) {
		inc.Events = make([]int, len(events))
	}
	inc.Events = inc.Events[:len(events)]
	inc.Censored = 0
	atRisk := 0
	for d := 0; d < D; d++ {
		c := int(day(censored, d))
		inc.Censored += c
		atRisk += c
	}
	for ci, e := range events {
		inc.F[ci] = grow(inc.F[ci])
		inc.Events[ci] = 0
		for d := 0; d < D; d++ {
			n := int(day(e, d))
			inc.Events[ci] += n
			atRisk += n
		}
	}
	surv := 1.0
	for d := 0; d < D; d++ {
		all := 0
		for ci, e := range events {
			n := int(day(e, d))
			all += n
			prev := 0.0
			if d > 0 {
				prev = inc.F[ci][d-1]
			}
			if n > 0 && atRisk > 0 {
				prev += surv * float64(n) / float64(atRisk)
			}
			inc.F[ci][d] = prev
		}
		if all > 0 && atRisk > 0 {
			surv *= 1 - float64(all)/float64(atRisk)
		}
		inc.S[d] = surv
		atRisk -= all + int(day(censored, d))
	}
}

func day(h []int32, d int) int32 {
	if d < len(h) {
		return h[d]
	}
	return 0
}

// Days is the horizon: the number of days the estimate covers.
func (inc Incidence) Days() int { return len(inc.S) }

// Survival is the chance of no event of any cause by the end of day d
// (1 before day 0; the last estimate after the horizon).
func (inc Incidence) Survival(d int) float64 {
	if d < 0 || len(inc.S) == 0 {
		return 1
	}
	return inc.S[min(d, len(inc.S)-1)]
}

// At is the incidence of cause c by the end of day d.
func (inc Incidence) At(c, d int) float64 {
	if c < 0 || c >= len(inc.F) || d < 0 || len(inc.F[c]) == 0 {
		return 0
	}
	f := inc.F[c]
	return f[min(d, len(f)-1)]
}

// Total is the incidence of cause c within the horizon: the estimated
// share of all records whose first event is of cause c.
func (inc Incidence) Total(c int) float64 { return inc.At(c, len(inc.S)-1) }

// Later is the chance that a record without any event after age days has
// an event of cause c later (within the horizon): the incidence still to
// come divided by the chance of being event-free at that age. This is the
// right question for a record that is still open; dividing by "no event
// of cause c yet" would count records that already left among those who
// may still move on.
func (inc Incidence) Later(c, age int) float64 {
	s := inc.Survival(age)
	if s <= 0 {
		return 0
	}
	return math.Max(0, math.Min(1, (inc.Total(c)-inc.At(c, age))/s))
}

// Quantile is the time in days by which a share q (0..1) of the records
// that have an event of cause c (within the horizon) had it: a quantile of
// the time to the event among those who reach it. Events of day d are
// spread evenly over [d, d+1), so the result is continuous (an event on
// day 0, the same day, counts as half a day on average). False when cause
// c never happened.
func (inc Incidence) Quantile(c int, q float64) (float64, bool) {
	total := inc.Total(c)
	if c < 0 || c >= len(inc.F) || inc.Events[c] == 0 || total <= 0 {
		return 0, false
	}
	q = math.Max(0, math.Min(1, q))
	want := q * total
	prev := 0.0
	for d, v := range inc.F[c] {
		if v >= want-1e-12*total && v > prev {
			return float64(d) + math.Max(0, math.Min(1, (want-prev)/(v-prev))), true
		}
		prev = v
	}
	return float64(len(inc.F[c])), true
}

// QuantileDays is Quantile rounded up to whole days: the age from which a
// share q of the records that will have the event have had it. For a
// maturity rule: younger than this, a record is "too young to tell".
func (inc Incidence) QuantileDays(c int, q float64) (int, bool) {
	t, ok := inc.Quantile(c, q)
	if !ok {
		return 0, false
	}
	return int(math.Ceil(t - 1e-9)), true
}
