// Package format is how funnel writes numbers and data strings, on screen
// and in the report alike: counts, percentages and money with thousands
// separators, strings from data files sanitised, cut and padded by display
// width, notes wrapped, and an ASCII fallback for glyphs. It imports no
// Bubble Tea or Lip Gloss.
package format

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Clean makes a string from a data file safe to draw: escape sequences are
// removed, C0/C1 controls and line breaks become spaces, bidi overrides and
// zero-width characters are dropped, invalid UTF-8 becomes U+FFFD.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			// C0 and C1 controls (ESC left over from a broken sequence too)
		case isInvisible(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII, the common case.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

func isInvisible(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return true // bidi embeddings, overrides, isolates and marks
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF, r == 0x00AD:
		return true // zero-width space/joiners, word joiner, BOM, soft hyphen
	}
	return unicode.Is(unicode.Cc, r)
}

// Truncate cuts a clean string to at most w display cells, with an ellipsis
// when it was cut. Wide characters (CJK, emoji) count as two.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// Fit cleans, truncates and pads s to exactly w cells (left-aligned).
func Fit(s string, w int) string {
	s = Truncate(Clean(s), w)
	if pad := w - ansi.StringWidth(s); pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

// PadLeft right-aligns s in w cells.
func PadLeft(s string, w int) string {
	if pad := w - ansi.StringWidth(s); pad > 0 {
		return strings.Repeat(" ", pad) + s
	}
	return s
}

// PadRight left-aligns s in w cells.
func PadRight(s string, w int) string {
	if pad := w - ansi.StringWidth(s); pad > 0 {
		return s + strings.Repeat(" ", pad)
	}
	return s
}

var _ = utf8.RuneError

// Width is the display width of a string from a data file, once cleaned.
func Width(s string) int { return ansi.StringWidth(Clean(s)) }
