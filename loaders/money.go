package loaders

import (
	"bytes"
	"strings"
)

var currencySymbols = []struct{ sym, code string }{
	{"US$", "USD"}, {"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"₹", "INR"}, {"CHF", "CHF"},
}

// parseAmount reads an amount into cents (rounded half up on the third
// decimal), as parseAmount4 reads it.
func parseAmount(b []byte, decComma bool) (cents int64, currency string, ok bool) {
	v, currency, ok := parseAmount4(b, decComma)
	if v < 0 {
		return -((-v + 50) / 100), currency, ok
	}
	return (v + 50) / 100, currency, ok
}

// maxWhole4 is the largest whole amount parseAmount4 holds (922 trillion).
const maxWhole4 = (1<<63-1)/10000 - 1

// parseAmount4 reads an amount into ten-thousandths of its unit (a sum
// of them is exact to four decimals; finer digits round half up on the
// fifth): currency symbols or ISO codes before or after, thousands
// separators (, . space ' and no-break space), a decimal comma when
// decComma is set or evident ("1.234,56"), and negatives as -1 or (1).
// currency is "" if none shown.
func parseAmount4(b []byte, decComma bool) (v int64, currency string, ok bool) {
	s := strings.TrimSpace(string(b))
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, strings.TrimSpace(s[1:len(s)-1])
	}
	if strings.HasPrefix(s, "-") {
		neg, s = !neg, strings.TrimSpace(s[1:])
	} else if strings.HasSuffix(s, "-") {
		neg, s = !neg, strings.TrimSpace(s[:len(s)-1])
	}
	s, currency = stripCurrency(s)
	if strings.HasPrefix(s, "-") && !neg {
		neg, s = true, strings.TrimSpace(s[1:])
	}
	if s == "" {
		return 0, currency, false
	}
	// Decide which separator is decimal.
	lastDot, lastComma := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	dec := byte(0)
	switch {
	case lastDot >= 0 && lastComma >= 0:
		dec = '.'
		if lastComma > lastDot {
			dec = ','
		}
	case lastDot >= 0:
		if strings.Count(s, ".") == 1 && (!decComma || len(s)-lastDot-1 != 3) {
			dec = '.'
		}
	case lastComma >= 0:
		if strings.Count(s, ",") == 1 && (decComma || len(s)-lastComma-1 != 3) {
			dec = ','
		}
	}
	var whole, frac int64
	fracDigits, digits := 0, 0
	inFrac := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			if digits > 17 {
				return 0, currency, false
			}
			if inFrac {
				if fracDigits < 4 {
					frac = frac*10 + int64(c-'0')
				} else if fracDigits == 4 && c >= '5' {
					frac++ // round half up on the fifth decimal
				}
				fracDigits++
			} else {
				whole = whole*10 + int64(c-'0')
				if whole > maxWhole4 {
					return 0, currency, false // past 922 trillion
				}
			}
		case c == dec && !inFrac:
			inFrac = true
		case c == ',' || c == '.' || c == ' ' || c == '\'' || c == '_':
			if inFrac {
				return 0, currency, false
			}
		default:
			if strings.HasPrefix(s[i:], "\u00a0") || strings.HasPrefix(s[i:], "\u202f") {
				i += len("\u00a0") - 1
				continue
			}
			return 0, currency, false
		}
	}
	if digits == 0 {
		return 0, currency, false
	}
	for d := min(fracDigits, 4); d < 4; d++ {
		frac *= 10
	}
	v = whole*1e4 + frac
	if neg {
		v = -v
	}
	return v, currency, true
}

// amountDecimals is the fewest decimals (2 to 4) that hold every amount
// of vs (in parseAmount4's units) exactly.
func amountDecimals(vs []int64) int {
	d := 2
	for _, v := range vs {
		switch {
		case v%10 != 0:
			return 4
		case v%100 != 0:
			d = 3
		}
	}
	return d
}

// scaleAmounts turns amounts read by parseAmount4 into units of
// 10^-decimals (exactly: amountDecimals chose decimals).
func scaleAmounts(vs []int64, decimals int) {
	div := int64(100)
	if decimals == 3 {
		div = 10
	} else if decimals == 4 {
		return
	}
	for i, v := range vs {
		vs[i] = v / div
	}
}

func stripCurrency(s string) (string, string) {
	for _, c := range currencySymbols {
		if strings.HasPrefix(s, c.sym) {
			return strings.TrimSpace(s[len(c.sym):]), c.code
		}
		if strings.HasSuffix(s, c.sym) {
			return strings.TrimSpace(s[:len(s)-len(c.sym)]), c.code
		}
	}
	if len(s) > 4 && isUpper3(s[:3]) && (s[3] == ' ' || isDigit(s[3])) {
		return strings.TrimSpace(s[3:]), s[:3]
	}
	if n := len(s); n > 4 && isUpper3(s[n-3:]) && (s[n-4] == ' ' || isDigit(s[n-4])) {
		return strings.TrimSpace(s[:n-3]), s[n-3:]
	}
	return s, ""
}

func isUpper3(s string) bool {
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// moneyDecimalComma decides from sample values whether a column writes
// decimals with a comma: "1.234,56" or "12,5" vote comma, "1,234.56" or
// "12.5" vote dot. Ties go to the dot.
func moneyDecimalComma(sample [][]byte) bool {
	comma, dot := 0, 0
	for _, v := range sample {
		v = bytes.TrimSpace(v)
		lc, ld := bytes.LastIndexByte(v, ','), bytes.LastIndexByte(v, '.')
		switch {
		case lc > ld && ld >= 0:
			comma++
		case ld > lc && lc >= 0:
			dot++
		case lc >= 0 && trailingDigits(v[lc+1:]) != 3:
			comma++
		case ld >= 0 && trailingDigits(v[ld+1:]) != 3:
			dot++
		case ld >= 0 && bytes.Count(v, []byte(".")) > 1:
			comma++
		case lc >= 0 && bytes.Count(v, []byte(",")) > 1:
			dot++
		}
	}
	return comma > dot
}

func trailingDigits(b []byte) int {
	n := 0
	for _, c := range b {
		if !isDigit(c) {
			break
		}
		n++
	}
	return n
}
