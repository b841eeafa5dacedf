package query_test

import (
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
)

var (
	benchOnce sync.Once
	bench1M   *model.Dataset
	bench10M  *model.Dataset
	bench10Mo sync.Once
)

// million builds the 1M-lead demo once per benchmark process.
func million(b *testing.B) *model.Dataset {
	benchOnce.Do(func() {
		bench1M = demo.Generate(demo.Options{Rows: 1_000_000})
		engineFor(bench1M).Prepare()
	})
	b.ResetTimer()
	return bench1M
}

// tenMillion needs about 1 GB; it runs only with FUNNEL_BENCH_10M=1 and not under -short.
func tenMillion(b *testing.B) *model.Dataset {
	if testing.Short() || os.Getenv("FUNNEL_BENCH_10M") == "" {
		b.Skip("set FUNNEL_BENCH_10M=1 (needs ~1 GB) to run the 10M benchmarks")
	}
	bench10Mo.Do(func() {
		bench10M = demo.Generate(demo.Options{Rows: 10_000_000})
		engineFor(bench10M).Prepare()
	})
	b.ResetTimer()
	return bench10M
}

func mustFilter(b *testing.B, ds *model.Dataset, expr string) filter.Filter {
	f, err := filter.Parse(expr, ds)
	if err != nil {
		b.Fatal(err)
	}
	return f
}

// cpuTime is the process's user+system CPU time: on a shared machine it
// says what a query costs better than wall time does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measure runs fn b.N times and reports wall and CPU milliseconds per op
// and per million rows.
func measure(b *testing.B, rows int, fn func() error) {
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		if err := fn(); err != nil {
			b.Fatal(err)
		}
	}
	cpu := float64((cpuTime() - c0).Nanoseconds()) / float64(b.N) / 1e6
	wall := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / 1e6
	b.ReportMetric(wall*1e6/float64(rows), "wall-ms/1M")
	b.ReportMetric(cpu*1e6/float64(rows), "cpu-ms/1M")
}

func benchQuery(b *testing.B, ds *model.Dataset, q query.Query) {
	measure(b, ds.Len(), func() error { _, err := engineFor(ds).Compute(q); return err })
}

func BenchmarkWhole1M(b *testing.B) { benchQuery(b, million(b), query.Query{}) }

func BenchmarkByChannelMonthly1M(b *testing.B) {
	benchQuery(b, million(b), query.Query{By: "channel", Period: query.PeriodMonth})
}

func BenchmarkByOwnerWeekly1M(b *testing.B) {
	benchQuery(b, million(b), query.Query{By: "owner", Period: query.PeriodWeek})
}

func BenchmarkByCompanyQuarterly1M(b *testing.B) {
	benchQuery(b, million(b), query.Query{By: "company", Period: query.PeriodQuarter})
}

func BenchmarkFilteredAsOf1M(b *testing.B) {
	ds := million(b)
	f := mustFilter(b, ds, "channel in (chat,organic) created>=2025-06 segment!=SMB")
	benchQuery(b, ds, query.Query{Filters: []filter.Filter{f}, By: "campaign", Period: query.PeriodMonth, AsOf: model.DayFromCivil(2026, 6, 30)})
}

func BenchmarkByChannelMonthly10M(b *testing.B) {
	benchQuery(b, tenMillion(b), query.Query{By: "channel", Period: query.PeriodMonth})
}

func BenchmarkVelocityByChannel1M(b *testing.B) {
	ds := million(b)
	measure(b, ds.Len(), func() error { _, err := engineFor(ds).Velocity(query.Query{By: "channel"}); return err })
}

func BenchmarkVelocityMonthly1M(b *testing.B) {
	ds := million(b)
	measure(b, ds.Len(), func() error { _, err := engineFor(ds).Velocity(query.Query{Period: query.PeriodMonth}); return err })
}

func BenchmarkCohortsMonthly1M(b *testing.B) {
	ds := million(b)
	measure(b, ds.Len(), func() error { _, err := engineFor(ds).Cohorts(query.CohortQuery{}); return err })
}

func BenchmarkCohortsByCampaign1M(b *testing.B) {
	ds := million(b)
	q := query.CohortQuery{Query: query.Query{By: "campaign"}}
	measure(b, ds.Len(), func() error { _, err := engineFor(ds).Cohorts(q); return err })
}

func BenchmarkStalled1M(b *testing.B) {
	ds := million(b)
	measure(b, ds.Len(), func() error { _, err := engineFor(ds).Stalled(query.Query{}, 100); return err })
}

func BenchmarkParseFilter(b *testing.B) {
	ds := million(b)
	for b.Loop() {
		mustFilter(b, ds, `channel in (chat,organic) owner!="Ana Silva" created>=2025-06 sql<2026-Q3`)
	}
}

func BenchmarkWhole10M(b *testing.B) { benchQuery(b, tenMillion(b), query.Query{}) }

func BenchmarkFilteredAsOf10M(b *testing.B) {
	ds := tenMillion(b)
	f := mustFilter(b, ds, "channel in (chat,organic) created>=2025-06 segment!=SMB")
	benchQuery(b, ds, query.Query{Filters: []filter.Filter{f}, By: "campaign", Period: query.PeriodMonth, AsOf: model.DayFromCivil(2026, 6, 30)})
}

func BenchmarkCohortsMonthly10M(b *testing.B) {
	ds := tenMillion(b)
	measure(b, ds.Len(), func() error { _, err := engineFor(ds).Cohorts(query.CohortQuery{}); return err })
}

// BenchmarkBaselineSum1M is a yardstick for the machine: summing two
// columns (Reached and the first stage's days) of the 1M dataset, the
// least any pass over them can cost.
func BenchmarkBaselineSum1M(b *testing.B) {
	ds := million(b)
	var s int64
	measure(b, ds.Len(), func() error {
		for i, d := range ds.Days[0] {
			s += int64(d) + int64(ds.Reached[i])
		}
		return nil
	})
	if s == 42 {
		b.Log(s)
	}
}

// Select builds the filtered subset the sticky, money and insight views
// work on (a new as-of each time, so the cache never answers).
func BenchmarkSelectChat1M(b *testing.B) {
	ds := million(b)
	f := mustFilter(b, ds, "channel=chat")
	_, hi, _ := ds.DayRange()
	i := int32(0)
	measure(b, ds.Len(), func() error {
		i++
		_, err := engineFor(ds).Select(f, hi+1000+i) // after the data: no cut
		return err
	})
}

func BenchmarkSelectAsOf1M(b *testing.B) {
	ds := million(b)
	i := int32(0)
	measure(b, ds.Len(), func() error {
		i++
		_, err := engineFor(ds).Select(filter.Filter{}, model.DayFromCivil(2026, 6, 30)-i%300)
		return err
	})
}
