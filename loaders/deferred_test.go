package loaders

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// deferredFiles are every fixture and, when present, every real export.
func deferredFiles() []string {
	files, _ := filepath.Glob(fx + "*.csv")
	if dir := realDir(); dir != "" {
		more, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
		files = append(files, more...)
	}
	return files
}

// A deferred load gives first the dataset Options.SkipDims gives and then,
// from Deferred.Load, exactly what one full load gives: every column,
// decision, problem and count, the dims included. Files are streamed (as
// large ones are) in small chunks, so the dims phase replays many ranges,
// some with skipped rows, quoted fields and multi-line records.
func TestDeferredEqualsFullLoad(t *testing.T) {
	oldChunk, oldMin := chunkSize, streamMin
	defer func() { chunkSize, streamMin = oldChunk, oldMin }()
	streamMin = 0
	deferred := 0
	files := deferredFiles()
	for _, chunk := range []int{1 << 30, 1 << 12, 61} {
		chunkSize = chunk
		for _, p := range files {
			full, err0 := LoadFiles(context.Background(), []string{p}, Options{})
			lean, rest, err1 := LoadDeferred(context.Background(), []string{p}, Options{})
			if (err0 == nil) != (err1 == nil) || (err0 != nil && err0.Error() != err1.Error()) {
				t.Errorf("%s: errors differ: full %v, deferred %v", p, err0, err1)
				continue
			}
			if err0 != nil {
				continue
			}
			got := lean
			if rest != nil {
				if !lean.Load.DimsSkipped || len(lean.Dims) != 0 {
					t.Errorf("%s: phase 1 has %d dims, DimsSkipped %v", p, len(lean.Dims), lean.Load.DimsSkipped)
				}
				skip, err := LoadFiles(context.Background(), []string{p}, Options{SkipDims: true, SkipIDs: true})
				if err != nil {
					t.Fatal(err)
				}
				freeze(skip)
				freeze(lean)
				if !reflect.DeepEqual(skip, lean) {
					t.Errorf("%s: phase 1 differs from a load without dims, ids and emails", p)
				}
				if got, err = rest.Load(context.Background()); err != nil {
					t.Errorf("%s: dims phase: %v", p, err)
					continue
				}
				deferred++
			} else if lean.Load.DimsSkipped {
				t.Errorf("%s: dims skipped and nothing left to read them", p)
			}
			freeze(full)
			freeze(got)
			if !reflect.DeepEqual(full, got) {
				t.Errorf("%s (chunks of %d): the deferred load differs from a full load:\nfull %d dims %+v\ngot  %d dims %+v",
					p, chunk, len(full.Dims), full.Load.Decisions, len(got.Dims), got.Load.Decisions)
			}
		}
	}
	if deferred == 0 {
		t.Fatal("no file was deferred")
	}
	t.Logf("%d deferred loads over %d files and 3 chunk sizes", deferred, len(files))
}

// Rows skipped for a bad date between good ones, in every range: the
// dims phase puts each value at its own record (a shift by one would
// give a record its neighbour's channel).
func TestDeferredSkippedRowsKeepValuesInPlace(t *testing.T) {
	oldChunk, oldMin := chunkSize, streamMin
	defer func() { chunkSize, streamMin = oldChunk, oldMin }()
	streamMin, chunkSize = 0, 97
	var b strings.Builder
	b.WriteString("lead_id,created,mql_date,channel,company\n")
	for i := 0; i < 500; i++ {
		created := "2025-03-14"
		if i%7 == 3 {
			created = "not a date"
		}
		fmt.Fprintf(&b, "L%d,%s,,ch%d,\"Co \"\"%d\"\"\"\n", i, created, i%5, i)
	}
	path := filepath.Join(t.TempDir(), "leads.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	lean, rest, err := LoadDeferred(context.Background(), []string{path}, Options{})
	if err != nil || rest == nil {
		t.Fatalf("deferred load: %v, rest %v", err, rest)
	}
	if lean.Load.Skipped == 0 {
		t.Fatal("no row skipped")
	}
	ds, err := rest.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ch, co := ds.Dim("channel"), ds.Dim("company")
	if ch == nil || co == nil {
		t.Fatalf("dims %v", ds.DimNames())
	}
	for i := 0; i < ds.Len(); i++ {
		var k int
		fmt.Sscanf(ds.IDs.At(i), "L%d", &k)
		if want := fmt.Sprintf("ch%d", k%5); ch.Value(i) != want {
			t.Fatalf("record %d (L%d): channel %q, want %q", i, k, ch.Value(i), want)
		}
		if want := fmt.Sprintf("Co \"%d\"", k); co.Value(i) != want {
			t.Fatalf("record %d (L%d): company %q, want %q", i, k, co.Value(i), want)
		}
	}
	if got := ds.Load.Read; got != ds.Load.Used+ds.Load.Skipped || ds.Load.Used != ds.Len() {
		t.Errorf("read %d, used %d, skipped %d, %d records", got, ds.Load.Used, ds.Load.Skipped, ds.Len())
	}
}

// A file that changes between the phases is an error, never a dataset
// whose dims belong to other rows.
func TestDeferredFileChanged(t *testing.T) {
	oldChunk, oldMin := chunkSize, streamMin
	defer func() { chunkSize, streamMin = oldChunk, oldMin }()
	streamMin, chunkSize = 0, 97
	path := filepath.Join(t.TempDir(), "leads.csv")
	write := func(ch string) {
		var b strings.Builder
		b.WriteString("lead_id,created,channel\n")
		for i := 0; i < 200; i++ {
			fmt.Fprintf(&b, "L%d,2025-03-14,%s%d\n", i, ch, i%3)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("paid")
	_, rest, err := LoadDeferred(context.Background(), []string{path}, Options{})
	if err != nil || rest == nil {
		t.Fatalf("deferred load: %v, rest %v", err, rest)
	}
	write("organic")
	os.Chtimes(path, time.Now().Add(time.Hour), time.Now().Add(time.Hour))
	if _, err := rest.Load(context.Background()); err == nil || !strings.Contains(err.Error(), changedReason) {
		t.Fatalf("got %v, want %q", err, changedReason)
	}
	if _, err := rest.Load(context.Background()); err == nil {
		t.Fatal("a second Load read the dims again")
	}
}
