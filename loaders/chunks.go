package loaders

import (
	"bytes"
	"context"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// The body of a file (everything after the header) is loaded in two
// passes over fixed-size chunks, each pass spread over every core:
//
//  1. index: each chunk is checked (UTF-8, NUL bytes) and its record ends
//     counted, under both guesses of whether it starts inside a quoted
//     field; a walk over the chunks in order then picks the right guess
//     for each and cuts the body into ranges of whole records, each with
//     its first row number and line.
//  2. parse: each range is split and parsed straight into the columns,
//     which were allocated once at their final size (rows known from 1).
//
// A body is read through reusable buffers (a file is never held whole).

// chunkSize is the unit of work of both passes.
var chunkSize = 4 << 20

// body is the bytes of a file after its header.
type body interface {
	size() int64
	// read returns the n bytes at off (fewer at the end), in buf if they
	// must be copied.
	read(buf []byte, off int64, n int) ([]byte, error)
}

type memBody []byte

func (m memBody) size() int64 { return int64(len(m)) }
func (m memBody) read(_ []byte, off int64, n int) ([]byte, error) {
	return m[off:min(int(off)+n, len(m))], nil
}

type fileBody struct {
	f    *os.File
	base int64 // offset of the body in the file
	n    int64
}

func (b fileBody) size() int64 { return b.n }
func (b fileBody) read(buf []byte, off int64, n int) ([]byte, error) {
	n = int(min(int64(n), b.n-off))
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	k, err := b.f.ReadAt(buf, b.base+off)
	if err == io.EOF && k == n {
		err = nil
	}
	return buf[:k], err
}

// chunkIndex is what pass 1 found in one chunk. Fields indexed by h hold
// the answer for a chunk that starts outside (h=0) or inside (h=1) a
// quoted field.
type chunkIndex struct {
	ends   [2]int   // record ends (line ends outside quotes)
	last   [2]int64 // body offset just past the last record end; -1 if none
	tail   [2]int   // line ends after last (inside a quoted field)
	odd    [2]bool  // a quote the parser reads leniently (not at a field start, text after a closing quote)
	quotes int      // quote bytes (their parity flips h)
	lines  int      // all line ends
	utf8OK bool
	nuls   int   // NUL bytes
	nul    int64 // body offset of the first NUL (-1 none)
	binary bool  // a NUL next to other control bytes: binary data
}

// indexChunk indexes d, the chunk at body offset off; before is the byte
// before it (0 at the body start, which counts as a line start) and after
// up to 4 bytes after it.
func indexChunk(d []byte, off int64, before byte, after []byte, delim byte) chunkIndex {
	ix := chunkIndex{last: [2]int64{-1, -1}, nul: -1}
	// UTF-8: skip a rune begun in the chunk before, finish one running on.
	lo := 0
	for lo < len(d) && lo < 3 && d[lo]&0xC0 == 0x80 {
		lo++
	}
	ix.utf8OK = validTail(d[lo:], after)
	if i := bytes.IndexByte(d, 0); i >= 0 {
		ix.nul = off + int64(i)
		for j := i; j >= 0; {
			ix.nuls++
			if !strayNUL(d, j) {
				ix.binary = true
			}
			k := bytes.IndexByte(d[j+1:], 0)
			if k < 0 {
				break
			}
			j += k + 1
		}
	}
	var next byte // the byte after d
	if len(after) > 0 {
		next = after[0]
	}
	hasCR := bytes.IndexByte(d, '\r') >= 0
	sep := func(c byte) bool { return c == delim || c == '\n' || c == '\r' }
	// Segments between quotes alternate inside/outside; par is the
	// number of quotes before the segment, mod 2.
	start, par := 0, 0
	for {
		q := bytes.IndexByte(d[start:], '"')
		end := len(d)
		if q >= 0 {
			end = start + q
		}
		seg := d[start:end]
		nb := next
		if end < len(d) {
			nb = '"'
		}
		n, lastEnd := lineEnds(seg, nb, hasCR)
		ix.lines += n
		// h = par: this segment is outside quotes under hypothesis h.
		h := par
		if n > 0 {
			ix.ends[h] += n
			ix.last[h] = off + int64(start+lastEnd)
			ix.tail[h] = 0
		}
		ix.tail[1-h] += n
		if q < 0 {
			break
		}
		// The quote at end: opening under the hypothesis for which the
		// segment before it is outside, closing under the other.
		prev := before
		if end > 0 {
			prev = d[end-1]
		}
		nb2, atEnd := next, len(after) == 0
		if end+1 < len(d) {
			nb2, atEnd = d[end+1], false
		}
		if !(off+int64(end) == 0 || sep(prev) || prev == '"') {
			ix.odd[par] = true
		}
		if !(sep(nb2) || nb2 == '"' || atEnd) {
			ix.odd[1-par] = true
		}
		ix.quotes++
		par ^= 1
		start = end + 1
	}
	return ix
}

// lineEnds counts the line ends in seg (LF, CRLF, lone CR; a CR at the end
// is lone unless next is LF) and returns the index just past the last one.
func lineEnds(seg []byte, next byte, hasCR bool) (int, int) {
	n := bytes.Count(seg, []byte{'\n'})
	last := bytes.LastIndexByte(seg, '\n') + 1
	if !hasCR {
		return n, last
	}
	cr := bytes.Count(seg, []byte{'\r'})
	if cr == 0 {
		return n, last
	}
	n += cr - bytes.Count(seg, []byte("\r\n"))
	if len(seg) > 0 && seg[len(seg)-1] == '\r' && next == '\n' {
		n-- // the LF in the next segment ends that line
		seg = seg[:len(seg)-1]
	}
	if r := bytes.LastIndexByte(seg, '\r'); r >= 0 && r+1 > last && (r+1 >= len(seg) || seg[r+1] != '\n') {
		last = r + 1
	}
	return n, last
}

// validTail reports whether d is valid UTF-8 when a rune cut at its end
// is completed from after.
func validTail(d, after []byte) bool {
	if utf8.Valid(d) {
		return true
	}
	// Back up to the start of the last rune and check it with after.
	i := len(d) - 1
	for i >= 0 && len(d)-i < 4 && d[i]&0xC0 == 0x80 {
		i--
	}
	if i < 0 || !utf8.Valid(d[:i]) {
		return false
	}
	tail := append(append([]byte(nil), d[i:]...), after...)
	r, size := utf8.DecodeRune(tail)
	return !(r == utf8.RuneError && size <= 1) && size >= len(d)-i
}

// strayNUL reports whether the NUL at d[i] sits in ordinary text (no
// other control byte within four bytes either side): a CRM field that
// picked one up. NULs next to other control bytes are binary data.
func strayNUL(d []byte, i int) bool {
	for j := max(i-4, 0); j < min(i+5, len(d)); j++ {
		if j != i && d[j] < 0x20 && d[j] != '\n' && d[j] != '\r' && d[j] != '\t' {
			return false
		}
	}
	return true
}

// bodyRange is a run of whole records: body offsets [lo, hi), the row
// index of its first record and the line it starts on.
type bodyRange struct {
	lo, hi int64
	row    int
	rows   int // records in it (an upper bound of the rows it yields)
	line   int
	nuls   bool
}

// bodyIndex is pass 1's result.
type bodyIndex struct {
	ranges   []bodyRange
	rows     int  // records in the body
	lines    int  // line ends in the body
	lenient  bool // a quote is read leniently: ranges cannot be cut exactly
	badUTF8  bool
	nuls     int
	firstNUL int64
	binary   bool
}

// indexBody runs pass 1 over every chunk of b on all cores.
func indexBody(ctx context.Context, b body, delim byte, line int, prog *progress) (*bodyIndex, error) {
	size := b.size()
	n := int((size + int64(chunkSize) - 1) / int64(chunkSize))
	idx := make([]chunkIndex, n)
	var next atomic.Int64
	var firstErr error
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), max(n, 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := ctx.Err(); err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
					return
				}
				off := int64(i) * int64(chunkSize)
				lo := max(off-1, 0)
				hi := min(off+int64(chunkSize)+4, size)
				d, err := b.read(buf, lo, int(hi-lo))
				if err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
					return
				}
				if _, ok := b.(fileBody); ok {
					buf = d[:cap(d)]
				}
				var before byte
				if off > 0 {
					before, d = d[0], d[1:]
				}
				end := min(int64(chunkSize), size-off)
				idx[i] = indexChunk(d[:end], off, before, d[end:], delim)
				prog.index(end)
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	bi := &bodyIndex{firstNUL: -1}
	h, row, lineAt := 0, 0, line
	var lo int64
	rows, lines := 0, 0 // records and line ends since lo
	nuls := false
	for _, ix := range idx {
		if !ix.utf8OK {
			bi.badUTF8 = true
		}
		if ix.nuls > 0 {
			if bi.nuls == 0 {
				bi.firstNUL = ix.nul
			}
			bi.nuls += ix.nuls
			bi.binary = bi.binary || ix.binary
			nuls = true
		}
		if ix.odd[h] {
			bi.lenient = true
		}
		rows += ix.ends[h]
		lines += ix.lines
		bi.lines += ix.lines
		if ix.last[h] >= 0 {
			hiLines := lines - ix.tail[h]
			bi.ranges = append(bi.ranges, bodyRange{lo: lo, hi: ix.last[h], row: row, rows: rows, line: lineAt, nuls: nuls})
			row += rows
			lo, lineAt = ix.last[h], lineAt+hiLines
			rows, lines, nuls = 0, ix.tail[h], ix.nuls > 0
		}
		h ^= ix.quotes & 1
	}
	if lo < size {
		bi.ranges = append(bi.ranges, bodyRange{lo: lo, hi: size, row: row, rows: rows + 1, line: lineAt, nuls: nuls})
		row += rows + 1
	}
	if h == 1 {
		bi.lenient = true // a quote never closes: the parser says where
	}
	bi.rows = row
	return bi, nil
}
