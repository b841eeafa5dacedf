package loaders

import (
	"bytes"
	"fmt"
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
