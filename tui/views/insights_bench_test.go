package views

import (
	"testing"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
)

// BenchmarkOverviewInsights1M is what the overview computes after its
// first frame (period comparison, sticky points, propagation, mix shift)
// on a fresh engine each time, as right after a load: the target is 0.4 s
// from the first frame to these on screen.
func BenchmarkOverviewInsights1M(b *testing.B) {
	ds := bigCommon().Engine.Data()
	for b.Loop() {
		b.StopTimer()
		eng := query.New(ds)
		Warm(eng)
		b.StartTimer()
		msg := computeInsights(eng, DefaultState(), 0)()
		if m, ok := msg.(overviewInsightsMsg); !ok || m.res.err != nil {
			b.Fatalf("%#v", msg)
		}
	}
}

var _ = demo.Options{}
