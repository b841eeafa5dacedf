package demo

import (
	"bufio"
	"encoding/csv"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/money"
)

// spendCPL is each demo channel's cost per lead in dollars, and spendNames
// how a marketer's spreadsheet spells it (case and spacing differ from the
// lead file on purpose: the join matches them and reports it).
var (
	spendCPL   = map[string]float64{"paid_social": 45, "organic": 12, "events": 180, "outbound": 110, "partner": 60, "chat": 20}
	spendNames = map[string]string{"paid_social": "Paid Social", "organic": "Organic", "events": "Events",
		"outbound": "Outbound", "partner": "Partner", "chat": "Chat"}
)

// AgencyRetainer is a monthly spend line that names no channel in the data:
// the demo's example of unmatched spend (listed, not dropped).
const AgencyRetainer = "Agency retainer"

// Spend returns a deterministic monthly spend table for a demo dataset: per
// channel and month, the leads it brought in that month × the channel's
// cost per lead × a fixed ±10% wobble, plus a $2,500 agency retainer a month.
func Spend(ds *model.Dataset) []money.SpendRow {
	ch := ds.Dim("channel")
	if ch == nil || !ds.HasDates {
		return nil
	}
	type key struct {
		ch    string
		month int
	}
	leads := map[key]int{}
	months := map[int]bool{}
	for i, d := range ds.Days[0] {
		if d == model.NoDay {
			continue
		}
		m := model.MonthIndex(d)
		leads[key{ch.Value(i), m}]++
		months[m] = true
	}
	keys := make([]key, 0, len(leads))
	for k := range leads {
		if _, ok := spendCPL[k.ch]; ok {
			keys = append(keys, k)
		}
	}
	for m := range months {
		keys = append(keys, key{AgencyRetainer, m})
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].month != keys[b].month {
			return keys[a].month < keys[b].month
		}
		return keys[a].ch < keys[b].ch
	})
	out := make([]money.SpendRow, 0, len(keys))
	for _, k := range keys {
		cents := int64(250000)
		name := AgencyRetainer
		if k.ch != AgencyRetainer {
			cents = int64(math.Round(float64(leads[k]) * spendCPL[k.ch] * wobble(k.ch, k.month) * 100))
			name = spendNames[k.ch]
		}
		out = append(out, money.SpendRow{Channel: name, Month: k.month, Period: model.MonthLabel(k.month), Amount: cents, Currency: "USD"})
	}
	return out
}

// wobble is a fixed factor in [0.9, 1.1) from a channel and month.
func wobble(ch string, month int) float64 {
	h := uint64(14695981039346656037)
	for _, c := range []byte(ch) {
		h = (h ^ uint64(c)) * 1099511628211
	}
	h = (h ^ uint64(month)) * 0x9e3779b97f4a7c15
	return 0.9 + 0.2*float64(h>>11)/float64(1<<53)
}

// SpendHeader is the column layout WriteSpendCSV writes.
var SpendHeader = []string{"channel", "month", "spend", "currency"}

// WriteSpendCSV writes spend rows as channel, month, spend, currency.
func WriteSpendCSV(w io.Writer, rows []money.SpendRow) error {
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	if err := cw.Write(SpendHeader); err != nil {
		return err
	}
	for _, r := range rows {
		name := r.Channel
		if name == "" {
			name = r.Campaign
		}
		amt := strconv.FormatInt(r.Amount/100, 10) + "." + strconv.FormatInt(100+r.Amount%100, 10)[1:]
		if err := cw.Write([]string{safeCell(name), r.Period, amt, r.Currency}); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// safeCell keeps a spreadsheet from reading a name as a formula.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// SpendCSV returns spend rows as CSV text (for tests).
func SpendCSV(rows []money.SpendRow) string {
	var b strings.Builder
	_ = WriteSpendCSV(&b, rows)
	return b.String()
}
