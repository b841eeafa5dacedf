package sticky

import (
	"fmt"
	"math"

	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// layTable sets the findings table: the transition and the slice (kept),
// then by priority the entered count, the rate with its interval, the
// baseline, the lost conversions, the q-value, the lost value and the
// interval drawn against the baseline.
func (s *Model) layTable(d *data) {
	ds := s.common.Data()
	ps := d.findings
	lo, hi := intervalScale(ps)
	right := func(title string, w, prio int) widgets.Column {
		return widgets.Column{Title: title, Align: widgets.AlignRight, Min: w, Priority: prio}
	}
	t := s.findingsTable(d)
	type col struct {
		widgets.Column
		data int // the data column it shows (-1: drawn)
	}
	cols := []col{
		{widgets.Column{Title: "Transition", Pin: true, Min: 10, Max: 22}, colTransition},
		{widgets.Column{Title: "Slice", Pin: true, Min: 14, Max: 40, Draw: func(i, w int) string {
			p := ps[i]
			if text := sliceLabel(p); format.Width(text) <= w {
				return text
			}
			if p.Parent != "" { // narrow: the value first, then what it is compared within
				return p.Value + " in " + p.Parent
			}
			return p.Value + " (" + p.Dimension + ")"
		}}, colSlice},
		{right("Entered", 7, 8), colEntered},
		{right("Rate (95% CI)", 13, 7), colRate},
		{widgets.Column{Title: "interval · │ baseline", Width: 22, Priority: 1, Draw: func(i, w int) string {
			return widgets.Interval(ps[i].CILow, ps[i].CIHigh, ps[i].Rate, ps[i].BaselineRate, lo, hi, w)
		}}, -1},
		{right("Baseline", 8, 6), colBaseline},
		{right("Lost", 5, 5), colLost},
		{right(valueHead(ds.Currency), 10, 2), colValue},
		{right("q", 6, 3), colQ},
	}
	wc := make([]widgets.Column, len(cols))
	for i, c := range cols {
		wc[i] = c.Column
	}
	s.table.Styles = s.common.TableStyles()
	s.table.SetColumns(wc...)
	s.table.SetRows(len(ps), func(i, c int) string {
		row := t.Rows[i]
		switch cols[c].data {
		case -1:
			return ""
		case colRate:
			return fmt.Sprintf("%s (%.0f–%.0f)", format.Percent(row[colRate].Num), row[colLow].Num*100, row[colHigh].Num*100)
		case colLost:
			return format.Count(int(math.Round(row[colLost].Num)))
		case colValue:
			if row[colValue].Null {
				return "—"
			}
			return format.MoneyShort(int64(row[colValue].Num), "")
		case colQ:
			return qValue(row[colQ].Num)
		}
		return tabular.Text(row[cols[c].data], t.Columns[cols[c].data].Kind)
	})
	s.table.SetWidth(s.width)
}

// sliceLabel names a slice: "channel=chat", and a nested slice with the
// parent it is compared within, "campaign=spring in channel=chat".
func sliceLabel(p insight.StickyPoint) string {
	if p.Parent != "" {
		return p.Dimension + "=" + p.Value + " in " + p.Parent
	}
	return p.Dimension + "=" + p.Value
}

// intervalScale spans every interval and baseline shown, with a margin.
func intervalScale(ps []insight.StickyPoint) (lo, hi float64) {
	lo, hi = 1, 0
	for _, p := range ps {
		lo = math.Min(lo, math.Min(p.CILow, p.BaselineRate))
		hi = math.Max(hi, math.Max(p.CIHigh, p.BaselineRate))
	}
	if hi <= lo {
		return 0, 1
	}
	return math.Max(0, lo-0.02), math.Min(1, hi+0.02)
}

func valueHead(currency string) string {
	if currency == "" {
		return "Lost value"
	}
	return "Lost " + format.Clean(currency)
}

func qValue(q float64) string {
	if q < 0.001 {
		return "<0.001"
	}
	return fmt.Sprintf("%.3f", q)
}
