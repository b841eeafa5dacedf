package model

import "testing"

func TestCodesWidenAndNarrow(t *testing.T) {
	var c Codes
	want := []uint32{}
	for _, v := range []uint32{0, 5, 255, 7, 256, 3, 70000, 1} {
		c.Append(v)
		want = append(want, v)
		for i, w := range want {
			if c.At(i) != w {
				t.Fatalf("after appending %d: At(%d) = %d, want %d", v, i, c.At(i), w)
			}
		}
	}
	if c.Width() != 4 || c.Len() != len(want) {
		t.Fatalf("width %d len %d", c.Width(), c.Len())
	}
	c.Set(6, 9)
	c = CodesOf(c.Uint32(), 300)
	if c.Width() != 2 {
		t.Fatalf("300 values: width %d, want 2", c.Width())
	}
	want[6] = 9
	got := make([]uint32, 3)
	c.Read(3, got)
	if got[0] != 7 || got[1] != 256 || got[2] != 3 {
		t.Fatalf("Read = %v", got)
	}
	p := PickCodes(c, []int32{4, 0})
	if p.At(0) != 256 || p.At(1) != 0 || p.Width() != 2 {
		t.Fatalf("Pick = %v", p.Uint32())
	}
	small := CodesOf([]uint32{0, 1, 2, 1}, 3)
	if small.Width() != 1 {
		t.Fatalf("3 values: width %d", small.Width())
	}
	dst := make([]string, 4)
	Lookup(small, 0, []string{"", "a", "b"}, dst)
	if dst[1] != "a" || dst[2] != "b" || dst[3] != "a" {
		t.Fatalf("Lookup = %q", dst)
	}
	h := make([]int, 3)
	small.Histogram(h)
	if h[0] != 1 || h[1] != 2 || h[2] != 1 {
		t.Fatalf("Histogram = %v", h)
	}
	var z Codes
	z.Append(300)
	if z.At(0) != 300 || z.Width() != 2 {
		t.Fatalf("empty then 300: %v width %d", z.Uint32(), z.Width())
	}
}
