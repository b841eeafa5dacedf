package loaders

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/money"
)

// spendRecord is the struct gocsv fills: one spend row, every field as
// text (parsed and located by LoadSpend, not by gocsv).
type spendRecord struct {
	Channel  string `csv:"channel"`
	Campaign string `csv:"campaign"`
	Period   string `csv:"period"`
	Amount   string `csv:"amount"`
	Currency string `csv:"currency"`
	Line     string `csv:"line"`
}

// spendHeaders maps a header (NormalizeName form) to its field.
var spendHeaders = map[string]string{
	"channel": "channel", "source": "channel", "leadsource": "channel", "originalsource": "channel",
	"utmsource": "channel", "channelname": "channel",
	"campaign": "campaign", "campaignname": "campaign", "utmcampaign": "campaign",
	"period": "period", "month": "period", "date": "period", "startdate": "period",
	"amount": "amount", "spend": "amount", "cost": "amount", "amountspent": "amount", "spent": "amount",
	"totalspend": "amount", "totalcost": "amount",
	"currency": "currency", "currencycode": "currency",
}

// LoadSpendFile opens path read-only and loads it as a spend file.
func LoadSpendFile(path string) ([]money.SpendRow, model.LoadInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, model.LoadInfo{}, err
	}
	defer f.Close()
	return LoadSpend(f, filepath.Base(path))
}

// LoadSpend reads a spend file: one row per channel or campaign and month,
// with columns channel and/or campaign, period (YYYY-MM, a date in the
// month, MM/YYYY or "Jan 2026"), amount ("$1,234.50", "1.234,50 €") and an
// optional currency (a header like "spend (EUR)" also sets it). Comma,
// semicolon or tab separated; a UTF-8 BOM is skipped. Blank rows and
// "Total" rows are skipped and listed; any other bad value is a located error.
func LoadSpend(r io.Reader, name string) ([]money.SpendRow, model.LoadInfo, error) {
	info := model.LoadInfo{Files: []string{name}}
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	head, _ := br.Peek(4096)
	cr := csv.NewReader(br)
	cr.Comma = sniffComma(head)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, info, errorf(name, 1, 0, "", "", "a header row: channel or campaign, period, amount", "empty spend file")
	}
	if err != nil {
		return nil, info, spendCSVError(name, err)
	}
	canon, defCurrency, herr := spendHeader(name, header)
	if herr != nil {
		return nil, info, herr
	}
	recs := [][]string{append(canon, "line")}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, info, spendCSVError(name, err)
		}
		line, _ := cr.FieldPos(0)
		row := make([]string, len(canon)+1)
		copy(row, rec)
		row[len(canon)] = fmt.Sprint(line)
		recs = append(recs, row)
	}
	var raw []spendRecord
	if err := gocsv.UnmarshalCSV(&sliceReader{recs: recs}, &raw); err != nil {
		return nil, info, fmt.Errorf("%s: %w", name, err)
	}
	col := func(field string) int {
		for i, c := range canon {
			if c == field {
				return i + 1
			}
		}
		return 0
	}
	var out []money.SpendRow
	for _, s := range raw {
		info.Read++
		var line int
		fmt.Sscan(s.Line, &line)
		ch, camp := strings.TrimSpace(s.Channel), strings.TrimSpace(s.Campaign)
		per, amt := strings.TrimSpace(s.Period), strings.TrimSpace(s.Amount)
		if ch == "" && camp == "" && per == "" && amt == "" {
			info.Skipped++
			info.Problems = append(info.Problems, model.Problem{File: name, Line: line, Reason: "blank row skipped"})
			continue
		}
		if per == "" && isTotalLabel(ch+camp) {
			info.Skipped++
			info.Problems = append(info.Problems, model.Problem{File: name, Line: line, Found: ch + camp, Reason: "total row skipped"})
			continue
		}
		if ch == "" && camp == "" {
			return nil, info, errorf(name, line, col("channel")+col("campaign"), "channel", "", "a channel or campaign name", "spend row names no channel or campaign")
		}
		month, ok := parsePeriod(per)
		if per == "" && !hasPeriod(canon) {
			month, ok = money.WholeWindow, true
		}
		if !ok {
			return nil, info, errorf(name, line, col("period"), "period", per, "a month like 2026-01, 2026-01-31, 01/2026 or Jan 2026", "unreadable period")
		}
		cents, cur, ok := parseMoney(amt)
		if !ok {
			return nil, info, errorf(name, line, col("amount"), "amount", amt, "an amount like 1234.50, $1,234.50 or 1.234,50 €", "unreadable amount")
		}
		code := strings.ToUpper(strings.TrimSpace(s.Currency))
		if code != "" && !isCurrencyCode(code) {
			return nil, info, errorf(name, line, col("currency"), "currency", s.Currency, "a three-letter ISO code like USD", "unreadable currency")
		}
		if cur != "" && code != "" && cur != code {
			return nil, info, errorf(name, line, col("amount"), "amount", amt, "the currency of the currency column ("+code+")", "amount and currency disagree")
		}
		label := model.MonthLabel(month)
		if month == money.WholeWindow {
			label = ""
		}
		out = append(out, money.SpendRow{Line: line, Channel: ch, Campaign: camp, Month: month,
			Period: label, Amount: cents, Currency: firstOf(code, cur, defCurrency)})
		info.Used++
	}
	return out, info, nil
}

// spendHeader maps the header to gocsv field names ("" for ignored columns).
func spendHeader(name string, header []string) ([]string, string, error) {
	canon := make([]string, len(header))
	seen := map[string]int{}
	cur := ""
	for i, h := range header {
		n := money.NormalizeName(h)
		f, ok := spendHeaders[n]
		if !ok {
			for _, p := range []string{"amount", "spend", "cost"} {
				if c := strings.ToUpper(strings.TrimPrefix(n, p)); strings.HasPrefix(n, p) && isCurrencyCode(c) {
					f, ok, cur = "amount", true, c
				}
			}
		}
		if !ok {
			canon[i] = fmt.Sprintf("_ignored%d", i)
			continue
		}
		if j, dup := seen[f]; dup {
			return nil, "", errorf(name, 1, i+1, h, h, "one "+f+" column", fmt.Sprintf("column %d (%q) is also a %s column", j+1, header[j], f))
		}
		seen[f] = i
		canon[i] = f
	}
	_, hasCh := seen["channel"]
	_, hasCamp := seen["campaign"]
	_, hasPer := seen["period"]
	_, hasAmt := seen["amount"]
	_ = hasPer // no period: spend over the whole window
	if !hasAmt || (!hasCh && !hasCamp) {
		return nil, "", errorf(name, 1, 0, "", strings.Join(header, ","), "columns channel (or campaign), period (or month) and amount (or spend, cost)", "spend file header is missing a column")
	}
	return canon, cur, nil
}

type sliceReader struct {
	recs [][]string
	i    int
}

func (s *sliceReader) Read() ([]string, error) {
	if s.i >= len(s.recs) {
		return nil, io.EOF
	}
	s.i++
	return s.recs[s.i-1], nil
}

func (s *sliceReader) ReadAll() ([][]string, error) {
	r := s.recs[s.i:]
	s.i = len(s.recs)
	return r, nil
}

func sniffComma(head []byte) rune {
	line, _, _ := bytes.Cut(head, []byte{'\n'})
	best, bestN := ',', bytes.Count(line, []byte{','})
	for _, c := range []rune{';', '\t'} {
		if n := bytes.Count(line, []byte(string(c))); n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

func spendCSVError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return errorf(name, pe.Line, pe.Column, "", "", "well-formed CSV", pe.Err.Error())
	}
	return fmt.Errorf("%s: %w", name, err)
}

func isTotalLabel(s string) bool {
	n := money.NormalizeName(s)
	return n == "total" || n == "grandtotal" || n == "sum"
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// parseMoney reads an amount as minor units (two decimals) and the currency
// a symbol or code in it names ("" if none). The decimal separator is the
// last of '.' or ',' when both appear; a lone separator followed by exactly
// three digits, or repeated, groups thousands ("1,234" and "1.234" are 1234).
func parseMoney(s string) (int64, string, bool) {
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, strings.TrimSpace(s[1:len(s)-1])
	}
	cur := ""
	for _, sym := range []struct{ sym, code string }{{"US$", "USD"}, {"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"CHF", "CHF"}} {
		if strings.Contains(s, sym.sym) {
			s, cur = strings.Replace(s, sym.sym, "", 1), sym.code
			break
		}
	}
	s = strings.TrimSpace(s)
	if len(s) > 3 && isCurrencyCode(strings.ToUpper(s[len(s)-3:])) && (s[len(s)-4] == ' ' || s[len(s)-4] >= '0' && s[len(s)-4] <= '9') {
		cur, s = strings.ToUpper(s[len(s)-3:]), strings.TrimSpace(s[:len(s)-3])
	} else if len(s) > 3 && isCurrencyCode(strings.ToUpper(s[:3])) {
		cur, s = strings.ToUpper(s[:3]), strings.TrimSpace(s[3:])
	}
	if strings.HasPrefix(s, "-") {
		neg, s = !neg, strings.TrimSpace(s[1:])
	}
	var digits strings.Builder
	dec := -1 // index in s of the decimal separator
	if i := strings.LastIndexAny(s, ".,"); i >= 0 {
		sep := s[i]
		other := byte('.')
		if sep == '.' {
			other = ','
		}
		switch {
		case strings.IndexByte(s, other) >= 0 && strings.IndexByte(s, other) < i:
			dec = i
		case strings.Count(s, string(sep)) == 1 && (len(s)-i-1 != 3 || strings.Trim(s[:i], "0 ") == ""):
			dec = i // "0.125" is a (rejected) fraction, not thousands
		}
	}
	frac := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits.WriteByte(c)
			if dec >= 0 && i > dec {
				frac++
			}
		case i == dec:
		case c == ',' || c == '.' || c == ' ' || c == '\'':
			if dec >= 0 && i > dec {
				return 0, "", false
			}
		default:
			if r, w := utf8.DecodeRuneInString(s[i:]); r == '\u00a0' || r == '\u202f' {
				i += w - 1
				continue
			}
			return 0, "", false
		}
	}
	d := digits.String()
	intPart := s
	if dec >= 0 {
		intPart = s[:dec]
	}
	groups := strings.FieldsFunc(intPart, func(r rune) bool { return strings.ContainsRune(".,' \u00a0\u202f", r) })
	for g := 1; g < len(groups); g++ {
		if len(groups[g]) != 3 {
			return 0, "", false
		}
	}
	if d == "" || frac > 2 || len(d) > 17 {
		return 0, "", false
	}
	for ; frac < 2; frac++ {
		d += "0"
	}
	v, err := strconv.ParseInt(d, 10, 64)
	if err != nil {
		return 0, "", false
	}
	if neg {
		v = -v
	}
	return v, cur, true
}

func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// parsePeriod reads a month as a model.MonthIndex: 2026-01, 2026/01,
// 2026-01-31 (and a time after it), 01/2026, Jan 2026, January 2026.
func parsePeriod(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if d, ok := parseISODate(s); ok {
		return model.MonthIndex(d), true
	}
	ok := func(y, m int) (int, bool) {
		if y < 1900 || y > 2200 || m < 1 || m > 12 {
			return 0, false
		}
		return y*12 + m - 1, true
	}
	if len(s) == 7 && (s[4] == '-' || s[4] == '/') {
		y, ok1 := atoiN(s[:4])
		m, ok2 := atoiN(s[5:])
		if ok1 && ok2 {
			return ok(y, m)
		}
	}
	if a, b, found := strings.Cut(s, "/"); found && len(b) == 4 && len(a) <= 2 {
		m, ok1 := atoiN(a)
		y, ok2 := atoiN(b)
		if ok1 && ok2 && a != "" {
			return ok(y, m)
		}
	}
	if f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == ',' }); len(f) == 2 && len(f[1]) == 4 && len(f[0]) >= 3 {
		y, ok1 := atoiN(f[1])
		name := strings.TrimSuffix(strings.ToLower(f[0]), ".")
		for i, mn := range monthNames {
			if ok1 && len(name) >= 3 && strings.HasPrefix(mn, name) {
				return ok(y, i+1)
			}
		}
	}
	return 0, false
}

// hasPeriod says whether the spend header has a period column.
func hasPeriod(canon []string) bool {
	for _, c := range canon {
		if c == "period" {
			return true
		}
	}
	return false
}
