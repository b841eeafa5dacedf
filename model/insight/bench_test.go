package insight

import (
	"testing"

	"github.com/funnel-cli/funnel/model/demo"
)

// BenchmarkFindSticky: every transition × channel, campaign, segment and
// owner value on the 50,000-lead demo.
func BenchmarkFindSticky(b *testing.B) {
	ds := demo.Generate(demo.Options{})
	b.ResetTimer()
	for b.Loop() {
		FindSticky(ds, StickyOptions{Dims: []string{"channel", "campaign", "segment", "owner"}})
	}
}

// BenchmarkFindStickyPairs adds every pair of those dimensions.
func BenchmarkFindStickyPairs(b *testing.B) {
	ds := demo.Generate(demo.Options{})
	b.ResetTimer()
	for b.Loop() {
		FindSticky(ds, StickyOptions{Dims: []string{"channel", "campaign", "segment", "owner"}, Pairs: true})
	}
}

// BenchmarkComparePeriods: last month against the previous one and a year
// before, totals and every channel/segment value.
func BenchmarkComparePeriods(b *testing.B) {
	ds := demo.Generate(demo.Options{})
	b.ResetTimer()
	for b.Loop() {
		ComparePeriods(ds, CompareOptions{Dims: []string{"channel", "segment"}})
	}
}
