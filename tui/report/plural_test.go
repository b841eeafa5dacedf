package report

import (
	"strings"
	"testing"
)

func TestImmatureNoteSaysOneDay(t *testing.T) {
	one := 1
	_, note := immatureFrom(&Cohorts{Period: "month", Target: "Won", MatureAfterDays: &one}, "2026-12-31")
	if !strings.Contains(note, "younger than 1 day (") {
		t.Errorf("note %q", note)
	}
}
