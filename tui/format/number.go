package format

import (
	"fmt"
	"math"
	"strconv"
)

// Count formats an integer with thousands separators: 12,345.
func Count(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	if neg {
		out = append(out, '-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// Percent formats a ratio as a percentage with one decimal: 42.5%.
func Percent(r float64) string { return fmt.Sprintf("%.1f%%", r*100) }

// Plural is a count and its noun: "1 slice", "2,125 slices".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Count(n) + " " + many
}

// Signed formats a whole number with its sign and thousands separators:
// +3,163, -960, 0 (the number is rounded first).
func Signed(x float64) string {
	n := int(math.Round(x))
	switch {
	case n > 0:
		return "+" + Count(n)
	case n < 0:
		return Count(n)
	}
	return "0"
}
