package loaders

import (
	"strings"
	"testing"
)

// "1 stage comes from a yes/no flag", not "1 stages come from yes/no flags".
func TestOneFlagStageSaidInTheSingular(t *testing.T) {
	ds := loadText(t, "calls.csv", "client,age,converted\nc1,31,yes\nc2,40,no\nc3,52,no\n")
	all := strings.Join(ds.Load.Decisions, "\n")
	if !strings.Contains(all, "1 stage comes from a yes/no flag without dates") || strings.Contains(all, "1 stages") {
		t.Errorf("decisions:\n%s", all)
	}
}
