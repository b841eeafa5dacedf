package main

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/tui/theme"
)

// roffText never lets text start a roff request, and writes only ASCII.
func FuzzRoffText(f *testing.F) {
	for _, s := range []string{".TH x", "'quote", `back\slash`, "a\n.b\n'c", "…→日本", "--flag"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := roffText(s)
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
				t.Fatalf("roffText(%q) has a line starting a request: %q", s, l)
			}
		}
		for _, r := range out {
			if r > 0x7e {
				t.Fatalf("roffText(%q) = %q is not ASCII", s, out)
			}
		}
	})
}

func FuzzCOLORFGBG(f *testing.F) {
	for _, s := range []string{"15;0", "0;15", "default;default", "12;8", "0;default;7", ";", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if dark, ok := theme.DarkFromCOLORFGBG(s); !ok && dark {
			t.Fatalf("%q: dark without ok", s)
		}
	})
}
