package format

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks a (clean) note into lines of at most width cells, at spaces
// where it can.
func Wrap(s string, width int) []string {
	if width <= 0 {
		return nil
	}
	lines := strings.Split(ansi.Wrap(s, width, " "), "\n")
	for i, l := range lines {
		lines[i] = Truncate(strings.TrimRight(l, " "), width)
	}
	return lines
}

// Cut keeps the first h lines (all of them when h <= 0) and joins them.
func Cut(lines []string, h int) string {
	if h > 0 && len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// Days formats an optional day count: "12 d", "—" when unknown.
func Days(d *int) string {
	if d == nil {
		return "—"
	}
	return fmt.Sprintf("%d d", *d)
}

// DaysF formats an optional time in days: a tenth under ten days, whole
// days above, "—" when unknown.
func DaysF(d *float64) string {
	switch {
	case d == nil:
		return "—"
	case *d < 10:
		return fmt.Sprintf("%.1f d", *d)
	}
	return fmt.Sprintf("%.0f d", *d)
}

// MoneyShort formats cents as whole units: "233,664 EUR" (no code when
// currency is "").
func MoneyShort(cents int64, currency string) string {
	s := Count(int(math.Round(float64(cents) / 100)))
	if currency != "" {
		s += " " + Clean(currency)
	}
	return s
}

// TitleCase capitalises a period name for a column head ("Cohort" for "").
func TitleCase(s string) string {
	if s == "" {
		return "Cohort"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
