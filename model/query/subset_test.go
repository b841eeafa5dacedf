package query

import (
	"reflect"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query/filter"
)

func mustSelect(t *testing.T, ds *model.Dataset, expr string, asOf int32) *Selection {
	t.Helper()
	f, err := filter.Parse(expr, ds)
	if err != nil {
		t.Fatal(err)
	}
	s, err := engineFor(ds).Select(f, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSelectHandCounted(t *testing.T) {
	ds := handData()
	d := func(m, day int) int32 { return model.DayFromCivil(2025, m, day) }

	// Nothing asked: the original itself, as of its last day (r9 churned 3-25).
	whole := mustSelect(t, ds, "", model.NoDay)
	if !whole.Whole() || whole.Data != ds || whole.Records != 10 || whole.AsOf != d(3, 25) {
		t.Fatalf("whole selection %+v", whole)
	}

	// channel=chat: r0, r1, r5. Reached at or past Lead 3, MQL 3 (r0 r1 r5),
	// SQL 1 (r0), Won 1 (r0).
	chat := mustSelect(t, ds, "channel=chat", model.NoDay)
	if !reflect.DeepEqual(chat.Rows, []int32{0, 1, 5}) || chat.Records != 3 || chat.Total != 10 || chat.Data.Len() != 3 {
		t.Fatalf("chat rows %v records %d of %d", chat.Rows, chat.Records, chat.Total)
	}
	if chat.AsOf != d(3, 25) {
		t.Errorf("a filtered selection keeps the whole data's as-of, got %s", model.DayString(chat.AsOf))
	}
	r := mustCompute(t, chat.Data, Query{})
	checkStages(t, "chat", r.Whole.Stages, []wantStage{{3, 3, 0}, {3, 3, 0}, {1, 1, 0}, {1, 1, 0}})
	if got := chat.Data.IDs.At(2); got != "r5" || chat.Original(2) != 5 {
		t.Errorf("record 2 is %s (original %d), want r5 (5)", got, chat.Original(2))
	}
	if got := chat.OriginalRows([]int32{2, 0}); !reflect.DeepEqual(got, []int32{5, 0}) {
		t.Errorf("OriginalRows %v", got)
	}

	// chat as of 2025-02-10: r5 entered 2-15, so it did not exist yet. r0
	// had reached SQL (2-01) but not Won (3-01): open, no exit day. r1's
	// disqualification (2-20) had not happened: open, no reason.
	early := mustSelect(t, ds, "channel=chat", d(2, 10))
	if !reflect.DeepEqual(early.Rows, []int32{0, 1}) || early.AsOf != d(2, 10) {
		t.Fatalf("chat as of 02-10: rows %v as of %s", early.Rows, model.DayString(early.AsOf))
	}
	e := early.Data
	if e.Reached[0] != 0b0111 || e.Days[3][0] != model.NoDay || e.Exit[0] != model.ExitOpen || e.ExitDay[0] != model.NoDay {
		t.Errorf("r0 as of 02-10: mask %04b won day %d exit %s", e.Reached[0], e.Days[3][0], e.Exit[0])
	}
	if e.Reached[1] != 0b0011 || e.Exit[1] != model.ExitOpen || e.Reason.Value(1) != "" {
		t.Errorf("r1 as of 02-10: mask %04b exit %s reason %q", e.Reached[1], e.Exit[1], e.Reason.Value(1))
	}
	if ds.Exit[0] != model.ExitWon || ds.Reason.Value(1) != "No budget" || ds.Reached[0] != 0b1111 {
		t.Error("the original dataset was modified")
	}

	// No filter, as of 2025-03-01: r7 (3-05) and r8 (3-12) did not exist;
	// r3's loss (3-10) and r6's disqualification (3-05) had not happened;
	// r9's churn (3-25) had not either, so r9 is a won customer; r0 won on 3-01.
	cut := mustSelect(t, ds, "", d(3, 1))
	if !reflect.DeepEqual(cut.Rows, []int32{0, 1, 2, 3, 4, 5, 6, 9}) {
		t.Fatalf("as of 03-01 rows %v", cut.Rows)
	}
	c := cut.Data
	wantExit := []model.ExitKind{model.ExitWon, model.ExitDisqualified, model.ExitDisqualified, model.ExitOpen, model.ExitOpen, model.ExitOpen, model.ExitOpen, model.ExitWon}
	if !reflect.DeepEqual(c.Exit, wantExit) {
		t.Errorf("exits as of 03-01 %v, want %v", c.Exit, wantExit)
	}
	// Reached at or past: Lead 8; MQL r0 r1 r3(SQL implies) r5 r9 = 5;
	// SQL r0 r3 r9 = 3; Won r0 r9 = 2.
	rc := mustCompute(t, c, Query{})
	checkStages(t, "as of 03-01", rc.Whole.Stages, []wantStage{{8, 8, 0}, {5, 4, 1}, {3, 3, 0}, {2, 2, 0}})
}

// The selection answers what the engine answers with the same filter and
// as-of: counts on the subset equal the filtered query's.
func TestSelectMatchesQuery(t *testing.T) {
	ds := handData()
	for _, tc := range []struct {
		expr string
		asOf int32
	}{
		{"channel=paid", model.NoDay},
		{"owner=ana stage>=MQL", model.NoDay},
		{"exit=open", model.DayFromCivil(2025, 2, 28)},
		{"channel!=organic created>=2025-02", model.DayFromCivil(2025, 3, 10)},
	} {
		f, err := filter.Parse(tc.expr, ds)
		if err != nil {
			t.Fatal(err)
		}
		want := mustCompute(t, ds, Query{Filters: []filter.Filter{f}, AsOf: tc.asOf})
		s := mustSelect(t, ds, tc.expr, tc.asOf)
		got := mustCompute(t, s.Data, Query{AsOf: tc.asOf})
		if got.Whole.Records != want.Whole.Records || s.Records != want.Whole.Records {
			t.Errorf("%s: records %d (selection %d), want %d", tc.expr, got.Whole.Records, s.Records, want.Whole.Records)
		}
		for k := range want.Whole.Stages {
			g, w := got.Whole.Stages[k], want.Whole.Stages[k]
			if g.Reached != w.Reached || g.Marked != w.Marked || g.Left != w.Left || !reflect.DeepEqual(g.Reasons, w.Reasons) {
				t.Errorf("%s stage %s: %+v, want %+v", tc.expr, w.Name, g, w)
			}
		}
	}
}

func TestSelectIsCached(t *testing.T) {
	ds := handData()
	a := mustSelect(t, ds, "channel=chat", model.NoDay)
	b := mustSelect(t, ds, "channel=chat", model.NoDay)
	if a != b {
		t.Error("the same (dataset, filter, as-of) should give the same selection")
	}
	for _, e := range []string{"channel=paid", "owner=ana", "owner=ben", "channel=organic", "exit=won"} {
		mustSelect(t, ds, e, model.NoDay)
	}
	if c := mustSelect(t, ds, "channel=chat", model.NoDay); c == a {
		t.Error("the cache should be bounded")
	}
}
