package format

import (
	"fmt"
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
