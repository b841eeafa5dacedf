// Package scope holds what the explorer's views and the headless report
// share about working on part of the data: the money options and the spend
// table that go with a selection (Engine.Select) of the records under a
// filter, as of a date, and the notes that say what was left out.
package scope

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/insight"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// asked reports whether an as-of day was given (0 and NoDay: none).
func asked(asOf int32) bool { return asOf != model.NoDay && asOf != 0 }

// MoneyOptions are opt for the selection: money is counted as of the
// selection's day when a filter or an as-of date is set (the whole data's
// last day otherwise, as without a selection).
func MoneyOptions(opt money.Options, sel *query.Selection, asOf int32) money.Options {
	if !sel.Whole() || asked(asOf) {
		opt.AsOf = sel.AsOf
	}
	return opt
}

// Spend is the spend that belongs with a selection of whole's records:
// without a filter all of it (up to the as-of month when one is set), with
// one only the rows joined to a channel that has selected records. expr
// is the filter's expression ("" for none), asOf the day asked (0 or
// NoDay: none). The notes say what was left out, and that spend is by
// channel when the filter names other columns; strings from the data are
// sanitized.
func Spend(whole *model.Dataset, spend []money.SpendRow, sel *query.Selection, expr string, asOf int32, opt money.Options) ([]money.SpendRow, []string) {
	if spend == nil {
		return nil, nil
	}
	rows := spend
	var notes []string
	if asked(asOf) {
		last := model.MonthIndex(asOf)
		kept := make([]money.SpendRow, 0, len(rows))
		for _, r := range rows {
			if r.Month <= last {
				kept = append(kept, r)
			}
		}
		if n := len(rows) - len(kept); n > 0 {
			notes = append(notes, fmt.Sprintf("%d spend rows after %s left out (as of)", n, model.MonthLabel(last)))
		}
		rows = kept
	}
	if expr == "" {
		return rows, notes
	}
	j, err := money.JoinSpend(whole, rows, "channel", opt)
	ch := opt.ChannelDim
	if ch == "" {
		ch = "channel"
	}
	dm := sel.Data.Dim(ch)
	if err != nil || dm == nil {
		return rows, notes // the join itself reports the problem
	}
	present := make([]bool, dm.Cardinality())
	for _, code := range dm.Codes.Uint32() {
		present[code] = true
	}
	kept := make([]money.SpendRow, 0, len(rows))
	var dropped int64
	for i, r := range rows {
		if g := j.Group[i]; g != "" {
			if code, ok := dm.Code(g); ok && present[code] {
				kept = append(kept, r)
				continue
			}
		}
		dropped += j.Rows[i].Amount
	}
	if dropped > 0 {
		notes = append(notes, fmt.Sprintf("spend of %s on channels (or unmatched) with no records where %s is left out",
			widgets.Money(dropped, j.Currency), widgets.Clean(expr)))
	}
	if other := nonChannelColumns(whole, expr, dm.Name); len(other) > 0 {
		notes = append(notes, fmt.Sprintf("spend is by channel, not by %s: each channel's whole spend is set against its records where %s",
			widgets.Clean(strings.Join(other, ", ")), widgets.Clean(expr)))
	}
	return kept, notes
}

// nonChannelColumns lists the columns a filter names besides the channel.
func nonChannelColumns(ds *model.Dataset, expr, channel string) []string {
	f, err := filter.Parse(expr, ds)
	if err != nil {
		return nil
	}
	var out []string
	for _, t := range f.Terms {
		if !strings.EqualFold(t.Column, channel) && !containsFold(out, t.Column) {
			out = append(out, t.Column)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// PlanCosts turns a spend table into what the planner needs (the explorer's
// and the report's): cost per lead and spend per channel over the spend's
// months, and those months as days; or a note saying why there is none.
func PlanCosts(ds *model.Dataset, spend []money.SpendRow, opt money.Options, dim string) insight.PlannerOptions {
	var po insight.PlannerOptions
	switch {
	case spend == nil:
		po.CostNote = "add --spend for CAC"
		return po
	case dim == "":
		po.CostNote = "spend needs a channel column to be joined"
		return po
	}
	ue, err := money.ComputeUnitEconomics(ds, spend, dim, opt)
	if err != nil {
		po.CostNote = "spend not used: " + err.Error()
		return po
	}
	po.CostPerLead, po.Spend = map[string]float64{}, map[string]int64{}
	for _, g := range ue.Groups {
		po.Spend[g.Name] = g.Spend
		if len(g.CostPer) > 0 && g.CostPer[0].CostPer != nil {
			po.CostPerLead[g.Name] = float64(*g.CostPer[0].CostPer)
		}
	}
	if ue.WindowFrom != "" {
		var y1, m1, y2, m2 int
		fmt.Sscanf(ue.WindowFrom, "%d-%d", &y1, &m1)
		fmt.Sscanf(ue.WindowTo, "%d-%d", &y2, &m2)
		a, b := y1*12+m1-1, y2*12+m2-1 // model.MonthIndex form
		if b >= a && a > 0 {
			w := insight.Months(b, b-a+1)
			po.SpendFrom, po.SpendTo = w.From, w.To
		}
	}
	return po
}
