package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model/demo"
)

func FuzzSafeCell(f *testing.F) {
	for _, s := range []string{"=1+1", "\t=x", " @x", "-5", "plain", "\x1b]52;c;x\x07=y", "\u202e=x", "a|b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := SafeCell(s)
		if strings.ContainsAny(out, "\x1b\r\t\u202e") {
			t.Fatalf("SafeCell(%q) = %q keeps a control", s, out)
		}
		if t0 := strings.TrimLeft(out, " "); t0 != "" && strings.IndexByte("=+-@", t0[0]) >= 0 {
			t.Fatalf("SafeCell(%q) = %q starts a formula", s, out)
		}
	})
}

func FuzzParseSections(f *testing.F) {
	for _, s := range []string{"stages", "stages,velocity", "cohorts", ",,", "Sticky-Points"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		secs, err := ParseSections(s)
		if err == nil && len(secs) == 0 {
			t.Fatalf("ParseSections(%q) gave no section and no error", s)
		}
		for _, x := range secs {
			if !Supported(x) {
				t.Fatalf("ParseSections(%q) let %q through", s, x)
			}
		}
	})
}

func BenchmarkBuildAndWrite(b *testing.B) {
	ds := demo.Generate(demo.Options{Rows: 200000})
	var buf bytes.Buffer
	for b.Loop() {
		r, err := Build(ds, Options{By: "channel"})
		if err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		WriteText(&buf, r, Layout{Width: 100})
	}
}
