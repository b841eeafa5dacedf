package loaders

import "bytes"

// profileSample returns rows to type the columns from: the first 1000
// records (up to 1 MiB), and for a longer file 200 records from each of
// four places further on, so a column that changes further down is seen.
// Chunks that do not split into whole rows of the header's width (a cut
// inside a quoted field) are left out. Only rows of the header's width
// are kept.
func profileSample(text []byte, delim byte, line, width int) [][][]byte {
	return profileSampleFrom(len(text), func(off, n int) []byte { return text[off : off+n] }, delim, line, width)
}

// profileSampleFrom is profileSample over size bytes that read returns
// piece by piece (a streamed file's body is not held whole).
func profileSampleFrom(size int, read func(off, n int) []byte, delim byte, line, width int) [][][]byte {
	var rows [][][]byte
	take := func(b []byte, max int, partial bool, strict bool) (int, bool) {
		sp := newSplitter("", append([]byte(nil), b...), delim, 1<<30, line)
		sp.partial = partial
		var got [][][]byte
		for len(got) < max {
			f, err := sp.next()
			if err != nil {
				break
			}
			if blank(f) || isFooter(f) {
				continue
			}
			for len(f) > width && len(bytes.TrimSpace(f[len(f)-1])) == 0 {
				f = f[:len(f)-1]
			}
			if len(f) != width {
				if strict {
					return 0, false
				}
				continue
			}
			row := make([][]byte, len(f))
			for i, v := range f {
				row[i] = append([]byte(nil), v...)
			}
			got = append(got, row)
		}
		rows = append(rows, got...)
		return sp.pos, true
	}
	head := min(size, 1<<20)
	used, _ := take(read(0, head), 1000, head < size, false)
	if used == 0 || used >= size {
		return rows
	}
	for k := 1; k <= 4; k++ {
		at := used + (size-used)*k/5
		// The line end after at: searched in pieces, as a long line may
		// run past one.
		nl := -1
		for off := at; off < size && nl < 0; off += 64 << 10 {
			if i := bytes.IndexByte(read(off, min(64<<10, size-off)), '\n'); i >= 0 {
				nl = off + i - at
			}
		}
		if nl < 0 {
			break
		}
		at += nl + 1
		end := min(size, at+256<<10)
		take(read(at, end-at), 200, end < size, true)
	}
	return rows
}
