package format

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestClean(t *testing.T) {
	cases := map[string]string{
		"plain":                      "plain",
		"\x1b[31mred\x1b[0m":         "red",
		"\x1b]52;c;ZXZpbA==\x07clip": "clip",
		"\x1b]8;;http://x\x1b\\link": "link",
		"bidi\u202Eevil\u202C":       "bidievil",
		"iso\u2066late\u2069":        "isolate",
		"zero\u200Bwidth\uFEFF":      "zerowidth",
		"bell\x07":                   "bell",
		"c1\u009bcsi":                "c1csi",
		"bad\xffutf8":                "bad\uFFFDutf8",
		"tab\tnew\nline":             "tab new line",
		"日本語":                        "日本語",
		"lone ESC \x1b at end \x1b":  "lone ESC t end ", // ESC SP a is an escape sequence to a terminal too
		"del\x7f":                    "del",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"a", "\x1b[31m", "\x1b]0;t\x07", "\u202E", "日本", "\xff\xfe", "🎉"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		for _, r := range out {
			if r < 0x20 || (r >= 0x7f && r < 0xa0) || isInvisible(r) {
				t.Fatalf("Clean(%q) left %U", s, r)
			}
		}
		if w := 7; ansi.StringWidth(Truncate(out, w)) > w {
			t.Fatalf("Truncate(%q) wider than %d", out, w)
		}
	})
}

func TestTruncateByDisplayWidth(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"hello world", 5, "hell…"},
		{"日本語の会社", 5, "日本…"},
		{"🎉🎉🎉", 4, "🎉…"},
		{"short", 10, "short"},
		{"x", 0, ""},
	} {
		got := Truncate(c.in, c.w)
		if got != c.want || ansi.StringWidth(got) > c.w {
			t.Errorf("Truncate(%q, %d) = %q (width %d), want %q", c.in, c.w, got, ansi.StringWidth(got), c.want)
		}
	}
	if got := Fit("日本語", 5); ansi.StringWidth(got) != 5 {
		t.Errorf("Fit width %d", ansi.StringWidth(got))
	}
}
