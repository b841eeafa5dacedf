package overview

import (
	"testing"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/views"
)

// BenchmarkInsights1M is what the overview computes after its first frame
// (period comparison, sticky points, propagation, mix shift) on a fresh
// engine each time, as right after a load: the target is 0.4 s from the
// first frame to these on screen.
func BenchmarkInsights1M(b *testing.B) {
	ds := demo.Generate(demo.Options{Rows: 1_000_000})
	for b.Loop() {
		b.StopTimer()
		eng := query.New(ds)
		Warm(eng)
		b.StartTimer()
		if r := computeInsights(eng, views.DefaultState()); r.err != nil {
			b.Fatal(r.err)
		}
	}
}
