package query_test

import (
	"fmt"
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
