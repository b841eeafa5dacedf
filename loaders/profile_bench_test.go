package loaders

import (
	"testing"
)

// BenchmarkProfile1M is the whole of what inference adds to a load of
// the 1M-lead file: the sample, the column profiles and the roles (compare
// with BenchmarkLoad1M's time per load).
func BenchmarkProfile1M(b *testing.B) {
	src := benchData(b)
	text := append([]byte(nil), src...)
	sp := newSplitter("", text, ',', 1<<20, 1)
	hdr, _ := sp.next()
	header, _ := headerNames(hdr)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows := profileSample(text[sp.pos:], ',', 2, len(header))
		if _, err := inferMapping("leads.csv", header, profileColumns(header, rows), rows); err != nil {
			b.Fatal(err)
		}
	}
}
