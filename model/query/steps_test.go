package query

import (
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query/filter"
)

func TestStepsHandCounted(t *testing.T) {
	r := mustCompute(t, handData(), Query{By: "channel"})
	got := map[string]GroupStep{}
	for _, s := range r.Steps(0) {
		got[s.Key] = s
	}
	// Lead→MQL: whole 10 → 7. chat 3 → 3 (the rest 4 of 7: lost 3·4/7−3);
	// paid 5 → 2 (the rest 5 of 5: lost 5−2); organic 2 → 2.
	chat, paid := got["chat"], got["paid"]
	if chat.From != 3 || chat.To != 3 || !near(chat.Rate, 1) || !near(chat.Lost, 3*4.0/7-3) || !chat.Few || chat.Below {
		t.Errorf("chat %+v", chat)
	}
	if paid.From != 5 || paid.To != 2 || !near(paid.Rate, 0.4) || !near(paid.Lost, 3) || paid.Below {
		t.Errorf("paid %+v", paid)
	}
	if paid.Lo >= 0.4 || paid.Hi <= 0.4 || paid.Lo < 0 || paid.Hi > 1 {
		t.Errorf("paid interval %.3f–%.3f", paid.Lo, paid.Hi)
	}
	ds := handData()
	one := mustCompute(t, ds, Query{By: "channel", Filters: []filter.Filter{mustParse(t, ds, "channel=paid")}})
	if s := one.Steps(0); len(s) != 1 || s[0].Lost != 0 {
		t.Errorf("the only slice lost %v against no rest", s)
	}
	if len(r.Steps(99)) != len(r.Groups) || r.Steps(99)[0].From != r.Groups[0].Stages[2].Reached {
		t.Error("a step past the last is the last step")
	}
}

func TestTopMergesTheRest(t *testing.T) {
	r := mustCompute(t, handData(), Query{By: "channel"})
	top, rest, merged := r.Top(1)
	// paid 5, chat 3, organic 2
	if len(top) != 1 || top[0].Key != "paid" || rest == nil || merged != 2 || rest.Key != OtherGroup || rest.Records != 5 {
		t.Fatalf("top %+v rest %+v merged %d", top, rest, merged)
	}
	// chat 3,3,1,1 and organic 2,2,1,0
	for k, want := range []int{5, 5, 2, 1} {
		if rest.Stages[k].Reached != want {
			t.Errorf("rest %s reached %d, want %d", rest.Stages[k].Name, rest.Stages[k].Reached, want)
		}
	}
	if !near(rest.Stages[2].Cumulative, 0.4) || !near(rest.Stages[3].Step, 0.5) {
		t.Errorf("rest conversions %+v", rest.Stages)
	}
	if all, rest, _ := r.Top(10); len(all) != 3 || rest != nil {
		t.Error("nothing to merge")
	}
}

func mustParse(t *testing.T, ds *model.Dataset, expr string) filter.Filter {
	t.Helper()
	f, err := filter.Parse(expr, ds)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
