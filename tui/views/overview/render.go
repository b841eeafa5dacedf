package overview

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// View draws the stage table, the selected stage in words and the top
// sticky points, then the notes (the load, the $ columns, the period
// comparison). When the window is too short for all of it, the notes go
// first and then sticky points, and a last line says how many lines are
// hidden and where they are.
func (o *Model) View() string {
	t, c := o.stagesData()
	lines := append(o.stageTable(o.columns(t, c)), o.loadWarnings()...)
	var notes []string
	if o.showMoney {
		for _, l := range format.Wrap(o.moneyNote(), o.width) {
			notes = append(notes, o.common.Styles.Muted.Render(l))
		}
	}
	notes = append(notes, o.insightLines(o.width)...)
	sticky := o.stickyLines(o.width)
	if len(lines)+len(notes)+len(sticky) <= o.height || o.height <= 0 {
		return strings.Join(append(append(lines, notes...), sticky...), "\n")
	}
	// too short: the sticky points before the notes, and what is hidden said
	room := o.height - len(lines) - 1
	if len(sticky) > room {
		hidden := len(sticky) + len(notes) - max(0, room)
		sticky = sticky[:max(0, room)]
		return strings.Join(append(append(lines, sticky...), o.hiddenLine(hidden, "sticky points and notes: s lists the sticky points")), "\n")
	}
	room -= len(sticky)
	hidden := len(notes) - room
	return strings.Join(append(append(append(lines, sticky...), notes[:room]...), o.hiddenLine(hidden, "notes")), "\n")
}

// hiddenLine says n lines did not fit.
func (o *Model) hiddenLine(n int, what string) string {
	return o.common.Styles.Muted.Render(format.Truncate(fmt.Sprintf("↓ %s hidden (%s): a taller window shows them",
		format.Plural(n, "line", "lines"), what), o.width))
}

// stageTable draws the caption, the stage table, the selected stage in
// words, what the sparkline spans (or which columns are hidden) and the
// funnel's warnings.
func (o *Model) stageTable(cols []column) []string {
	st, f, width := o.common.Styles, o.funnel, o.width
	caption := fmt.Sprintf("%s records · Reached: at or past the stage · Step: of the stage before · Total: of %s",
		format.Count(f.Records), stageNameOr(f, 0))
	lines := []string{st.Muted.Render(format.Truncate(caption, width))}
	wc := make([]widgets.Column, len(cols))
	for i, c := range cols {
		wc[i] = c.Column
	}
	o.table.Styles = o.common.TableStyles()
	o.table.SetColumns(wc...)
	o.table.SetRows(len(f.Stages), func(r, c int) string {
		if cols[c].cell == nil {
			return ""
		}
		return cols[c].cell(r)
	})
	o.table.SetWidth(width)
	lines = append(lines, o.table.Lines(0, len(f.Stages), o.stages.Cursor())...)
	if k := o.stages.Cursor(); k < len(f.Stages) {
		lines = append(lines, "", stageNote(o.common, f, k, width))
	}
	switch spark := len(cols) - 1; {
	case o.table.Hidden() > 0:
		lines = append(lines, st.Muted.Render(format.Truncate(o.table.HiddenNote(), width)))
	case len(f.Months) > 0 && cols[spark].Title == "Monthly":
		lines = append(lines, st.Muted.Render(format.Truncate(fmt.Sprintf(
			"Entries/month: %s to %s, one cell a month; the last month runs to %s",
			f.Months[0], f.Months[len(f.Months)-1], f.AsOf), width)))
	}
	for _, w := range f.Warnings {
		lines = append(lines, st.Warn.Render(format.Truncate("! "+format.Clean(w), width)))
	}
	return lines
}

func stageNameOr(f query.Funnel, k int) string {
	if k < len(f.Stages) {
		return format.Clean(f.Stages[k].Name)
	}
	return ""
}

// stageNote explains the selected stage in words, with its denominators.
func stageNote(c views.Common, f query.Funnel, k, width int) string {
	s := f.Stages[k]
	st := c.Styles
	var b strings.Builder
	b.WriteString(st.Emphasis.Render(format.Clean(s.Name)))
	fmt.Fprintf(&b, ": %s reached", format.Count(s.Reached))
	if k > 0 {
		prev := f.Stages[k-1]
		fmt.Fprintf(&b, " of %s at %s (%s)", format.Count(prev.Reached-prev.Unknown), format.Clean(prev.Name), format.Percent(s.ConversionFromPrevious))
		if prev.Unknown > 0 {
			fmt.Fprintf(&b, ", leaving out %s with no known stage", format.Count(prev.Unknown))
		}
	}
	if s.Implied > 0 {
		fmt.Fprintf(&b, "; %s implied by a later stage", format.Count(s.Implied))
	}
	if n := len(s.Monthly); n > 0 {
		fmt.Fprintf(&b, "; %s entered in %s (to %s)", format.Count(s.Monthly[n-1]), f.Months[n-1], f.AsOf)
	}
	return format.Truncate(b.String(), width)
}

// loadWarnings say, under the table, what the numbers rest on when the
// load was not clean: inferred or missing dates, skipped rows.
func (o *Model) loadWarnings() []string {
	ds, st := o.common.Data(), o.common.Styles
	var out []string
	for _, n := range ds.Load.Notes {
		for _, l := range format.Wrap("! "+format.Clean(n), o.width) {
			out = append(out, st.Warn.Render(l))
		}
	}
	for _, s := range o.funnel.Stages {
		if s.Unknown > 0 {
			who := format.Count(s.Unknown) + " records at " + format.Clean(s.Name) + " have"
			if s.Unknown == 1 {
				who = "1 record at " + format.Clean(s.Name) + " has"
			}
			out = append(out, st.Warn.Render(format.Truncate(fmt.Sprintf("! %s no known stage (only an outcome): the step from %s leaves them out (l: details)",
				who, format.Clean(s.Name)), o.width)))
		}
	}
	if ds.DatesInferred {
		out = append(out, st.Warn.Render(format.Truncate("! stage dates inferred from the current stage, not read (l: details)", o.width)))
	}
	if !ds.HasDates {
		out = append(out, st.Warn.Render(format.Truncate("! no stage dates in the data: views over time stay empty (l: details)", o.width)))
	}
	if n := ds.Load.Skipped; n > 0 {
		out = append(out, st.Warn.Render(format.Truncate(fmt.Sprintf("! %s of %s rows skipped (l lists them with line and reason)",
			format.Count(n), format.Count(ds.Load.Read)), o.width)))
	}
	return out
}
