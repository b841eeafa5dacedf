package loaders

import (
	"bytes"
	"context"
	"runtime"
	"sync"
	"syscall"
	"testing"

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
