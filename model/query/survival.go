package query

// Survival is a Kaplan–Meier curve over whole days, built from histograms
// of event times and censoring times. Records still open are censored at
// their age: they count as at risk up to it and say nothing after.
// Records that can never have the event (they left another way) may be
// kept at risk forever ("never").
type Survival struct {
	// S[d] is the estimated probability of no event by the end of day d.
	S        []float64 `json:"-"`
	Events   int       `json:"events"`
	Censored int       `json:"censored"`
	Never    int       `json:"never,omitempty"`
}

// KaplanMeier builds the curve: events[d] records had the event after d
// days, censored[d] were last seen (still open) at d days, never records
// are at risk throughout and never have the event. At a tie an event comes
// before a censoring (the usual convention).
func KaplanMeier(events, censored []int32, never int) Survival {
	D := max(len(events), len(censored))
	s := Survival{S: make([]float64, D), Never: never}
	atRisk := never
	for d := 0; d < D; d++ {
		atRisk += int(at(events, d)) + int(at(censored, d))
		s.Events += int(at(events, d))
		s.Censored += int(at(censored, d))
	}
	surv := 1.0
	for d := 0; d < D; d++ {
		e, c := int(at(events, d)), int(at(censored, d))
		if e > 0 && atRisk > 0 {
			surv *= 1 - float64(e)/float64(atRisk)
		}
		s.S[d] = surv
		atRisk -= e + c
	}
	return s
}

func at(h []int32, d int) int32 {
	if d < len(h) {
		return h[d]
	}
	return 0
}

// At returns S(d): the share without the event after d days.
func (s Survival) At(d int) float64 {
	if d < 0 || len(s.S) == 0 {
		return 1
	}
	if d >= len(s.S) {
		return s.S[len(s.S)-1]
	}
	return s.S[d]
}

// End is S at the last day observed: the share estimated never to have
// the event within the data's horizon.
func (s Survival) End() float64 { return s.At(len(s.S) - 1) }

// Quantile returns the first day by which a share q of all records had
// the event, and false when the curve never gets there.
func (s Survival) Quantile(q float64) (int, bool) {
	for d, v := range s.S {
		if 1-v >= q-1e-12 {
			return d, true
		}
	}
	return 0, false
}

// QuantileAmongEvents returns the first day by which a share q of the
// records that do have the event (within the horizon) had it: the curve
// rescaled by its final level. Still-open records are censored, so young
// records lengthen the estimate only as far as the data says; records
// that never move do not keep the median undefined.
func (s Survival) QuantileAmongEvents(q float64) (int, bool) {
	f := 1 - s.End()
	if s.Events == 0 || f <= 0 {
		return 0, false
	}
	for d, v := range s.S {
		if 1-v >= q*f-1e-12 {
			return d, true
		}
	}
	return 0, false
}

// EventuallyAfter is the estimated chance that a record without the event
// after `age` days has it later (within the horizon).
func (s Survival) EventuallyAfter(age int) float64 {
	sa := s.At(age)
	if sa <= 0 {
		return 0
	}
	return (sa - s.End()) / sa
}
