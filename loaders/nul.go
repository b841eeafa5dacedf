package loaders

import (
	"bytes"
	"fmt"
	"strings"
)

// replaceStrayNULs turns NUL bytes that sit inside otherwise ordinary text
// (a CRM field that picked one up) into spaces, in place, and says where
// they were. Data that looks binary (NULs dense or next to other control
// bytes, UTF-16 text, archives) is left alone for decodeText to judge.
func replaceStrayNULs(name string, raw []byte) string {
	first := bytes.IndexByte(raw, 0)
	if first < 0 || bytes.HasPrefix(raw, []byte("PK\x03\x04")) || bytes.HasPrefix(raw, []byte{0xD0, 0xCF, 0x11, 0xE0}) ||
		bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return ""
	}
	n := bytes.Count(raw, []byte{0})
	if n*1000 > len(raw) {
		return ""
	}
	for i := first; i >= 0 && i < len(raw); {
		for j := max(i-4, 0); j < min(i+5, len(raw)); j++ {
			if j != i && raw[j] < 0x20 && raw[j] != '\n' && raw[j] != '\r' && raw[j] != '\t' {
				return ""
			}
		}
		k := bytes.IndexByte(raw[i+1:], 0)
		if k < 0 {
			break
		}
		i += k + 1
	}
	line, col := lineCol(raw, first)
	for i := first; i < len(raw); i++ {
		if raw[i] == 0 {
			raw[i] = ' '
		}
	}
	return fmt.Sprintf("%s: %d NUL bytes inside fields were replaced with spaces (the first at line %d, column %d)", name, n, line, col)
}

// keepDataColumns gives a name to blank header cells at the end of the
// header that have data under them ("Column 8"), so such a column is read
// rather than every row being ragged. raw is the header's cell count.
func keepDataColumns(header, notes []string, raw int, text []byte, delim byte, line int) ([]string, []string) {
	if raw <= len(header) {
		return header, notes
	}
	used := len(header) - 1
	for _, r := range takeSample(text, delim, line).rows {
		for c := len(r) - 1; c > used && c < raw; c-- {
			if len(bytes.TrimSpace(r[c])) > 0 {
				used = c
				break
			}
		}
	}
	if used < len(header) {
		return header, notes
	}
	var kept []string
	for _, n := range notes {
		if !strings.HasPrefix(n, "ignored ") || !strings.Contains(n, "empty columns at the end of the header") {
			kept = append(kept, n)
		}
	}
	for c := len(header); c <= used; c++ {
		h := fmt.Sprintf("Column %d", c+1)
		header = append(header, h)
		kept = append(kept, fmt.Sprintf("column %d has no header (the data runs to column %d); called it %q", c+1, used+1, h))
	}
	return header, kept
}
