package report

import (
	"strings"
	"testing"
)

// The cohorts table says when maturity cannot be judged and how many
// records are in no cohort for want of an entry date.
func TestCohortFootnotes(t *testing.T) {
	c := &Cohorts{Period: "month", Target: "Won", Stages: []string{"Lead", "Won"}, Undated: 17,
		UndatedNote: "17 records have no entry date and are in no cohort"}
	notes := strings.Join(c.Table().Footnotes, "\n")
	for _, want := range []string{"Immature: cannot be judged (no record reached Won)", "17 records have no entry date and are in no cohort."} {
		if !strings.Contains(notes, want) {
			t.Errorf("footnotes lack %q:\n%s", want, notes)
		}
	}
	if strings.Contains(notes, "younger than unknown") {
		t.Errorf("footnotes:\n%s", notes)
	}
}
