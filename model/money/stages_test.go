package money

import "testing"

func TestWonByValueRest(t *testing.T) {
	ds := fixtureDataset(t)
	w, err := WonByValue(ds, "channel", Options{})
	if err != nil || w == nil {
		t.Fatalf("%v %v", w, err)
	}
	sum, rev := 0, int64(0)
	for _, v := range ds.Dim("channel").Values {
		n, r, ok := w.Value(v)
		if !ok {
			t.Fatalf("value %q unknown", v)
		}
		sum, rev = sum+n, rev+r
	}
	if sum != w.WonAll || rev != w.RevAll || w.WonAll == 0 {
		t.Errorf("values sum to %d / %d, all %d / %d", sum, rev, w.WonAll, w.RevAll)
	}
	first := ds.Dim("channel").Values[1]
	n, r, _ := w.Value(first)
	if rn, rr := w.Rest([]string{first}); rn != w.WonAll-n || rr != w.RevAll-r {
		t.Errorf("rest %d / %d", rn, rr)
	}
	if w, _ := WonByValue(ds, "nope", Options{}); w != nil {
		t.Error("no dimension, no totals")
	}
}

func TestByStageWonPerRecord(t *testing.T) {
	ds := fixtureDataset(t)
	sv, err := ByStage(ds, Options{})
	if err != nil {
		t.Fatal(err)
	}
	last := len(ds.Stages) - 1
	if sv.Reached[0] < sv.Reached[last] || sv.Open[last] != 0 || sv.WonPer[0] == nil {
		t.Errorf("%+v", sv)
	}
}
