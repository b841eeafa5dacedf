package trends

import (
	"math"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// The metric on screen as data (views.Tabler): one row per period, all of
// them (the chart draws them all, the table under it the latest), with
// the change against the period before. The screen's table draws its
// cells from it.

// data is the metric m per period: Value is a count (entries) or a rate
// (a step's conversion, a fraction); Change is in records or in points.
func (t *Model) data(m metric) tabular.Table {
	r := t.res
	change := r.Change
	if change == "" {
		change = "change"
	}
	valKind, chName := tabular.KindCount, change
	if m.rate {
		valKind, chName = tabular.KindRate, change+" (points)"
	}
	tb := tabular.Table{Name: "trends", Title: format.TitleCase(t.metricName(m)) + " by " + r.Period,
		Columns: []tabular.Column{{Name: format.TitleCase(r.Period), Kind: tabular.KindText}, {Name: "Value", Kind: valKind},
			{Name: chName, Kind: tabular.KindDecimal}, {Name: change + " %", Kind: tabular.KindRate}, {Name: "Partial", Kind: tabular.KindText}}}
	for i, p := range r.Periods {
		v, d := value(m, r.Whole.Trend[i])
		val := tabular.Cell{Num: v, Null: math.IsNaN(v)}
		if m.rate && !val.Null {
			val.Num = v / 100
		}
		abs, rel := tabular.Cell{Null: true}, tabular.Cell{Null: true}
		if d != nil {
			abs = tabular.Cell{Num: d.Abs}
			if m.rate {
				abs.Num = 100 * d.Abs
			}
			if d.Rel != nil {
				rel = tabular.Cell{Num: *d.Rel}
			}
		}
		partial := ""
		if p.Partial {
			partial = "partial"
		}
		tb.Rows = append(tb.Rows, []tabular.Cell{{Str: p.Label}, val, abs, rel, {Str: partial}})
	}
	return tb
}

// Tables is what y copies and :export writes: the metric on screen over
// every period.
func (t *Model) Tables() []tabular.Table {
	if t.res == nil || len(t.res.Periods) == 0 {
		return nil
	}
	return []tabular.Table{t.data(t.metrics[t.metric])}
}

// Report says the entries per period are the report's trends section.
func (t *Model) Report() ([]string, []string) { return []string{"trends"}, nil }
