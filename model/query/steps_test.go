package query

import "testing"

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
	if len(r.Steps(99)) != len(r.Groups) || r.Steps(99)[0].From != r.Groups[0].Stages[2].Reached {
		t.Error("a step past the last is the last step")
	}
}
