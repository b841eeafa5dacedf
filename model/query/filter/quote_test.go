package filter

import "testing"

// FuzzQuote: whatever the text, Quote writes it so that the parser reads
// it back whole, as a column name, as a value and inside a list.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"chat", "Ana Silva", `web, "paid"`, "", "and", "a=b", "(x)", "Mid-market", "ö ü", "x\ty", `"`, "in"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Quote(s)
		if p := (&parser{s: q}); true {
			w, ok := p.word()
			if !ok || w != s || !p.eof() {
				t.Fatalf("Quote(%q) = %q reads back as the name %q (ok %v, rest %q)", s, q, w, ok, q[p.i:])
			}
		}
		p := &parser{s: q}
		if v, ok := p.value(); !ok || v != s || !p.eof() {
			t.Fatalf("Quote(%q) = %q reads back as the value %q", s, q, v)
		}
		p = &parser{s: "(" + q + "," + q + ")"}
		if vs, err := p.list(); err != nil || len(vs) != 2 || vs[0] != s || vs[1] != s {
			t.Fatalf("Quote(%q) = %q reads back in a list as %q (%v)", s, q, vs, err)
		}
		if f, err := parse(q+"="+q, nil); err != nil || len(f.Terms) != 1 || f.Terms[0].Column != s || f.Terms[0].Values[0] != s {
			t.Fatalf("%s=%s parses as %+v (%v)", q, q, f, err)
		}
	})
}
