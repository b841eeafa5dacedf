package query_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
)

// Records with no entry date are in no cohort; the result counts them.
func TestCohortsCountTheUndated(t *testing.T) {
	d := func(s string) int32 {
		var y, m, dd int
		fmt.Sscanf(s, "%d-%d-%d", &y, &m, &dd)
		return model.DayFromCivil(y, m, dd)
	}
	ds := &model.Dataset{Stages: []string{"Lead", "Won"}, HasDates: true,
		Days:    [][]int32{{d("2026-01-05"), d("2026-01-20"), model.NoDay, model.NoDay, d("2026-02-03")}, {model.NoDay, d("2026-02-01"), model.NoDay, model.NoDay, model.NoDay}},
		Reached: []uint16{1, 3, 1, 3, 1},
		Exit:    []model.ExitKind{model.ExitOpen, model.ExitWon, model.ExitOpen, model.ExitWon, model.ExitOpen},
		ExitDay: []int32{model.NoDay, d("2026-02-01"), model.NoDay, model.NoDay, model.NoDay}}
	res, err := query.New(ds).Cohorts(query.CohortQuery{Query: query.Query{Period: query.PeriodMonth}})
	if err != nil {
		t.Fatal(err)
	}
	size := 0
	for _, c := range res.Cohorts {
		size += c.Size
	}
	if res.Undated != 2 || size != 3 {
		t.Errorf("undated %d, in cohorts %d; want 2 and 3", res.Undated, size)
	}
}

// With no date at the top stage a record's entry date is a later stage's
// (a won deal's close date): entry and close are the same date, so the
// p90 entry→Won time (0 or 1 day) is not shown as a maturity; the note
// says why.
func TestCohortsEntryIsTheCloseDate(t *testing.T) {
	var days []int32
	for i := range 40 {
		days = append(days, model.DayFromCivil(2026, 1+i%12, 1+i%28))
	}
	n := len(days)
	ds := &model.Dataset{Stages: []string{"Opportunity", "Won"}, HasDates: true,
		Days: [][]int32{make([]int32, n), days}, Reached: make([]uint16, n), Exit: make([]model.ExitKind, n), ExitDay: days}
	for i := range n {
		ds.Days[0][i], ds.Reached[i], ds.Exit[i] = model.NoDay, 3, model.ExitWon
	}
	res, err := query.New(ds).Cohorts(query.CohortQuery{Query: query.Query{Period: query.PeriodMonth}})
	if err != nil {
		t.Fatal(err)
	}
	if res.MatureAfterDays != nil || res.EntryUndated != "Opportunity" {
		t.Fatalf("mature after %v days, entry undated %q", res.MatureAfterDays, res.EntryUndated)
	}
	if n := res.MaturityNote(); !strings.Contains(n, "no record has a date at Opportunity") || !strings.Contains(n, "same date") {
		t.Errorf("maturity note %q", n)
	}
	for _, c := range res.Cohorts {
		if c.Immature {
			t.Errorf("cohort %s immature", c.Period)
		}
	}
}

// With the top stage undated but a middle stage dated, the entry date is
// that stage's: the note names it and does not speak of close dates.
func TestCohortsEntryIsALaterStagesDate(t *testing.T) {
	n := model.NoDay
	d := model.DayFromCivil(2026, 2, 3)
	ds := &model.Dataset{Stages: []string{"Lead", "Opportunity", "Won"}, HasDates: true,
		Days: [][]int32{{n, n, n}, {d, d + 5, n}, {n, n, n}}, Reached: []uint16{3, 3, 1},
		Exit: []model.ExitKind{model.ExitOpen, model.ExitOpen, model.ExitOpen}, ExitDay: []int32{n, n, n}}
	res, err := query.New(ds).Cohorts(query.CohortQuery{Query: query.Query{Period: query.PeriodMonth}})
	if err != nil {
		t.Fatal(err)
	}
	if n := res.MaturityNote(); res.FirstDated != "Opportunity" || !strings.Contains(n, "its date at Opportunity or later") || strings.Contains(n, "close") {
		t.Errorf("first dated %q, maturity note %q", res.FirstDated, n)
	}
}
