package demo

import (
	"crypto/sha256"
	"math"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

// The truth's dataset is Generate's, record for record; the truth agrees
// with it up to the end date and goes on after it.
func TestTruthContinuesTheData(t *testing.T) {
	opt := Options{Rows: 20000, Seed: 5}
	ds, tr := GenerateWithTruth(opt)
	if sha256.Sum256([]byte(LeadsCSV(ds))) != sha256.Sum256([]byte(LeadsCSV(Generate(opt)))) {
		t.Fatal("GenerateWithTruth's records differ from Generate's")
	}
	later, exitsLater := 0, 0
	for i := 0; i < ds.Len(); i++ {
		for k := range ds.Stages {
			d, td := ds.Days[k][i], tr.Days[k][i]
			switch {
			case d != model.NoDay && d != td:
				t.Fatalf("lead %d stage %d: data %d, truth %d", i, k, d, td)
			case d == model.NoDay && td != model.NoDay && td <= tr.End:
				t.Fatalf("lead %d stage %d: truth reaches it on %d, before the end, but the data does not", i, k, td)
			case d == model.NoDay && td != model.NoDay:
				later++
			}
		}
		if x := ds.Exit[i]; x == model.ExitDisqualified || x == model.ExitLost {
			if tr.Exit[i] != x || tr.ExitDay[i] != ds.ExitDay[i] {
				t.Fatalf("lead %d: data exit %v on %d, truth %v on %d", i, x, ds.ExitDay[i], tr.Exit[i], tr.ExitDay[i])
			}
		}
		if ds.Exit[i] == model.ExitOpen && (tr.Exit[i] == model.ExitDisqualified || tr.Exit[i] == model.ExitLost) {
			exitsLater++
			if tr.ExitDay[i] <= tr.End {
				t.Fatalf("lead %d: open in the data, truth exits on %d before the end", i, tr.ExitDay[i])
			}
		}
		last := len(ds.Stages) - 1
		if tr.Reached(i, last) != (tr.Exit[i] == model.ExitWon) {
			t.Fatalf("lead %d: won %v, exit %v", i, tr.Reached(i, last), tr.Exit[i])
		}
	}
	if later == 0 || exitsLater == 0 {
		t.Errorf("nothing happens after the end: %d stages, %d exits", later, exitsLater)
	}
}

// A steady generator's channels convert at their stated rates: the share
// of paid-social leads that are eventually won matches the product.
func TestChannelsAreTheTruth(t *testing.T) {
	ds, tr := GenerateWithTruth(Options{Rows: 60000, Seed: 9, Steady: true})
	for _, c := range Channels() {
		want := 1.0
		for _, r := range c.Rates {
			want *= r
		}
		d := ds.Dim("channel")
		code, _ := d.Code(c.Name)
		n, won := 0, 0
		for i, x := range d.Codes.Uint32() {
			if x == code {
				n++
				if tr.Reached(i, len(Stages)-1) {
					won++
				}
			}
		}
		got := float64(won) / float64(n)
		if math.Abs(got-want) > 4*math.Sqrt(want*(1-want)/float64(n)) {
			t.Errorf("%s: %.4f of %d leads won, want %.4f", c.Name, got, n, want)
		}
	}
}
