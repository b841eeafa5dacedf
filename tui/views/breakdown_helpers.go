package views

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/stats"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// bdRow is one slice of the breakdown at the focused step, as the engine
// computed it (query.Result.Steps), and its sparkline.
type bdRow struct {
	query.GroupStep
	spark []int // the step's rate per period, in tenths of a percent
}

// derive takes the result's rows for the focused step and sorts them.
func (b *Breakdown) derive() {
	b.rows = b.rows[:0]
	if b.res == nil {
		return
	}
	for _, g := range b.res.Steps(b.step) {
		r := bdRow{GroupStep: g}
		for _, v := range g.Trend {
			r.spark = append(r.spark, int(math.Round(1000*v)))
		}
		b.rows = append(b.rows, r)
	}
	b.sortRows()
}

func (b *Breakdown) sortRows() {
	col := bdSortNames[b.sortCol]
	slices.SortStableFunc(b.rows, func(x, y bdRow) int {
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
	b.clamp()
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

func (b *Breakdown) View() string {
	st := b.common.Styles
	if b.dim == "" {
		return b.pickView()
	}
	if b.err != nil {
		return st.Error.Render(widgets.Truncate(widgets.Clean(b.err.Error()), b.width))
	}
	if b.res == nil {
		return st.Muted.Render(widgets.Truncate("Computing the breakdown by "+widgets.Clean(b.dim)+"…", b.width))
	}
	stages := b.res.Stages
	k := min(b.step, max(0, len(stages)-2))
	from, to := widgets.Clean(stages[k]), widgets.Clean(stages[min(k+1, len(stages)-1)])
	dir := "↓"
	if b.asc {
		dir = "↑"
	}
	caption := fmt.Sprintf("%s slices · step %s → %s (←/→) · sorted by %s %s · 95%% interval on 0–100%% · lost: vs the rest's rate",
		widgets.Count(len(b.rows)), from, to, bdSortNames[b.sortCol], dir)
	lines := []string{st.Muted.Render(widgets.Truncate(caption, b.width))}

	// fixed columns: marker, slice, records, from, to, rate, lost
	const nameW, numW, rateW = 16, 9, 6
	fixed := 2 + nameW + 1 + numW + 1 + numW + 1 + numW + 1 + rateW + 1 + 8 + 1
	mcols := b.money.fit(b.width - fixed)
	fixed += mcols.width()
	rest := max(0, b.width-fixed-9) // 9: " too few"
	ivW := min(20, max(0, rest))
	rest -= ivW + 1
	sparkW := 0
	if n := len(b.res.Periods); rest >= n+1 && n > 0 {
		sparkW = n
		rest -= n + 1
	}
	stageCols := 0
	if rest >= 8*len(stages) {
		stageCols = len(stages)
	}
	head := "  " + widgets.PadRight(widgets.Clean(b.dim), nameW) + " " + widgets.PadLeft("Records", numW)
	for s := 0; s < stageCols; s++ {
		head += " " + widgets.PadLeft(widgets.Truncate(widgets.Clean(stages[s]), 7), 7)
	}
	head += " " + widgets.PadLeft(widgets.Truncate(from, numW), numW) + " " + widgets.PadLeft(widgets.Truncate(to, numW), numW) +
		" " + widgets.PadLeft("Rate", rateW) + " " + widgets.PadRight(widgets.Truncate("95% CI", ivW), ivW)
	if sparkW > 0 {
		head += " " + widgets.PadRight(widgets.Truncate(b.res.Period, sparkW), sparkW)
	}
	head += " " + widgets.PadLeft("Lost", 8) + b.money.head(mcols)
	lines = append(lines, st.Header.Render(widgets.Truncate(head, b.width)))

	end := min(len(b.rows), b.offset+b.bodyHeight())
	for i := b.offset; i < end; i++ {
		r := b.rows[i]
		row := widgets.Fit(r.Key, nameW) + " " + widgets.PadLeft(widgets.Count(r.Records), numW)
		for s := 0; s < stageCols; s++ {
			row += " " + widgets.PadLeft(widgets.Count(r.Reached[s]), 7)
		}
		row += " " + widgets.PadLeft(widgets.Count(r.From), numW) + " " + widgets.PadLeft(widgets.Count(r.To), numW) +
			" " + widgets.PadLeft(widgets.Percent(r.Rate), rateW)
		iv := widgets.IntervalBar(r.Lo, r.Hi, r.Rate, ivW)
		spark := ""
		if sparkW > 0 {
			spark = " " + widgets.PadRight(widgets.Sparkline(r.spark), sparkW)
		}
		lost := widgets.PadLeft(fmt.Sprintf("%+.0f", r.Lost), 8)
		mon := b.money.row(mcols, b, r.Key)
		note := ""
		if r.Few {
			note = " too few"
		}
		if i == b.cursor {
			lines = append(lines, st.Selected.Render(widgets.PadRight(widgets.Truncate("▸ "+row+" "+iv+spark+" "+lost+mon+note, b.width), b.width)))
			continue
		}
		lostStyle := st.Cell
		if r.Below {
			lostStyle = st.Bad
		}
		cell := st.Cell
		if r.Few {
			cell = st.Muted
		}
		lines = append(lines, widgets.Truncate("  "+cell.Render(row)+" "+st.Bar.Render(iv)+st.Spark.Render(spark)+" "+
			lostStyle.Render(lost)+st.Cell.Render(mon)+st.Warn.Render(note), b.width))
	}
	foot := fmt.Sprintf("whole: %s → %s %s of %s (%s) · too few: under %d entering the step",
		from, to, widgets.Count(b.res.Whole.Stages[k+1].Reached), widgets.Count(b.res.Whole.Stages[k].Reached),
		widgets.Percent(b.res.Whole.Stages[k+1].Step), stats.MinSample)
	if b.note != "" {
		foot = b.note
	}
	lines = append(lines, st.Muted.Render(widgets.Truncate(foot, b.width)))
	if n := b.money.note(mcols); n != "" {
		lines = append(lines, st.Muted.Render(widgets.Truncate(n, b.width)))
	}
	return strings.Join(lines, "\n")
}
