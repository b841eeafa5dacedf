package loaders

// What single values look like: money, integers, ids, years; the date and
// money formats a column's counts add up to.

import (
	"strings"
)

// moneyish says an amount that is not a plain number shows money signs:
// a currency, grouping or a parenthesised negative.
func moneyish(v string) bool {
	return strings.ContainsAny(v, "$€£¥₹,'() ") || len(v) > 3 && isUpper3(v[:3]) || len(v) > 3 && isUpper3(v[len(v)-3:])
}

func isInt(v string) bool {
	if v == "" {
		return false
	}
	i := 0
	if v[0] == '-' || v[0] == '+' {
		i = 1
	}
	if i == len(v) || len(v)-i > 18 {
		return false
	}
	for ; i < len(v); i++ {
		if !isDigit(v[i]) {
			return false
		}
	}
	return true
}

// idToken is a value shaped like a system id: one token of letters and
// digits (with - _ . :) holding at least one digit, or a long number.
func idToken(v string) bool {
	if len(v) < 3 || len(v) > 64 {
		return false
	}
	digits := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case isDigit(c):
			digits++
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '-', c == '_', c == '.', c == ':':
		default:
			return false
		}
	}
	return digits > 0
}

func yearDigits(v []byte) int {
	// the digits after the second separator
	seps := 0
	n := 0
	for _, c := range v {
		if c == ' ' || c == 'T' {
			break
		}
		if c == '/' || c == '.' || c == '-' {
			seps++
			continue
		}
		if seps == 2 && isDigit(c) {
			n++
		}
	}
	return n
}

func dateFormat(kinds [6]int, dayFirst, monFirst int, twoDigit, withTime bool) string {
	main := 0
	for k, n := range kinds {
		if n > kinds[main] {
			main = k
		}
	}
	var f string
	switch uint8(main) {
	case dkISO:
		f = "YYYY-MM-DD"
	case dkSlash, dkDot:
		sep := "/"
		if uint8(main) == dkDot {
			sep = "."
		}
		y := "YYYY"
		if twoDigit {
			y = "YY"
		}
		if dayFirst > 0 && monFirst == 0 || uint8(main) == dkDot && monFirst == 0 {
			f = "DD" + sep + "MM" + sep + y
		} else {
			f = "MM" + sep + "DD" + sep + y
		}
	case dkNamed:
		f = "month names"
	default:
		f = "dates"
	}
	n := 0
	for _, c := range kinds {
		if c > 0 {
			n++
		}
	}
	if n > 1 {
		f += " (mixed with other layouts)"
	}
	if withTime {
		f += " with a time"
	}
	return f
}

func moneyFormat(cur map[string]int, decComma bool) string {
	var parts []string
	if c := topKey(cur); c != "" {
		parts = append(parts, c)
	}
	if decComma {
		parts = append(parts, "decimal comma")
	}
	return strings.Join(parts, ", ")
}

func topKey(m map[string]int) string {
	best, n := "", 0
	for k, v := range m {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}
