package loaders

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func seedFixtures(f *testing.F, glob string) {
	files, _ := filepath.Glob(fx + glob)
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

// FuzzLoad: any bytes either load (with rows read = used + skipped and
// aligned columns) or fail with an error; never a panic.
func FuzzLoad(f *testing.F) {
	seedFixtures(f, "*.csv")
	f.Add([]byte("sep=|\na|created\n1|2024-01-01\n"))
	f.Add([]byte("record_id,stage,changed_at\n1,Lead,2024-01-01\n1,Won,02/01/2024\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, opt := range []Options{{}, {Preset: PresetHistory}, {DateOrder: OrderDMY, MaxField: 64}} {
			in := append([]byte(nil), b...)
			ds, err := LoadBytes(context.Background(), in, "fuzz.csv", opt)
			if err != nil {
				continue
			}
			ld := ds.Load
			if ld.Read != ld.Used+ld.Skipped {
				t.Fatalf("read %d != used %d + skipped %d", ld.Read, ld.Used, ld.Skipped)
			}
			if err := ds.Validate(); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-03-14", "03/14/2025 9:12 AM", "14.03.2025", "15 Apr, 2021 00:03:00", "Apr 15, 2021", "45000.5", "03/04/25"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseDate([]byte(s))
		if ok && !v.Amb && (v.Day < -30000 || v.Day > 120000) {
			t.Fatalf("%q: day %d out of range", s, v.Day)
		}
		c := newDateCol("x", 0)
		c.push(v, ok)
		c.finish(OrderAuto)
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"$1,200.50", "1.234,56 €", "(4,500.50)", "USD 1,200", "-300", "1 234,5"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, dc bool) {
		c, _, ok := parseAmount([]byte(s), dc)
		if !ok && c != 0 {
			t.Fatalf("%q: not ok but %d", s, c)
		}
		moneyDecimalComma([][]byte{[]byte(s)})
	})
}

func FuzzParseMapping(f *testing.F) {
	seedFixtures(f, "*.yaml")
	f.Add([]byte("shape: history\nid: a\nstage_column: b\ntimestamp: c\nstages: [{name: A}]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseMapping("m.yaml", b)
		if err != nil {
			return
		}
		if m.Check() != nil {
			t.Fatal("parsed mapping fails Check")
		}
		// A valid mapping against an arbitrary header must not panic.
		_, _ = LoadBytes(context.Background(), []byte("a,b,c\n1,Lead,2024-01-01\n"), "x.csv", Options{Mapping: m})
	})
}

// FuzzReadMappingTOML: any bytes either parse into a mapping that passes
// Check or fail with an error naming the file; never a panic.
func FuzzReadMappingTOML(f *testing.F) {
	seedFixtures(f, "*.toml")
	f.Add([]byte("shape = \"history\"\nid = \"a\"\nstage_column = \"b\"\ntimestamp = \"c\"\nstages = [{name = \"A\"}]\n"))
	f.Add([]byte("shape = 'flags'\n[[stages]]\nname = 'A'\n[[stages]]\nname = 'B'\nflag = 'b'\nvalues = ['x']\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseMappingTOML("m.toml", b)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "m.toml: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if m.Check() != nil {
			t.Fatal("parsed mapping fails Check")
		}
		_, _ = LoadBytes(context.Background(), []byte("a,b,c\n1,Lead,2024-01-01\n"), "x.csv", Options{Mapping: m})
	})
}

// FuzzFieldEnd checks the eight-bytes-at-a-time field scan against the
// byte-by-byte one.
func FuzzFieldEnd(f *testing.F) {
	f.Add([]byte("a,b\r\nccc;dd|e\n\"x\",,\xff\x80,\x00\x01"), byte(','))
	f.Add([]byte("0123456789abcdef;0123456789abcdef\r"), byte(';'))
	f.Add([]byte("\t\t\t\t\t\t\t\t\t"), byte('\t'))
	f.Fuzz(func(t *testing.T, d []byte, delim byte) {
		s := newSplitter("f", d, delim, 1<<20, 1)
		for i := 0; i <= len(d); i++ {
			want := i
			for want < len(d) && !s.stop[d[want]] {
				want++
			}
			if got := s.fieldEnd(d, i); got != want {
				t.Fatalf("fieldEnd(%q, %d) with delim %q = %d, want %d", d, i, delim, got, want)
			}
		}
	})
}
