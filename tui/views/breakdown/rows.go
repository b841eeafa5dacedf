package breakdown

import (
	"math"
	"slices"
	"strings"

	"github.com/funnel-cli/funnel/model/query"
)

// sortNames are the sort columns of the breakdown, in the order S cycles them.
var sortNames = []string{"lost", "rate", "from", "records", "slice"}

// row is one slice of the breakdown at the focused step, as the engine
// computed it (query.Result.Steps), and its sparkline.
type row struct {
	query.GroupStep
	spark []int // the step's rate per period, in tenths of a percent
}

// derive takes the result's rows for the focused step and sorts them.
func (b *Model) derive() {
	b.rows = b.rows[:0]
	if b.res == nil {
		b.list.SetLen(0)
		return
	}
	for _, g := range b.res.Steps(b.step) {
		r := row{GroupStep: g}
		for _, v := range g.Trend {
			r.spark = append(r.spark, int(math.Round(1000*v)))
		}
		b.rows = append(b.rows, r)
	}
	b.sortRows()
}

func (b *Model) sortRows() {
	col := sortNames[b.sortCol]
	slices.SortStableFunc(b.rows, func(x, y row) int {
		c := 0
		switch col {
		case "lost":
			c = cmpFloat(x.Lost, y.Lost)
		case "rate":
			c = cmpFloat(x.Rate, y.Rate)
		case "from":
			c = x.From - y.From
		case "records":
			c = x.Records - y.Records
		default:
			c = strings.Compare(strings.ToLower(x.Key), strings.ToLower(y.Key))
		}
		if !b.asc {
			c = -c
		}
		if c == 0 {
			c = strings.Compare(x.Key, y.Key)
		}
		return c
	})
	b.list.SetLen(len(b.rows))
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
