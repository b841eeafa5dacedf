package format

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestASCIIKeepsWidth(t *testing.T) {
	in := "\x1b[1m╭─ SAL ─╮\x1b[m ▸ Lead → MQL 42.5% ▁▃▅█ ██▌ … — · ≥ 3 × ↑/k Zürich 日本"
	out := ASCII(in)
	if ansi.StringWidth(out) != ansi.StringWidth(in) {
		t.Fatalf("width %d, want %d: %q", ansi.StringWidth(out), ansi.StringWidth(in), out)
	}
	want := "\x1b[1m+- SAL -+\x1b[m > Lead > MQL 42.5% _-+# ### ~ - . > 3 x ^/k Zürich 日本"
	if out != want {
		t.Fatalf("ASCII:\n%q\nwant\n%q", out, want)
	}
	for r := range asciiGlyph {
		if g := ASCII(string(r)); len(g) != 1 || g[0] >= 0x80 {
			t.Errorf("%q → %q is not one ASCII cell", r, g)
		}
	}
	if s := "plain ascii"; ASCII(s) != s {
		t.Fatal("ASCII text changed")
	}
	if glyphs := "▁▂▃▄▅▆▇█▏▎▍▌▋▊▉"; strings.ContainsAny(ASCII(glyphs), glyphs) {
		t.Fatal("a sparkline or bar glyph survived")
	}
}

func TestUTF8Locale(t *testing.T) {
	for env, want := range map[string]bool{
		"":                            false, // unset: the C locale
		"LANG=C":                      false,
		"LANG=en_US.UTF-8":            true,
		"LANG=C.utf8":                 true,
		"LANG=en_US.UTF-8 LC_ALL=C":   false,
		"LANG=C LC_CTYPE=de_DE.UTF-8": true,
		"LANG=en_US.ISO-8859-1":       false,
		"LC_ALL= LANG=en_GB.UTF-8":    true,
	} {
		if got := UTF8Locale(strings.Fields(env)); got != want {
			t.Errorf("%q: %v, want %v", env, got, want)
		}
	}
}
