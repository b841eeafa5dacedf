package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui"
)

// End-to-end benchmarks on a file, as a user runs funnel: `funnel report
// --format json FILE` and the explorer's first full frame (load, then the
// overview drawn at 120x40). The demo file is written once to the temp dir
// (the same bytes as `funnel demo --rows N --out DIR`) and kept for later
// runs. The 10M variants need FUNNEL_BENCH_10M=1 (1.5 GB of CSV, ~6 GB of
// memory today). B/op is every byte allocated, which is close to the peak
// RSS of the process (few collections run). .ci/bench-vs-duckdb times the same paths as processes
// against DuckDB.

func benchFile(b *testing.B, rows int) string {
	if rows > 1_000_000 && (testing.Short() || os.Getenv("FUNNEL_BENCH_10M") == "") {
		b.Skip("set FUNNEL_BENCH_10M=1 to run the 10M benchmarks")
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("funnel-bench-%d-seed1.csv", rows))
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		return path
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := demo.WriteLeadsCSV(w, demo.Generate(demo.Options{Rows: rows, Seed: 1})); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

func benchReport(b *testing.B, rows int) {
	path := benchFile(b, rows)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if code := run([]string{"report", "--format", "json", path}, &IO{Out: io.Discard, Err: os.Stderr, Width: 100}); code != exitOK {
			b.Fatalf("exit %d", code)
		}
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
	}
}

func benchFirstFrame(b *testing.B, rows int) {
	path := benchFile(b, rows)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ds, err := loaders.LoadFiles(context.Background(), []string{path}, loaders.Options{})
		if err != nil {
			b.Fatal(err)
		}
		a := tui.New(ds, tui.Options{NoColor: true})
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if v := a.View(); v.Content == "" {
			b.Fatal("empty frame")
		}
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
	}
}

func BenchmarkReport1M(b *testing.B)      { benchReport(b, 1_000_000) }
func BenchmarkReport10M(b *testing.B)     { benchReport(b, 10_000_000) }
func BenchmarkFirstFrame1M(b *testing.B)  { benchFirstFrame(b, 1_000_000) }
func BenchmarkFirstFrame10M(b *testing.B) { benchFirstFrame(b, 10_000_000) }
