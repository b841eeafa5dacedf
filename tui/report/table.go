package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/funnel-cli/funnel/model/stats"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// The report's tables are tabular's column model, the one the explorer's
// tables export too.
type (
	Kind   = tabular.Kind
	Column = tabular.Column
	Cell   = tabular.Cell
	Table  = tabular.Table
)

// What a column holds (tabular's kinds).
const (
	KindText    = tabular.KindText
	KindCount   = tabular.KindCount
	KindRate    = tabular.KindRate
	KindDays    = tabular.KindDays
	KindMoney   = tabular.KindMoney
	KindDecimal = tabular.KindDecimal
)

func str(s string) Cell           { return Cell{Str: s} }
func num[T int | int64](n T) Cell { return Cell{Num: float64(n)} }
func rate(r float64) Cell         { return Cell{Num: r} }
func opt(v *float64) Cell {
	if v == nil {
		return Cell{Null: true}
	}
	return Cell{Num: *v}
}

// Tables renders every computed section in report order.
func (r *Report) Tables() []Table {
	var out []Table
	for _, s := range r.Sections {
		switch s {
		case SecStages:
			out = append(out, r.stagesTable())
		case SecBreakdown:
			if r.Breakdown != nil {
				out = append(out, r.Breakdown.Table())
			}
		case SecCohorts:
			if r.Cohorts != nil {
				out = append(out, r.Cohorts.Table())
			}
		case SecTrends:
			if r.Trends != nil {
				out = append(out, r.Trends.Table())
			}
		case SecVelocity:
			out = append(out, velocityTable(r.Velocity, r.TimesNote))
		case SecStickyPoints:
			out = append(out, stickyTable(r.StickyPoints))
		case SecMoney:
			if r.Money != nil {
				out = append(out, r.Money.Tables()...)
			}
		case SecCustomers:
			if r.Customers != nil {
				out = append(out, r.Customers.Tables()...)
			}
		case SecSegments:
			if r.Segments != nil {
				out = append(out, r.Segments.Tables()...)
			}
		case SecPlan:
			if r.Plan != nil {
				out = append(out, r.Plan.Tables()...)
			}
		}
		for i := range out {
			if out[i].Section == "" {
				out[i].Section = s
			}
		}
	}
	return out
}

func (r *Report) stagesTable() Table {
	t := Table{Name: SecStages, Title: "Stages", Columns: []Column{{Name: "Stage", Kind: KindText}, {Name: "Reached", Kind: KindCount}, {Name: "Implied", Kind: KindCount},
		{Name: "Step", Kind: KindRate}, {Name: "Total", Kind: KindRate}, {Name: "Median days", Kind: KindDays}}}
	for k, s := range r.Stages {
		step := rate(s.ConversionFromPrevious)
		if k == 0 {
			step = Cell{Null: true}
		}
		t.Rows = append(t.Rows, []Cell{str(s.Name), num(s.Reached), num(s.Implied), step,
			rate(s.ConversionFromTop), opt(s.MedianDaysFromPrevious)})
	}
	median := "Median days: from the stage before, as in Velocity."
	switch {
	case r.TimesNote != "" && slices.Contains(r.Sections, SecVelocity):
		median = "Median days: none (see Velocity)."
	case r.TimesNote != "":
		median = "Median days: none. " + r.TimesNote
	}
	t.Footnotes = []string{
		fmt.Sprintf("%s records. Reached: at or past the stage; Implied: of those, passed it without being marked at it.",
			format.Count(r.Denominators.Records)),
		fmt.Sprintf("Step: of the stage before; Total: of %s at %s; %s",
			format.Count(r.Denominators.TopReached), r.Denominators.TopStage, median),
	}
	for k, s := range r.Stages {
		if s.StageUnknown > 0 && k+1 < len(r.Stages) {
			have, they := "have", "they count"
			if s.StageUnknown == 1 {
				have, they = "has", "it counts"
			}
			t.Footnotes = append(t.Footnotes, fmt.Sprintf("%s at %s %s no known stage (the data gives the outcome, not how far it got): "+
				"%s at %s, and the step to %s is of the other %s; reached past %s may be higher.",
				plural(s.StageUnknown, "record", "records"), s.Name, have, they, s.Name, r.Stages[k+1].Name, format.Count(r.Stages[k+1].PreviousReached), s.Name))
		}
	}
	return t
}

// Table renders the breakdown: one row per value, reached and total
// conversion at each stage.
func (b *Breakdown) Table() Table {
	t := Table{Name: SecBreakdown, Title: "Breakdown by " + b.Dimension, Columns: []Column{{Name: b.Dimension, Kind: KindText}, {Name: "Records", Kind: KindCount}}}
	for k, s := range b.Stages {
		if k == 0 {
			t.Columns = append(t.Columns, Column{Name: s, Kind: KindCount})
			continue
		}
		t.Columns = append(t.Columns, Column{Name: s, Kind: KindCount}, Column{Name: s + " %", Kind: KindRate})
	}
	small := 0
	for _, g := range b.Groups {
		row := []Cell{str(g.Value), num(g.Records)}
		for k := range b.Stages {
			row = append(row, num(g.Reached[k]))
			if k > 0 {
				row = append(row, rate(g.ConversionFromTop[k]))
			}
		}
		if g.Small {
			small++
		}
		t.Rows = append(t.Rows, row)
	}
	t.Footnotes = append(t.Footnotes, "Counts reach each stage; % is of the group's first stage.")
	if b.OtherValues > 0 {
		t.Footnotes = append(t.Footnotes, fmt.Sprintf("(other) folds %s.", plural(b.OtherValues, "smaller value", "smaller values")))
	}
	if small > 0 {
		note := fmt.Sprintf("%d groups have fewer than %d records: their rates are not findings.", small, b.MinRecords)
		if small == 1 {
			note = fmt.Sprintf("1 group has fewer than %d records: its rates are not findings.", b.MinRecords)
		}
		t.Footnotes = append(t.Footnotes, note)
	}
	return t
}

// Table renders cohorts: entered, then reached, % and (for a cohort still
// too young to judge at that stage) the estimated eventual % per later stage.
func (c *Cohorts) Table() Table {
	t := Table{Name: SecCohorts, Title: "Cohorts by " + c.Period, Columns: []Column{{Name: "Cohort", Kind: KindText}, {Name: "Entered", Kind: KindCount}}}
	for k, s := range c.Stages {
		if k > 0 {
			t.Columns = append(t.Columns, Column{Name: s, Kind: KindCount}, Column{Name: s + " %", Kind: KindRate}, Column{Name: s + " est. %", Kind: KindRate})
		}
	}
	t.Columns = append(t.Columns, Column{Name: "Immature", Kind: KindText})
	for _, row := range c.Rows {
		cells := []Cell{str(row.Cohort), num(row.Entered)}
		for k := 1; k < len(c.Stages) && k < len(row.Reached); k++ {
			est := Cell{Null: true}
			if k < len(row.ImmatureStages) && row.ImmatureStages[k] {
				est = rate(row.EstimatedConversion[k])
			}
			cells = append(cells, num(row.Reached[k]), rate(row.ConversionFromTop[k]), est)
		}
		imm := ""
		switch {
		case row.Immature && row.Few:
			imm = "immature, few"
		case row.Immature:
			imm = "immature"
		case row.Few:
			imm = "few"
		}
		t.Rows = append(t.Rows, append(cells, str(imm)))
	}
	immature := fmt.Sprintf("Immature: cannot be judged (no record reached %s); few: under %d records, not a finding.", c.Target, stats.MinSample)
	if c.MatureAfterDays != nil {
		immature = fmt.Sprintf("Immature: younger than %s, the p90 of entry to %s time; few: under %d records, not a finding.",
			format.Plural(*c.MatureAfterDays, "day", "days"), c.Target, stats.MinSample)
	}
	t.Footnotes = []string{
		fmt.Sprintf("Entered: records whose first stage date is in the %s; %% of those entered, as observed by the as-of date.", c.Period),
		"est. %: for a cohort still too young at that stage (younger than the stage's p90 time from entry among the records that reach it), " +
			"the estimated share that reaches it eventually: the observed plus each open record's chance to get there later at its age " +
			"(Aalen–Johansen, exits competing); — when the cohort is old enough.",
		immature,
	}
	if c.UndatedNote != "" {
		t.Footnotes = append(t.Footnotes, c.UndatedNote+".")
	}
	return t
}

// Table renders trends: one row per period, entries per stage.
func (tr *Trends) Table() Table {
	t := Table{Name: SecTrends, Title: "Entries per " + tr.Period, Columns: []Column{{Name: strings.ToUpper(tr.Period[:1]) + tr.Period[1:], Kind: KindText}}}
	for _, s := range tr.Stages {
		t.Columns = append(t.Columns, Column{Name: s.Name, Kind: KindCount})
	}
	for p, label := range tr.Periods {
		row := []Cell{str(label)}
		for _, s := range tr.Stages {
			v := Cell{Null: true}
			if p < len(s.Entries) {
				v = num(s.Entries[p])
			}
			row = append(row, v)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Footnotes = []string{"Records reaching each stage in the period, by that stage's date; the last period may be partial."}
	return t
}

// velocityTable is one row per step, or when no step has times no rows
// and the line that says why (note): a table of zeros reads as a finding.
func velocityTable(v []Velocity, note string) Table {
	t := Table{Name: SecVelocity, Title: "Velocity", Columns: []Column{{Name: "From", Kind: KindText}, {Name: "To", Kind: KindText}, {Name: "Records", Kind: KindCount}, {Name: "Open", Kind: KindCount},
		{Name: "Left", Kind: KindCount}, {Name: "Median days", Kind: KindDays}, {Name: "P75 days", Kind: KindDays}, {Name: "P90 days", Kind: KindDays}, {Name: "Stalled", Kind: KindCount}}}
	if note != "" {
		t.Footnotes = []string{note}
		return t
	}
	for _, x := range v {
		stalled := Cell{Null: true}
		if x.Stalled != nil {
			stalled = num(*x.Stalled)
		}
		t.Rows = append(t.Rows, []Cell{str(x.From), str(x.To), num(x.Records), num(x.Open), num(x.Left), opt(x.MedianDays), opt(x.P75Days), opt(x.P90Days), stalled})
	}
	t.Footnotes = []string{"Days from one stage to the next among the records that reach it: Records took the step; Open are still at From, " +
		"counted until the as-of date; Left left at From, which competes with moving on (Aalen–Johansen); each day's moves are spread " +
		"over the day. Stalled: open at From longer than the P90."}
	return t
}

func stickyTable(sp []StickyPoint) Table {
	t := Table{Name: SecStickyPoints, Title: "Sticky points", Columns: []Column{{Name: "Stage", Kind: KindText}, {Name: "Dimension", Kind: KindText}, {Name: "Value", Kind: KindText},
		{Name: "Within", Kind: KindText}, {Name: "Entered", Kind: KindCount}, {Name: "Converted", Kind: KindCount}, {Name: "Rate", Kind: KindRate}, {Name: "CI low", Kind: KindRate},
		{Name: "CI high", Kind: KindRate}, {Name: "Baseline", Kind: KindRate}, {Name: "Lost", Kind: KindDecimal}, {Name: "q", Kind: KindDecimal}}}
	for _, s := range sp {
		t.Rows = append(t.Rows, []Cell{str(s.Stage), str(s.Dimension), str(s.Value), str(s.Parent), num(s.Entered), num(s.Converted),
			rate(s.Rate), rate(s.CILow), rate(s.CIHigh), rate(s.BaselineRate), {Num: s.LostConversions}, rate(s.QValue)})
	}
	t.Footnotes = []string{"Slices converting below the rest at a transition, among records that entered the stage in the last 3 " +
		"complete months, the window moved back by the transition's p90 time to the next stage (younger records are left out); " +
		"95% Wilson interval; baseline: the rest of the population, or for a nested slice (Within) the rest of its parent; " +
		"Lost: entered × (baseline − rate), a nested slice's part of its parent's (never add them up); " +
		fmt.Sprintf("q: Benjamini–Hochberg, kept at 5%%; slices under %d entering are not tested.", stats.MinSample)}
	return t
}
