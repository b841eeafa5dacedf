package overview

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/stats"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

func (o *Model) View() string {
	extras := o.deltaColumn()
	var notes []string
	if o.showMoney {
		cols, note := o.moneyColumns()
		extras = append(extras, cols...)
		notes = append(notes, note)
	}
	body := renderTable(o.common, o.funnel, o.cursor, o.width, 0, extras...)
	lines := append(strings.Split(body, "\n"), o.loadWarnings()...)
	for _, n := range notes {
		for _, l := range widgets.Wrap(n, o.width) {
			lines = append(lines, o.common.Styles.Muted.Render(l))
		}
	}
	lines = append(lines, o.insightLines(o.width)...)
	return widgets.Cut(lines, o.height)
}

// renderTable draws the stage table with any extra columns; cursor < 0
// selects nothing.
func renderTable(c views.Common, f query.Funnel, cursor, width, height int, extras ...extraColumn) string {
	st := c.Styles
	var lines []string
	top := 0
	if len(f.Stages) > 0 {
		top = f.Stages[0].Reached
	}
	caption := fmt.Sprintf("%s records · Reached: at or past the stage · Step: of the stage before · Total: of %s",
		widgets.Count(f.Records), stageNameOr(f, 0))
	lines = append(lines, st.Muted.Render(widgets.Truncate(caption, width)))

	nameW := 5
	for _, s := range f.Stages {
		nameW = max(nameW, min(18, lipgloss.Width(widgets.Clean(s.Name))))
	}
	const numW, rateW = 10, 7
	sparkW := len(f.Months)
	fixed := 2 + nameW + 1 + numW + 1 + rateW + 1 + rateW + 2
	for _, e := range extras {
		fixed += e.Width + 1
	}
	showSpark := sparkW > 0 && width >= fixed+10+2+sparkW
	barW := width - fixed
	if showSpark {
		barW -= sparkW + 2
	}
	barW = max(0, barW)

	head := "  " + widgets.PadRight("Stage", nameW) + " " + widgets.PadLeft("Reached", numW) + " " +
		widgets.PadLeft("Step", rateW) + " " + widgets.PadLeft("Total", rateW) + extraHeads(extras) + "  " + widgets.PadRight("", barW)
	if showSpark {
		head += "  " + sparkHeader(f, sparkW)
	}
	lines = append(lines, st.Header.Render(widgets.Truncate(head, width)))
	for k, s := range f.Stages {
		step := "—"
		if k > 0 {
			step = widgets.Percent(s.ConversionFromPrevious)
		}
		row := widgets.Fit(s.Name, nameW) + " " + widgets.PadLeft(widgets.Count(s.Reached), numW) + " " +
			widgets.PadLeft(step, rateW) + " " + widgets.PadLeft(widgets.Percent(s.ConversionFromTop), rateW)
		plainExtra, styledExtra := extraCells(extras, k)
		bar := widgets.Bar(stats.Ratio(s.Reached, top), barW)
		spark := ""
		if showSpark {
			spark = "  " + widgets.Sparkline(s.Monthly)
		}
		if k == cursor {
			lines = append(lines, st.Selected.Render(widgets.PadRight(widgets.Truncate("▸ "+row+plainExtra+"  "+bar+spark, width), width)))
			continue
		}
		lines = append(lines, widgets.Truncate("  "+st.Cell.Render(row)+styledExtra+"  "+st.Bar.Render(bar)+st.Spark.Render(spark), width))
	}
	if cursor >= 0 && cursor < len(f.Stages) {
		lines = append(lines, "", stageNote(c, f, cursor, width))
	}
	if len(f.Months) > 0 && showSpark {
		lines = append(lines, st.Muted.Render(widgets.Truncate(fmt.Sprintf(
			"Entries/month: %s to %s, one cell a month; the last month runs to %s",
			f.Months[0], f.Months[len(f.Months)-1], f.AsOf), width)))
	}
	for _, w := range f.Warnings {
		lines = append(lines, st.Warn.Render(widgets.Truncate("! "+widgets.Clean(w), width)))
	}
	return widgets.Cut(lines, height)
}

func extraHeads(extras []extraColumn) string {
	var b strings.Builder
	for _, e := range extras {
		b.WriteString(" " + widgets.PadLeft(widgets.Truncate(e.Header, e.Width), e.Width))
	}
	return b.String()
}

// extraCells renders row k's extra cells, plain (for the selected row,
// styled as a whole) and styled.
func extraCells(extras []extraColumn, k int) (plain, styled string) {
	for _, e := range extras {
		text, style := e.Cell(k)
		cell := widgets.PadLeft(widgets.Truncate(text, e.Width), e.Width)
		plain += " " + cell
		styled += " " + style.Render(cell)
	}
	return plain, styled
}

func sparkHeader(f query.Funnel, w int) string {
	if len(f.Months) == 0 {
		return ""
	}
	return widgets.Truncate("Monthly", w)
}

func stageNameOr(f query.Funnel, k int) string {
	if k < len(f.Stages) {
		return widgets.Clean(f.Stages[k].Name)
	}
	return ""
}

// stageNote explains the selected stage in words, with its denominators.
func stageNote(c views.Common, f query.Funnel, k, width int) string {
	s := f.Stages[k]
	st := c.Styles
	var b strings.Builder
	b.WriteString(st.Emphasis.Render(widgets.Clean(s.Name)))
	fmt.Fprintf(&b, ": %s reached", widgets.Count(s.Reached))
	if k > 0 {
		prev := f.Stages[k-1]
		fmt.Fprintf(&b, " of %s at %s (%s)", widgets.Count(prev.Reached), widgets.Clean(prev.Name), widgets.Percent(s.ConversionFromPrevious))
	}
	if s.Implied > 0 {
		fmt.Fprintf(&b, "; %s implied by a later stage", widgets.Count(s.Implied))
	}
	if n := len(s.Monthly); n > 0 {
		fmt.Fprintf(&b, "; %s entered in %s (to %s)", widgets.Count(s.Monthly[n-1]), f.Months[n-1], f.AsOf)
	}
	return widgets.Truncate(b.String(), width)
}

// loadWarnings say, under the table, what the numbers rest on when the
// load was not clean: inferred or missing dates, skipped rows.
func (o *Model) loadWarnings() []string {
	ds, st := o.common.Data(), o.common.Styles
	var out []string
	if ds.DatesInferred {
		out = append(out, st.Warn.Render(widgets.Truncate("! stage dates inferred from the current stage, not read (l: details)", o.width)))
	}
	if !ds.HasDates {
		out = append(out, st.Warn.Render(widgets.Truncate("! no stage dates in the data: views over time stay empty (l: details)", o.width)))
	}
	if n := ds.Load.Skipped; n > 0 {
		out = append(out, st.Warn.Render(widgets.Truncate(fmt.Sprintf("! %s of %s rows skipped (l lists them with line and reason)",
			widgets.Count(n), widgets.Count(ds.Load.Read)), o.width)))
	}
	return out
}
