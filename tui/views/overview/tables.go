package overview

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// The overview as data (views.Tabler): the stage table, with every column
// the screen can show (the change against the previous period once
// computed, the $ columns when on, the entries per month the sparkline
// draws), and the top sticky points as listed. The screen draws its
// cells from these tables.

// stageCols are the stage table's column indices (-1: absent).
type stageCols struct {
	reached, step, total, delta, deltaNote, open, wonPer, monthly int
}

// stagesData is the stage table as data.
func (o *Model) stagesData() (tabular.Table, stageCols) {
	f := o.funnel
	t := tabular.Table{Name: "stages", Title: fmt.Sprintf("Stages, %d records", f.Records), Columns: []tabular.Column{
		{Name: "Stage", Kind: tabular.KindText}, {Name: "Reached", Kind: tabular.KindCount},
		{Name: "Step", Kind: tabular.KindRate}, {Name: "Total", Kind: tabular.KindRate}}}
	c := stageCols{reached: 1, step: 2, total: 3, delta: -1, deltaNote: -1, open: -1, wonPer: -1}
	add := func(name string, k tabular.Kind) int {
		t.Columns = append(t.Columns, tabular.Column{Name: name, Kind: k})
		return len(t.Columns) - 1
	}
	deltas := o.deltas()
	if deltas != nil {
		c.delta = add("vs prev", tabular.KindRate)
		c.deltaNote = add("vs prev test", tabular.KindText)
	}
	sm := o.money
	if o.showMoney && sm != nil && sm.err == nil {
		c.open = add("Open value", tabular.KindMoney)
		c.wonPer = add("Won/record", tabular.KindMoney)
	}
	c.monthly = len(t.Columns)
	for _, m := range f.Months {
		add("Entries "+m, tabular.KindCount)
	}
	for k, s := range f.Stages {
		step := tabular.Cell{Num: s.ConversionFromPrevious, Null: k == 0}
		row := []tabular.Cell{{Str: s.Name}, {Num: float64(s.Reached)}, step, {Num: s.ConversionFromTop}}
		if deltas != nil {
			d, ok := deltas[k]
			if !ok || d.CountThen == 0 || math.IsNaN(d.CountChange) {
				row = append(row, tabular.Cell{Null: true}, tabular.Cell{})
			} else {
				note := ""
				switch {
				case d.CountTooFew:
					note = "too few"
				case d.CountSig:
					note = "significant"
				}
				row = append(row, tabular.Cell{Num: d.CountChange}, tabular.Cell{Str: note})
			}
		}
		if c.open >= 0 {
			open := tabular.Cell{Null: k >= len(sm.Open)}
			if k < len(sm.Open) && k < len(sm.Open)-1 {
				open.Num = float64(sm.Open[k])
			}
			per := tabular.Cell{Null: true}
			if k < len(sm.WonPer) && sm.WonPer[k] != nil {
				per = tabular.Cell{Num: float64(*sm.WonPer[k])}
			}
			row = append(row, open, per)
		}
		for m := range f.Months {
			v := tabular.Cell{Null: true}
			if m < len(s.Monthly) {
				v = tabular.Cell{Num: float64(s.Monthly[m])}
			}
			row = append(row, v)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Footnotes = []string{"Reached: at or past the stage; Step: of the stage before; Total: of " + stageNameOr(f, 0) +
		"; vs prev: entries per day, this period against the previous (significant after FDR correction, or too few to tell)."}
	return t, c
}

// deltas are the change of each stage's entries against the previous
// period (nil until computed).
func (o *Model) deltas() map[int]insight.PeriodDelta {
	if o.insights == nil || len(o.insights.compare.Deltas) == 0 {
		return nil
	}
	by := map[int]insight.PeriodDelta{} // entries into stage FromStage
	for _, d := range o.insights.compare.Deltas {
		if d.Dimension == "" && d.Against == "previous" {
			by[d.FromStage] = d
		}
	}
	return by
}

// topSticky are the sticky points the overview lists (the sticky view's
// first three).
func (o *Model) topSticky() []insight.StickyPoint {
	if o.insights == nil {
		return nil
	}
	ps := o.insights.sticky.Found()
	return ps[:min(3, len(ps))]
}

// stickyData is the top sticky points as data.
func (o *Model) stickyData() tabular.Table {
	t := tabular.Table{Name: "top_sticky_points", Title: "Top sticky points by lost conversions", Columns: []tabular.Column{
		{Name: "Transition", Kind: tabular.KindText}, {Name: "Slice", Kind: tabular.KindText}, {Name: "Parent", Kind: tabular.KindText},
		{Name: "Converted", Kind: tabular.KindCount}, {Name: "Entered", Kind: tabular.KindCount}, {Name: "Rate", Kind: tabular.KindRate},
		{Name: "95% low", Kind: tabular.KindRate}, {Name: "95% high", Kind: tabular.KindRate}, {Name: "Baseline", Kind: tabular.KindRate},
		{Name: "Lost", Kind: tabular.KindDecimal}, {Name: "Lost value", Kind: tabular.KindMoney}}}
	for _, p := range o.topSticky() {
		t.Rows = append(t.Rows, []tabular.Cell{{Str: p.Stage}, {Str: p.Dimension + "=" + p.Value}, {Str: p.Parent},
			{Num: float64(p.Converted)}, {Num: float64(p.Entered)}, {Num: p.Rate}, {Num: p.CILow}, {Num: p.CIHigh},
			{Num: p.BaselineRate}, {Num: p.LostConversions}, {Num: float64(p.LostValue), Null: o.insights.sticky.NoValue != ""}})
	}
	return t
}

// Tables is what y copies and :export writes: the stage table and, once
// computed, the top sticky points.
func (o *Model) Tables() []tabular.Table {
	t, _ := o.stagesData()
	out := []tabular.Table{t}
	if o.insights != nil && o.insights.err == nil {
		out = append(out, o.stickyData())
	}
	return out
}

// Report says the overview's numbers are the report's stages and sticky
// points.
func (o *Model) Report() ([]string, []string) { return []string{"stages", "sticky_points"}, nil }
