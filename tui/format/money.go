package format

import (
	"strconv"
	"strings"
)

// currencySymbols are the codes shown with a symbol; any other code is
// written before the number ("CHF 1,250").
var currencySymbols = map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}

// Money formats an amount in minor units (cents) of a currency with
// thousands separators: whole units from 1,000 up ("$12,346", rounded half
// away from zero), cents below that ("$45.20"). A code with no symbol is
// written before the number ("CHF 1,250"); an empty code gives the bare
// number. The code is cleaned, so it is safe to draw whatever the data said.
func Money(cents int64, currency string) string { return money(cents, currency, false) }

// MoneyWhole is Money in whole units at every size ("$56", not "$55.69"):
// for an amount in a column whose other amounts are 1,000 or more, so a
// column has one format.
func MoneyWhole(cents int64, currency string) string { return money(cents, currency, true) }

func money(cents int64, currency string, whole bool) string {
	neg := cents < 0
	u := uint64(cents)
	if neg {
		u = uint64(-(cents + 1)) + 1 // no overflow at math.MinInt64
	}
	var num string
	if u < 100_000 && !whole {
		num = Count(int(u/100)) + "." + pad2(u%100)
	} else {
		num = countU((u + 50) / 100)
	}
	code := strings.ToUpper(Clean(currency))
	sign := ""
	if neg {
		sign = "-"
	}
	if sym, ok := currencySymbols[code]; ok {
		return sign + sym + num
	}
	if code == "" {
		return sign + num
	}
	return code + " " + sign + num
}

func pad2(n uint64) string {
	if n < 10 {
		return "0" + strconv.FormatUint(n, 10)
	}
	return strconv.FormatUint(n, 10)
}

func countU(n uint64) string {
	s := strconv.FormatUint(n, 10)
	var b strings.Builder
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
