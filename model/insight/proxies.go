package insight

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// proxyPurity is the share of closed records a dimension's values must
// sort into won-only and lost-only values for it to count as restating
// the outcome; proxyMin the fewest won and lost records on each side.
const (
	proxyPurity = 0.98
	proxyMin    = 10
)

// outcomeProxies splits dims into those that are slices and those whose
// values restate the outcome: nearly every closed record's value is one
// seen only on won or only on lost records, as in a CRM's forecast
// category (Omitted on every lost deal, Closed on every won one). Such a
// "slice" converts at 0% or 100% by construction, which is no finding.
func outcomeProxies(ds *model.Dataset, dims []*model.Dim, maxValues int) (slices []*model.Dim, proxies []string) {
	if ds.Exit == nil {
		return dims, nil
	}
	for _, d := range dims {
		if card := d.Cardinality(); card <= maxValues && isProxy(ds, d, card) {
			proxies = append(proxies, d.Name)
			continue
		}
		slices = append(slices, d)
	}
	return slices, proxies
}

func isProxy(ds *model.Dataset, d *model.Dim, card int) bool {
	won, lost := make([]int, card), make([]int, card)
	for i, e := range ds.Exit {
		switch e {
		case model.ExitWon:
			won[d.Codes.At(i)]++
		case model.ExitLost, model.ExitDisqualified:
			lost[d.Codes.At(i)]++
		}
	}
	var closed, pure, wonOnly, lostOnly int
	for c := range card {
		closed += won[c] + lost[c]
		switch {
		case lost[c] == 0:
			pure += won[c]
			wonOnly += won[c]
		case won[c] == 0:
			pure += lost[c]
			lostOnly += lost[c]
		}
	}
	return wonOnly >= proxyMin && lostOnly >= proxyMin && float64(pure) >= proxyPurity*float64(closed)
}

// proxyNote says which dimensions were left out of the sticky points, and
// why.
func proxyNote(proxies []string) string {
	its := "its"
	if len(proxies) > 1 {
		its = "their"
	}
	return fmt.Sprintf("%s left out: %s values restate the outcome (each is on won or on lost records only), so the rates are 0%% or 100%% by construction",
		strings.Join(proxies, ", "), its)
}
