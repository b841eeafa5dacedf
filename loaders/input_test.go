package loaders

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"strings"
	"testing"
)

const sampleLeads = "../testdata/sample_leads.csv"

// The same data read plainly, gzip-compressed (by content, with or without
// the .gz name) and from standard input gives the same records.
func TestInputStdinAndGzip(t *testing.T) {
	plain, err := LoadFile(sampleLeads, Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(sampleLeads)
	gz, _ := os.ReadFile(sampleLeads + ".gz")
	for _, tc := range []struct {
		name, path string
		stdin      []byte
		file, note string
	}{
		{"gz by name", sampleLeads + ".gz", nil, "sample_leads.csv.gz", "sample_leads.csv.gz: gzip-compressed ("},
		{"gz by content", "../testdata/loaders/gzip_no_suffix.csv", nil, "gzip_no_suffix.csv", "gzip_no_suffix.csv: gzip-compressed ("},
		{"stdin", "-", raw, "stdin", "stdin: read from standard input ("},
		{"gz stdin", "-", gz, "stdin", "stdin: read from standard input, gzip-compressed ("},
	} {
		ds, err := LoadFiles(context.Background(), []string{tc.path}, Options{Stdin: bytes.NewReader(tc.stdin)})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if ds.Len() != plain.Len() || ds.Load.Read != plain.Load.Read || strings.Join(ds.Stages, ",") != strings.Join(plain.Stages, ",") {
			t.Errorf("%s: %d records %v, want %d %v", tc.name, ds.Len(), ds.Stages, plain.Len(), plain.Stages)
		}
		if len(ds.Load.Files) != 1 || ds.Load.Files[0] != tc.file {
			t.Errorf("%s: files %v, want %s", tc.name, ds.Load.Files, tc.file)
		}
		if len(ds.Load.Decisions) == 0 || !strings.HasPrefix(ds.Load.Decisions[0], tc.note) {
			t.Errorf("%s: first decision %q, want %q…", tc.name, ds.Load.Decisions, tc.note)
		}
	}
	// Load (a reader) decompresses too.
	ds, err := Load(bytes.NewReader(gz), "x.csv", Options{})
	if err != nil || ds.Len() != plain.Len() {
		t.Fatalf("Load gz: %v", err)
	}
}

func TestInputErrors(t *testing.T) {
	var trunc bytes.Buffer
	zw := gzip.NewWriter(&trunc)
	raw, _ := os.ReadFile(sampleLeads)
	zw.Write(raw)
	zw.Close()
	cut := trunc.Bytes()[:trunc.Len()/2]
	for _, tc := range []struct {
		name  string
		paths []string
		stdin []byte
		want  string
	}{
		{"empty stdin", []string{"-"}, nil, "stdin:1"},
		{"stdin twice", []string{"-", "-"}, nil, "named 2 times"},
		{"cut gzip", []string{"-"}, cut, "stdin: gzip-compressed data cut short"},
		{"bad gzip header", []string{"-"}, []byte{0x1f, 0x8b, 0, 0}, "does not decompress"},
	} {
		_, err := LoadFiles(context.Background(), tc.paths, Options{Stdin: bytes.NewReader(tc.stdin)})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

// Reading a pipe reports the bytes read, its total being unknown (0).
func TestStdinProgress(t *testing.T) {
	raw, _ := os.ReadFile(sampleLeads)
	var last, total int64 = -1, -1
	_, err := LoadFiles(context.Background(), []string{"-"}, Options{Stdin: bytes.NewReader(raw),
		Progress: func(d, tot int64) { last, total = max(last, d), max(total, tot) }})
	if err != nil {
		t.Fatal(err)
	}
	if last != int64(len(raw)) || total != 0 {
		t.Fatalf("progress %d of %d, want %d of 0", last, total, len(raw))
	}
}

// Any bytes read through the input wrapper (as a pipe) load or fail with
// an error; gzip-looking garbage never panics or hangs.
func FuzzStdinInput(f *testing.F) {
	raw, _ := os.ReadFile(sampleLeads)
	gz, _ := os.ReadFile(sampleLeads + ".gz")
	f.Add(raw)
	f.Add(gz)
	f.Add(gz[:len(gz)/2])
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		ds, err := LoadFiles(context.Background(), []string{"-"}, Options{Stdin: bytes.NewReader(b)})
		if err == nil && ds.Load.Read != ds.Load.Used+ds.Load.Skipped {
			t.Fatalf("rows read %d != used %d + skipped %d", ds.Load.Read, ds.Load.Used, ds.Load.Skipped)
		}
	})
}
