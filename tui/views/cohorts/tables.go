package cohorts

import (
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
)

// The cohort matrix as data (views.Tabler): one row per entry cohort, in
// the order shown; per stage after the first, the share reached so far
// and, while the cell is immature, the estimated eventual share; the
// estimate for the target. The screen draws its cells from it.

// dataCols are the data table's column indices: the observed share of
// stage s (s ≥ 1) is at obs+2(s-1), its estimate right after it.
type dataCols struct{ entered, obs, target, immature, few int }

func (v *Model) data() (tabular.Table, dataCols) {
	r := v.res
	t := tabular.Table{Name: "cohorts", Title: "Entry cohorts by " + r.Period + " as of " + r.AsOf,
		Columns: []tabular.Column{{Name: format.TitleCase(r.Period), Kind: tabular.KindText}, {Name: "Entered", Kind: tabular.KindCount}}}
	dc := dataCols{entered: 1, obs: 2}
	for s := 1; s < len(r.Stages); s++ {
		t.Columns = append(t.Columns, tabular.Column{Name: r.Stages[s] + " %", Kind: tabular.KindRate},
			tabular.Column{Name: r.Stages[s] + " est. %", Kind: tabular.KindRate})
	}
	dc.target = len(t.Columns)
	dc.immature, dc.few = dc.target+1, dc.target+2
	t.Columns = append(t.Columns, tabular.Column{Name: r.Target + " est. %", Kind: tabular.KindRate},
		tabular.Column{Name: "Immature", Kind: tabular.KindText}, tabular.Column{Name: "Too few", Kind: tabular.KindText})
	for _, c := range r.Cohorts {
		label := c.Period
		if label == "" {
			label = c.Key
		}
		row := []tabular.Cell{{Str: label}, {Num: float64(c.Size)}}
		for s := 1; s < len(r.Stages); s++ {
			obs, est := tabular.Cell{Null: true}, tabular.Cell{Null: true}
			if s < len(c.Conversion) {
				obs = tabular.Cell{Num: c.Conversion[s]}
			}
			if s < len(c.ImmatureStages) && c.ImmatureStages[s] && s < len(c.EstimatedConversion) {
				est = tabular.Cell{Num: c.EstimatedConversion[s]}
			}
			row = append(row, obs, est)
		}
		target := tabular.Cell{Null: true}
		if c.Immature && !c.Few {
			target = tabular.Cell{Num: c.Estimated}
		}
		imm, few := "", ""
		if c.Immature {
			imm = "immature"
		}
		if c.Few {
			few = "too few"
		}
		t.Rows = append(t.Rows, append(row, target, tabular.Cell{Str: imm}, tabular.Cell{Str: few}))
	}
	t.Footnotes = []string{"% of each cohort that reached the stage by " + r.AsOf + "; est. %: the estimated eventual share of an immature cell " +
		"(exits compete, open records censored); " + r.Target + " est. %: the estimate for the target of an immature cohort."}
	return t, dc
}

// Tables is what y copies and :export writes: the matrix as shown.
func (v *Model) Tables() []tabular.Table {
	if v.res == nil {
		return nil
	}
	t, _ := v.data()
	return []tabular.Table{t}
}

// Report says the matrix is the report's cohorts section.
func (v *Model) Report() ([]string, []string) { return []string{"cohorts"}, nil }
