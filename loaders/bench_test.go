package loaders

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/funnel-cli/funnel/model/demo"
)

var (
	benchOnce sync.Once
	benchCSV  []byte
)

// benchData is a 1M-lead demo export (about the size `funnel demo --rows
// 1000000` writes), built once in memory.
func benchData(b *testing.B) []byte {
	benchOnce.Do(func() {
		var buf bytes.Buffer
		if err := demo.WriteLeadsCSV(&buf, demo.Generate(demo.Options{Rows: 1_000_000, Seed: 7})); err != nil {
			b.Fatal(err)
		}
		benchCSV = buf.Bytes()
	})
	return benchCSV
}

// BenchmarkLoad1M loads the 1M-lead file into the columnar dataset and
// reports throughput (MB/s) and resident bytes per lead after GC.
func BenchmarkLoad1M(b *testing.B) {
	src := benchData(b)
	work := make([]byte, len(src))
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	var perLead float64
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		copy(work, src)
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		ds, err := LoadBytes(context.Background(), work, "leads.csv", Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		perLead = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(ds.Len())
		runtime.KeepAlive(ds)
		b.StartTimer()
	}
	b.ReportMetric(perLead, "B/lead")
	// Throughput per CPU-second (all threads, includes the untimed copy and
	// GCs): comparable across runs on a shared machine.
	b.ReportMetric(float64(len(src))*float64(b.N)/1e6/(cpuTime()-cpu0), "MB/cpu-s")
}

func cpuTime() float64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// benchFile is the demo export of rows leads written once to the temp dir
// (the bytes `funnel demo --rows N --seed 7` writes) and kept for later
// runs; 10M (1.5 GB) needs FUNNEL_BENCH_10M=1.
func benchFile(b *testing.B, rows int) string {
	if rows > 1_000_000 && (testing.Short() || os.Getenv("FUNNEL_BENCH_10M") == "") {
		b.Skip("set FUNNEL_BENCH_10M=1 to run the 10M benchmarks")
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("funnel-bench-%d-seed7.csv", rows))
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		return path
	}
	f, err := os.Create(path + ".tmp")
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := demo.WriteLeadsCSV(w, demo.Generate(demo.Options{Rows: rows, Seed: 7})); err != nil {
		b.Fatal(err)
	}
	if err := errors.Join(w.Flush(), f.Close(), os.Rename(path+".tmp", path)); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchLoadFile loads the file as the command line does (LoadFiles from a
// path). B/op, every byte allocated, is close to the peak RSS the load
// adds to the process.
func benchLoadFile(b *testing.B, rows int) {
	path := benchFile(b, rows)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		ds, err := LoadFiles(context.Background(), []string{path}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if ds.Len() != rows {
			b.Fatalf("%d records, want %d", ds.Len(), rows)
		}
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
	}
	b.ReportMetric(float64(st.Size())*float64(b.N)/1e6/(cpuTime()-cpu0), "MB/cpu-s")
}

func BenchmarkLoadFile1M(b *testing.B)  { benchLoadFile(b, 1_000_000) }
func BenchmarkLoadFile10M(b *testing.B) { benchLoadFile(b, 10_000_000) }

// BenchmarkLoadDeferred1M is the explorer's load of the 1M file in its
// two phases (LoadDeferred, then Deferred.Load): "first" is what the
// first frame waits for, "rest" what follows it in the background; their
// sum against BenchmarkLoadFile1M is the price of splitting the load.
func BenchmarkLoadDeferred1M(b *testing.B) {
	path := benchFile(b, 1_000_000)
	var first, rest time.Duration
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		ds, d, err := LoadDeferred(context.Background(), []string{path}, Options{})
		if err != nil || d == nil {
			b.Fatal(err, d)
		}
		t1 := time.Now()
		if ds, err = d.Load(context.Background()); err != nil || ds.Dim("channel") == nil {
			b.Fatal(err)
		}
		first, rest = first+t1.Sub(t0), rest+time.Since(t1)
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
	}
	b.ReportMetric(float64(first.Milliseconds())/float64(b.N), "first-ms")
	b.ReportMetric(float64(rest.Milliseconds())/float64(b.N), "rest-ms")
}
