package insight

import (
	"fmt"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/money"
)

// PlanCosts turns a spend table into what the planner needs (the explorer's
// and the report's): cost per lead and spend per channel over the spend's
// months, and those months as days; or a note saying why there is none.
// spend and opt are those of the selection planned (money.ScopeSpend,
// money.ScopeOptions), dim the channel dimension ("" when there is none).
func PlanCosts(ds *model.Dataset, spend []money.SpendRow, opt money.Options, dim string) PlannerOptions {
	var po PlannerOptions
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
			w := Months(b, b-a+1)
			po.SpendFrom, po.SpendTo = w.From, w.To
		}
	}
	return po
}
