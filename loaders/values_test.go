package loaders

import (
	"testing"

	"github.com/funnel-cli/funnel/model"
)

func TestParseDate(t *testing.T) {
	d := model.DayFromCivil
	cases := []struct {
		in   string
		ok   bool
		day  int32 // when unambiguous
		amb  bool
		kind uint8
	}{
		{"2025-03-14", true, d(2025, 3, 14), false, dkISO},
		{"2025-03-14T09:30:00Z", true, d(2025, 3, 14), false, dkISO},
		{"2025-03-14 09:30", true, d(2025, 3, 14), false, dkISO},
		{"2025/03/14", true, d(2025, 3, 14), false, dkISO},
		{"2024-02-29", true, d(2024, 2, 29), false, dkISO},
		{"2025-02-29", false, 0, false, 0},
		{"2025-13-01", false, 0, false, 0},
		{"03/14/2025", true, d(2025, 3, 14), false, dkSlash},
		{"3/14/2025 9:12 AM", true, d(2025, 3, 14), false, dkSlash},
		{"14/03/2025", true, d(2025, 3, 14), false, dkSlash},
		{"14-03-2025", true, d(2025, 3, 14), false, dkSlash},
		{"14.03.2025", true, d(2025, 3, 14), false, dkDot},
		{"14.03.25", true, d(2025, 3, 14), false, dkDot},
		{"03/04/2025", true, 0, true, dkSlash},
		{"13/13/2025", false, 0, false, 0},
		{"15 Apr, 2021 00:03:00", true, d(2021, 4, 15), false, dkNamed},
		{"Apr 15, 2021", true, d(2021, 4, 15), false, dkNamed},
		{"April 15 2021 3:04 PM", true, d(2021, 4, 15), false, dkNamed},
		{"15-Apr-2021", true, d(2021, 4, 15), false, dkNamed},
		{"Tue, 15 Apr 2021", true, d(2021, 4, 15), false, dkNamed},
		{"31 Apr 2021", false, 0, false, 0},
		{"45000", true, d(2023, 3, 15), false, dkSerial},
		{"45000.75", true, d(2023, 3, 15), false, dkSerial},
		{"123", false, 0, false, 0},
		{"L0001", false, 0, false, 0},
		{"yesterday", false, 0, false, 0},
	}
	for _, c := range cases {
		v, ok := parseDate([]byte(c.in))
		if ok != c.ok || (ok && (v.Amb != c.amb || v.Kind != c.kind || (!c.amb && v.Day != c.day))) {
			t.Errorf("%q: got %+v ok=%v (%s), want ok=%v %s amb=%v kind=%d", c.in, v, ok, model.DayString(v.Day), c.ok, model.DayString(c.day), c.amb, c.kind)
		}
	}
}

func TestDateColumnOrder(t *testing.T) {
	cases := []struct {
		vals  []string
		force DateOrder
		first string // the first value's day
		says  string
	}{
		{[]string{"03/04/2025", "13/04/2025", "20/05/2025"}, OrderAuto, "2025-04-03", "read as DD/MM/YYYY (2 values had a day > 12)"},
		{[]string{"03/04/2025", "04/13/2025"}, OrderAuto, "2025-03-04", "read as MM/DD/YYYY (1 values had a second part > 12"},
		{[]string{"03/04/2025"}, OrderAuto, "2025-03-04", "US month-first was assumed"},
		{[]string{"03.04.2025"}, OrderAuto, "2025-04-03", "read as DD.MM.YYYY"},
		{[]string{"03/04/2025"}, OrderDMY, "2025-04-03", "as set by the options"},
		{[]string{"03/04/2025", "13/04/2025", "13/04/2025", "04/13/2025"}, OrderAuto, "2025-04-03", "mixes both orders: 2 values only fit day first, 1 only month first"},
	}
	for _, c := range cases {
		col := newDateCol("d", 0)
		for _, s := range c.vals {
			v, ok := parseDate([]byte(s))
			col.push(v, ok)
		}
		msg := col.finish(c.force)
		if got := model.DayString(col.vals[0]); got != c.first || !contains(msg, c.says) {
			t.Errorf("%v: first %s, says %q; want %s and %q", c.vals, got, msg, c.first, c.says)
		}
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || (len(s) >= len(sub) && indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestParseAmount(t *testing.T) {
	cases := []struct {
		in       string
		decComma bool
		cents    int64
		cur      string
		ok       bool
	}{
		{"1200", false, 120000, "", true},
		{"1,200", false, 120000, "", true},
		{"1,200.50", false, 120050, "", true},
		{"$1,200.50", false, 120050, "USD", true},
		{"USD 1,200", false, 120000, "USD", true},
		{"1.234,56", false, 123456, "", true},
		{"1.234,56 €", false, 123456, "EUR", true},
		{"€ 2.500,00", false, 250000, "EUR", true},
		{"£99.9", false, 9990, "GBP", true},
		{"12,5", false, 1250, "", true},
		{"1.234", true, 123400, "", true},
		{"1,234", true, 123, "", true},
		{"1 234 567,89 EUR", false, 123456789, "EUR", true},
		{"1\u00a0234,50", false, 123450, "", true},
		{"(4,500.50)", false, -450050, "", true},
		{"-$300", false, -30000, "USD", true},
		{"$-300", false, -30000, "USD", true},
		{"300-", false, -30000, "", true},
		{"0.005", false, 1, "", true},
		{"1,234,567.891", false, 123456789, "", true},
		{"abc", false, 0, "", false},
		{"$", false, 0, "USD", false},
		{"1.2.3,4,5", false, 0, "", false},
		{"99999999999999999999", false, 0, "", false},
	}
	for _, c := range cases {
		cents, cur, ok := parseAmount([]byte(c.in), c.decComma)
		if ok != c.ok || (ok && (cents != c.cents || cur != c.cur)) {
			t.Errorf("%q (decComma %v): got %d %q %v, want %d %q %v", c.in, c.decComma, cents, cur, ok, c.cents, c.cur, c.ok)
		}
	}
}

func TestMoneyDecimalComma(t *testing.T) {
	b := func(s ...string) [][]byte {
		var out [][]byte
		for _, v := range s {
			out = append(out, []byte(v))
		}
		return out
	}
	if !moneyDecimalComma(b("1.234,56", "12,5", "1.000")) || moneyDecimalComma(b("1,234.56", "12.5", "1,000")) || moneyDecimalComma(b("1000")) {
		t.Error("decimal comma vote")
	}
}

func TestParseBool(t *testing.T) {
	for in, want := range map[string]bool{"1": true, "Yes": true, "TRUE": true, "true": true, "x": true, "0": false, "No": false, "FALSE": false, "": false} {
		if v, ok := parseBool([]byte(in)); !ok || v != want {
			t.Errorf("%q: %v %v", in, v, ok)
		}
	}
	if _, ok := parseBool([]byte("maybe")); ok {
		t.Error("maybe is not a flag")
	}
}
