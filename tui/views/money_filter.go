package views

import (
	"fmt"
	"strings"

	"funnel/model"
	"funnel/model/money"
	"funnel/tui/widgets"
)

// computeMoneyFor computes the money view's figures for the records the
// state's filter selects, as of its date. Spend cannot be filtered the way
// records are: under a filter only the spend of channels that have
// selected records is kept (the rest is said), and when the filter names
// anything but the channel, each kept channel's whole spend is set
// against its selected records, which the notes say too.
func computeMoneyFor(c Common, st State) MoneyData {
	sel, err := stateSelection(c.Data, st)
	if err != nil {
		return MoneyData{FilterErr: err}
	}
	cs := onSelection(c, sel, st)
	var notes []string
	cs.Spend, notes = spendFor(c, sel, st)
	d := ComputeMoney(cs)
	d.Scope = scopeNote(sel, st.Filter)
	d.SpendNotes = notes
	return d
}

// spendFor is the spend that belongs with a selection: without a filter
// all of it (up to the as-of month when one is set), with one only the
// rows joined to a channel that has selected records.
func spendFor(c Common, sel *model.Selection, st State) ([]money.SpendRow, []string) {
	if c.Spend == nil {
		return nil, nil
	}
	rows := c.Spend
	var notes []string
	if st.AsOf != model.NoDay && st.AsOf != 0 {
		last := model.MonthIndex(st.AsOf)
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
	if st.Filter == "" {
		return rows, notes
	}
	j, err := money.JoinSpend(c.Data, rows, "channel", c.Money)
	ch := c.Money.ChannelDim
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
			widgets.Money(dropped, j.Currency), widgets.Clean(st.Filter)))
	}
	if other := nonChannelColumns(c.Data, st.Filter, dm.Name); len(other) > 0 {
		notes = append(notes, fmt.Sprintf("spend is by channel, not by %s: each channel's whole spend is set against its records where %s",
			widgets.Clean(strings.Join(other, ", ")), widgets.Clean(st.Filter)))
	}
	return kept, notes
}

// nonChannelColumns lists the columns a filter names besides the channel.
func nonChannelColumns(ds *model.Dataset, filter, channel string) []string {
	f, err := model.ParseFilter(filter, ds)
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
