package query

import (
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// unknownHand is the hand data with the disqualified r1 (deepest MQL), r2
// and r6 (deepest Lead) marked as having got to no known stage: the steps
// out of Lead and MQL leave them out; Reached and Total keep them.
func unknownHand() *model.Dataset {
	ds := handData()
	ds.StageUnknown = make([]bool, ds.Len())
	for _, i := range []int{1, 2, 6} {
		ds.StageUnknown[i] = true
	}
	return ds
}

func TestStepLeavesOutUnknownStage(t *testing.T) {
	ds := unknownHand()
	r := mustCompute(t, ds, Query{})
	st := r.Whole.Stages
	checkStages(t, "whole", st, []wantStage{{10, 9, 1}, {7, 6, 1}, {4, 4, 0}, {2, 2, 0}})
	if st[0].Unknown != 2 || st[1].Unknown != 1 || !near(st[1].Step, 7.0/8) || !near(st[2].Step, 4.0/6) || !near(st[3].Step, 0.5) ||
		!near(st[1].Cumulative, 0.7) || !near(st[3].Cumulative, 0.2) {
		t.Errorf("whole: %+v", st)
	}
	// per group: paid holds r2 and r6 (Lead 5, MQL 2: r3 implied, r9)
	r = mustCompute(t, ds, Query{By: "channel"})
	for _, g := range r.Groups {
		if g.Key == "paid" && (g.Stages[0].Unknown != 2 || !near(g.Stages[1].Step, 2.0/3)) {
			t.Errorf("paid: %+v", g.Stages)
		}
	}
	// the groups folded by Top keep theirs: chat + organic, r1 at MQL
	if _, rest, _ := r.Top(1); rest == nil || rest.Stages[1].Unknown != 1 || !near(rest.Stages[2].Step, 2.0/4) {
		t.Errorf("rest: %+v", rest)
	}
	// a filter
	f, err := filter.Parse("channel=chat", ds)
	if err != nil {
		t.Fatal(err)
	}
	r = mustCompute(t, ds, Query{Filters: []filter.Filter{f}})
	if st := r.Whole.Stages; st[0].Unknown != 0 || st[1].Unknown != 1 || !near(st[2].Step, 1.0/2) {
		t.Errorf("chat: %+v", st)
	}
	// by entry month: January holds r0, r1, r2, r9
	r = mustCompute(t, ds, Query{Period: PeriodMonth})
	if jan := r.Whole.Trend[0]; jan.Period != "2025-01" || !near(jan.Stages[1].Step, 3.0/3) {
		t.Errorf("January: %+v", jan)
	}
	// as of 31 January r6 had not entered
	r = mustCompute(t, ds, Query{AsOf: model.DayFromCivil(2025, 1, 31)})
	if r.Whole.Stages[0].Unknown != 1 {
		t.Errorf("as of January: %+v", r.Whole.Stages)
	}
}
