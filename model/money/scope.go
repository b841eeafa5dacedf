package money

// Working on part of the data, as the explorer's views and the headless
// report both do: the money options and the spend table that go with a
// selection (Engine.Select) of the records under a filter, as of a date,
// and notes that say what was left out.

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// asked reports whether an as-of day was given (0 and NoDay: none).
func asked(asOf int32) bool { return asOf != model.NoDay && asOf != 0 }

// ScopeOptions are opt for the selection: money is counted as of the
// selection's day when a filter or an as-of date is set (the whole data's
// last day otherwise, as without a selection).
func ScopeOptions(opt Options, sel *query.Selection, asOf int32) Options {
	if !sel.Whole() || asked(asOf) {
		opt.AsOf = sel.AsOf
	}
	return opt
}

// ScopeSpend is the spend that belongs with a selection of whole's records:
// without a filter all of it (up to the as-of month when one is set), with
// one only the rows joined to a channel that has selected records. expr
// is the filter's expression ("" for none), asOf the day asked (0 or
// NoDay: none). The notes say what was left out, and that spend is by
// channel when the filter names other columns. Notes quote the filter and
// column names as given: a caller drawing them sanitises them, as it does
// every string from the data.
func ScopeSpend(whole *model.Dataset, spend []SpendRow, sel *query.Selection, expr string, asOf int32, opt Options) ([]SpendRow, []string) {
	if spend == nil {
		return nil, nil
	}
	rows := spend
	var notes []string
	if asked(asOf) {
		last := model.MonthIndex(asOf)
		kept := make([]SpendRow, 0, len(rows))
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
	j, err := JoinSpend(whole, rows, "channel", opt)
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
	kept := make([]SpendRow, 0, len(rows))
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
			wholeUnits(dropped, j.Currency), expr))
	}
	if other := nonChannelColumns(whole, expr, dm.Name); len(other) > 0 {
		notes = append(notes, fmt.Sprintf("spend is by channel, not by %s: each channel's whole spend is set against its records where %s",
			strings.Join(other, ", "), expr))
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

// wholeUnits writes cents as whole units with thousands separators and the
// currency code: "12,346 USD".
func wholeUnits(cents int64, currency string) string {
	s := message.NewPrinter(language.English).Sprintf("%d", (cents+50)/100)
	if currency != "" {
		s += " " + currency
	}
	return s
}
