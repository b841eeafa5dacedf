package money

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/funnel-cli/funnel/model"
)

// SpendRow is one line of a spend file: what was spent on a channel or a
// campaign in one calendar month.
// WholeWindow is the Month of a spend row whose file gives no period: the
// spend covers the whole window of the data.
const WholeWindow = -1

type SpendRow struct {
	Line     int    `json:"line"` // 1-based line in the spend file (0 if generated)
	Channel  string `json:"channel,omitempty"`
	Campaign string `json:"campaign,omitempty"`
	Month    int    `json:"-"`      // model.MonthIndex form: year*12 + month-1
	Period   string `json:"period"` // YYYY-MM
	Amount   int64  `json:"amount"` // minor units
	Currency string `json:"currency,omitempty"`
}

// NormalizeName is the key names are matched on across files: lower case,
// letters and digits only ("Paid Social", "paid_social", "PAID-SOCIAL" → "paidsocial").
func NormalizeName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// NameMatch reports a spend name matched to a data value that is not
// spelled the same (or through a campaign, for channel-level totals).
type NameMatch struct {
	Spend string `json:"spend"` // as written in the spend file
	Data  string `json:"data"`  // the value in the data it was matched to
	Dim   string `json:"dim"`
	How   string `json:"how"` // "normalised" or "via campaign"
}

// UnmatchedSpend is a spend row that no data value matched; its amount is
// still counted in the totals.
type UnmatchedSpend struct {
	SpendRow
	Reason string `json:"reason"`
}

// SpendJoin is the result of matching spend rows to one dimension.
type SpendJoin struct {
	By string `json:"by"` // the dimension joined to
	// Rows are the spend rows in the report currency; Group is the data
	// value each was matched to ("" when unmatched), parallel to Rows.
	Rows      []SpendRow       `json:"-"`
	Group     []string         `json:"-"`
	Matches   []NameMatch      `json:"matches,omitempty"`
	Unmatched []UnmatchedSpend `json:"unmatched,omitempty"`
	Total     int64            `json:"total"`
	Matched   int64            `json:"matched"`
	Currency  string           `json:"currency"`
}

// JoinSpend matches spend rows to values of the channel dimension (by
// "channel") or the campaign dimension (by "campaign"), exact first, then on
// NormalizeName. For a channel join, a row naming only a campaign goes to
// the channel most of that campaign's records carry. Amounts are converted
// to the report currency (see amounts); nothing is dropped.
func JoinSpend(ds *model.Dataset, rows []SpendRow, by string, o Options) (SpendJoin, error) {
	by = strings.ToLower(by)
	if by == "" {
		by = "channel"
	}
	if by != "channel" && by != "campaign" {
		return SpendJoin{}, fmt.Errorf("spend joins by channel or campaign, not %q", by)
	}
	_, cur, err := amounts(ds, o)
	if err != nil {
		return SpendJoin{}, err
	}
	j := SpendJoin{By: by, Currency: cur}
	target := o.channel(ds)
	if by == "campaign" {
		target = o.campaign(ds)
	}
	campDim := o.campaign(ds)
	idx := newNameIndex(target)
	var campIdx *nameIndex
	var campChannel map[string]string
	seen := map[[2]string]bool{}
	if cur == "" { // the data names no currency: the spend may name at most one
		var codes []string
		for _, r := range rows {
			if c := strings.ToUpper(r.Currency); c != "" && !slices.Contains(codes, c) {
				codes = append(codes, c)
			}
		}
		if len(codes) > 1 {
			return SpendJoin{}, fmt.Errorf("spend is in %d currencies (%s); not summed: give --currency and --rates", len(codes), strings.Join(codes, ", "))
		}
	}
	for _, r := range rows {
		if cur != "" && r.Currency != "" && !strings.EqualFold(r.Currency, cur) {
			f, err := o.rate(r.Currency, cur)
			if err != nil {
				return SpendJoin{}, err
			}
			r.Amount = convert(r.Amount, f)
			r.Currency = cur
		}
		name, group, how, reason := r.Channel, "", "", ""
		if by == "campaign" {
			name = r.Campaign
		}
		switch {
		case target == nil:
			reason = "the data has no " + by + " column"
		case name != "":
			group, how = idx.find(name)
			if group == "" {
				reason = "no " + by + " in the data matches this name"
			}
		case r.Campaign != "" && campDim != nil:
			if campIdx == nil {
				campIdx = newNameIndex(campDim)
				campChannel = dominant(ds, campDim, target)
			}
			c, _ := campIdx.find(r.Campaign)
			group, how, name = campChannel[c], "via campaign", r.Campaign
			if group == "" {
				reason = "no campaign in the data matches this name"
			}
		default:
			reason = "row names no " + by
		}
		j.Rows = append(j.Rows, r)
		j.Group = append(j.Group, group)
		j.Total += r.Amount
		if group == "" {
			j.Unmatched = append(j.Unmatched, UnmatchedSpend{SpendRow: r, Reason: reason})
			continue
		}
		j.Matched += r.Amount
		if how != "exact" && !seen[[2]string{name, group}] {
			seen[[2]string{name, group}] = true
			j.Matches = append(j.Matches, NameMatch{Spend: name, Data: group, Dim: target.Name, How: how})
		}
	}
	sort.Slice(j.Matches, func(a, b int) bool { return j.Matches[a].Spend < j.Matches[b].Spend })
	return j, nil
}

type nameIndex struct {
	exact map[string]string
	norm  map[string]string
}

func newNameIndex(d *model.Dim) *nameIndex {
	ix := &nameIndex{exact: map[string]string{}, norm: map[string]string{}}
	if d == nil {
		return ix
	}
	for _, v := range d.Values {
		if v == "" {
			continue
		}
		ix.exact[v] = v
		if k := NormalizeName(v); k != "" {
			if _, dup := ix.norm[k]; !dup {
				ix.norm[k] = v
			}
		}
	}
	return ix
}

func (ix *nameIndex) find(s string) (string, string) {
	if v, ok := ix.exact[s]; ok {
		return v, "exact"
	}
	if k := NormalizeName(s); k != "" {
		if v, ok := ix.norm[k]; ok {
			return v, "normalised"
		}
	}
	return "", ""
}

// dominant maps each value of from to the value of to most of its records carry.
func dominant(ds *model.Dataset, from, to *model.Dim) map[string]string {
	counts := make([]map[uint32]int, len(from.Values))
	for i := 0; i < ds.Len(); i++ {
		f := from.Codes.At(i)
		if counts[f] == nil {
			counts[f] = map[uint32]int{}
		}
		counts[f][to.Codes.At(i)]++
	}
	out := map[string]string{}
	for f, m := range counts {
		best, bestN := uint32(0), -1
		for c, n := range m {
			if n > bestN || (n == bestN && c < best) {
				best, bestN = c, n
			}
		}
		if bestN > 0 && best != 0 {
			out[from.Values[f]] = to.Values[best]
		}
	}
	return out
}
