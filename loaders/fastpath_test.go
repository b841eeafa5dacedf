package loaders

import (
	"bytes"
	"testing"
)

// The fast paths answer exactly as the general code does: isoDay as
// parseISO (the general parser's reading of YYYY-MM-DD), trimSpace as
// bytes.TrimSpace.
func FuzzFastPaths(f *testing.F) {
	for _, s := range []string{"2025-07-19", "2024-02-29", "2023-02-29", "2025-13-01", "2025-00-10", "0000-01-01",
		"1899-12-31", "2201-01-01", "2025-7-19", "2025/07/19", "20x5-07-19", " 2025-07-19", "2025-07-19 ", "\u00a0x\u00a0",
		"\t a \n", "", " ", "é", "a\x85", "2025-07-1\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := trimSpace(b), bytes.TrimSpace(b); string(got) != string(want) {
			t.Fatalf("trimSpace(%q) = %q, want %q", b, got, want)
		}
		if d, ok := isoDay(b); ok {
			if len(b) < 8 {
				t.Fatalf("isoDay(%q) read a date", b)
			}
			v, ok2 := parseISO(b)
			if !ok2 || v.Day != d {
				t.Fatalf("isoDay(%q) = %d, parseISO says %d %v", b, d, v.Day, ok2)
			}
		} else if len(b) == 10 && b[4] == '-' && b[7] == '-' {
			if v, ok2 := parseISO(b); ok2 && isDigits(b[:4]) && isDigits(b[5:7]) && isDigits(b[8:]) {
				t.Fatalf("isoDay(%q) refused what parseISO reads as %d", b, v.Day)
			}
		}
	})
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}
