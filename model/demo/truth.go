package demo

import (
	"math/rand/v2"

	"github.com/funnel-cli/funnel/model"
)

// Truth is what every lead of a generated dataset goes on to do, past the
// end of the data: its whole path, which only the generator knows. The
// dataset is that path cut at Options.End (what a CRM export on that day
// shows); estimates of eventual conversion and of time to the next stage
// are checked against it.
type Truth struct {
	End int32
	// Days[k][i] is the day lead i reaches stage k on its whole path
	// (model.NoDay: never).
	Days [][]int32
	// Exit and ExitDay are how and when the lead leaves for good:
	// ExitOpen for a lead that stalls and never closes, ExitWon on the day
	// it is won (churn is left out: a customer won is won).
	Exit    []model.ExitKind
	ExitDay []int32
}

// GenerateWithTruth builds the demo dataset (the same records Generate
// builds for the options) and the truth behind it.
func GenerateWithTruth(opt Options) (*model.Dataset, *Truth) {
	o := opt.withDefaults()
	ns := len(Stages)
	t := &Truth{End: o.End, Days: make([][]int32, ns), Exit: make([]model.ExitKind, o.Rows), ExitDay: make([]int32, o.Rows)}
	for k := range t.Days {
		t.Days[k] = make([]int32, o.Rows)
		for i := range t.Days[k] {
			t.Days[k][i] = model.NoDay
		}
	}
	for i := range t.ExitDay {
		t.ExitDay[i] = model.NoDay
	}
	return generate(opt, t), t
}

// Reached reports whether lead i ever reaches stage k.
func (t *Truth) Reached(i, k int) bool { return t.Days[k][i] != model.NoDay }

// stepper gives a lead's step rates: its channel's, the last step scaled
// by its segment's win factor, and the planted sticky point unless steady.
type stepper struct {
	ch         *channel
	seg        int
	stickyFrom int32
	steady     bool
}

func (s stepper) rate(stage int, day int32) float64 {
	rate := s.ch.rates[stage]
	if stage == len(Stages)-2 {
		rate *= segWin[s.seg]
	}
	if !s.steady && stage == StickyTransition && s.ch.name == StickyChannel && day >= s.stickyFrom {
		rate = 0.15
	}
	return rate
}

// exitKind is how a lead leaving at a stage leaves: lost once it is an
// opportunity, disqualified before.
func exitKind(stage int) model.ExitKind {
	if stage >= 4 {
		return model.ExitLost
	}
	return model.ExitDisqualified
}

// follow continues lead i past the end of the data: it reaches stage on
// day and goes on by the same rules, with random numbers of its own (so
// the records before the end are those Generate builds).
func (t *Truth) follow(i int, opt Options, s stepper, stage int, day int32) {
	r := rand.New(rand.NewPCG(opt.Seed^0x5eed_7a11, uint64(i)))
	ns := len(Stages)
	t.Days[stage][i] = day
	for stage < ns-1 {
		rate := s.rate(stage, day)
		delay := lognormal(r, delayMedian[stage], 0.8)
		if r.Float64() < rate {
			stage++
			day += int32(delay)
			t.Days[stage][i] = day
			continue
		}
		if r.Float64() < 0.12 {
			return // stalls for good
		}
		t.Exit[i], t.ExitDay[i] = exitKind(stage), day+int32(lognormal(r, delayMedian[stage]*1.5, 0.9))
		return
	}
	t.Exit[i], t.ExitDay[i] = model.ExitWon, day
}

// ChannelParams is a channel as the generator draws it: its share of
// leads and the chance of each step (the last averaged over segments).
type ChannelParams struct {
	Name  string
	Share float64
	Rates []float64
}

// Channels lists the generator's channels with their true rates, as a
// steady generator (Options.Steady) draws them.
func Channels() []ChannelParams {
	var total float64
	for _, c := range channels {
		total += c.weight
	}
	out := make([]ChannelParams, len(channels))
	for i, c := range channels {
		rates := append([]float64(nil), c.rates[:]...)
		last := 0.0
		for s, w := range segWeights {
			last += w * min(1, c.rates[len(c.rates)-1]*segWin[s])
		}
		rates[len(rates)-1] = last
		out[i] = ChannelParams{Name: c.name, Share: c.weight / total, Rates: rates}
	}
	return out
}
