package loaders

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/funnel-cli/funnel/model"
)

// scanStats is what a scan of rows found besides the rows themselves.
type scanStats struct {
	ld                         model.LoadInfo
	blanks, footer, footerLine int
	ragged, firstRagged        int
	nulLine, nulCol            int // the first stray NUL replaced (0: none)
	// raggedAt lists the ragged rows of a range that does not start the
	// file (the tolerance is then checked in file order afterwards).
	raggedAt []raggedRow
	// shortPre are the lines of short rows read as ragged before the
	// range's first footer line: footer lines if the file was already in
	// its footer when the range began (known only in file order).
	shortPre []int
}

type raggedRow struct{ read, line, fields int }

// asFooter recounts the short rows before the range's first footer line
// as footer lines, the file having been in its footer when it began.
func (st *scanStats) asFooter() {
	k := len(st.shortPre)
	if k == 0 {
		return
	}
	drop := make(map[int]bool, k)
	for _, l := range st.shortPre {
		drop[l] = true
	}
	st.ld.Read -= k
	st.ld.Skipped -= k
	st.ragged -= k
	if st.footer == 0 {
		st.footerLine = st.shortPre[0]
	}
	st.footer += k
	ps := st.ld.Problems[:0]
	for _, p := range st.ld.Problems {
		if !(drop[p.Line] && p.Reason == "wrong number of fields") {
			ps = append(ps, p)
		}
	}
	st.ld.Problems = ps
	ra, gone := st.raggedAt[:0], 0
	for _, r := range st.raggedAt {
		if drop[r.line] {
			gone++
			continue
		}
		r.read -= gone
		ra = append(ra, r)
	}
	st.raggedAt = ra
	st.firstRagged = 0
	if len(ra) > 0 {
		st.firstRagged = ra[0].line
	}
	st.shortPre = nil
}

const maxRaggedAt = 4096

func (st *scanStats) merge(o *scanStats, maxProblems int) {
	st.ld.Read += o.ld.Read
	st.ld.Used += o.ld.Used
	st.ld.Skipped += o.ld.Skipped
	for _, p := range o.ld.Problems {
		if len(st.ld.Problems) < maxProblems {
			st.ld.Problems = append(st.ld.Problems, p)
		}
	}
	st.blanks += o.blanks
	if st.footer == 0 {
		st.footerLine = o.footerLine
	}
	st.footer += o.footer
}

func (st *scanStats) decisions(name string) []string {
	var out []string
	if st.blanks > 0 {
		out = append(out, fmt.Sprintf("%s: skipped %d blank lines", name, st.blanks))
	}
	if st.footer > 0 {
		out = append(out, fmt.Sprintf("%s: ignored %d report footer lines from line %d (totals, confidentiality, copyright)", name, st.footer, st.footerLine))
	}
	if st.ld.Skipped > len(st.ld.Problems) {
		out = append(out, fmt.Sprintf("%s: %d rows skipped; the first %d are listed", name, st.ld.Skipped, len(st.ld.Problems)))
	}
	return out
}

// scan feeds every data row to sink, skipping blank lines and report
// footers, and keeps rows read = used + skipped.
func scan(ctx context.Context, sp *splitter, width int, sink rowParser, name string, maxProblems int, prog *progress, first bool) (*scanStats, error) {
	st := &scanStats{}
	ld := &st.ld
	last := sp.pos
	for n := 0; ; n++ {
		if n&0x3fff == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			prog.parsed(sp.pos - last)
			last = sp.pos
		}
		f, err := sp.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if blank(f) {
			st.blanks++
			continue
		}
		if isFooter(f) || (st.footer > 0 && len(f) < width && shortRow(f)) {
			if st.footer == 0 {
				st.footerLine = sp.recLine
			}
			st.footer++
			continue
		}
		ld.Read++
		for len(f) > width && len(bytes.TrimSpace(f[len(f)-1])) == 0 {
			f = f[:len(f)-1]
		}
		var p *model.Problem
		if len(f) != width {
			st.ragged++
			if st.firstRagged == 0 {
				st.firstRagged = sp.recLine
			}
			if !first && len(st.raggedAt) < maxRaggedAt {
				st.raggedAt = append(st.raggedAt, raggedRow{ld.Read, sp.recLine, len(f)})
			}
			if !first && st.footer == 0 && len(f) < width && shortRow(f) {
				st.shortPre = append(st.shortPre, sp.recLine)
			}
			if first && st.ragged > 10 && st.ragged*20 > ld.Read {
				return nil, raggedError(name, st.firstRagged, st.ragged, ld.Read, width, len(f))
			}
			p = &model.Problem{File: name, Line: sp.recLine, Found: fmt.Sprintf("%d fields", len(f)),
				Expected: fmt.Sprintf("%d fields as in the header", width), Reason: "wrong number of fields"}
		} else {
			p = sink.row(f, sp.recLine, sp)
		}
		if p != nil {
			ld.Skipped++
			if len(ld.Problems) < maxProblems {
				ld.Problems = append(ld.Problems, *p)
			}
			continue
		}
		ld.Used++
	}
	prog.parsed(sp.pos - last)
	return st, nil
}

func raggedError(name string, line, ragged, read, width, fields int) error {
	return errorf(name, line, 0, "", fmt.Sprintf("%d of the first %d rows with a field count unlike the header's %d (this one has %d)", ragged, read, width, fields),
		fmt.Sprintf("%d fields per row, as in the header; check the separator and quoting", width), "ragged rows")
}

// progress turns bytes read, indexed and parsed into calls of
// Options.Progress: reading (or indexing, pass 1) is the first tenth of a
// file, parsing the rest. Calls are serialised and never go back.
type progress struct {
	mu                         sync.Mutex
	fn                         func(done, total int64)
	base, size, total, textLen int64
	done, indexed, last        int64
}

func (p *progress) emit(v int64) {
	if v > p.last {
		p.last = v
		p.fn(v, p.total)
	}
}

func (p *progress) read(n int64) {
	if p != nil && p.size > 0 {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.emit(p.base + min(n, p.size)/10)
	}
}

// index adds n bytes indexed by pass 1.
func (p *progress) index(n int64) {
	if p == nil || p.size == 0 || p.textLen == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.indexed += n
	p.emit(p.base + min(p.indexed*p.size/p.textLen, p.size)/10)
}

// parsed adds n bytes of decoded text parsed.
func (p *progress) parsed(n int) {
	if p == nil || n == 0 || p.textLen == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += int64(n)
	p.emit(p.base + p.size/10 + min(p.done, p.textLen)*(p.size-p.size/10)/p.textLen)
}

// shortRow reports a row with at most two non-empty fields.
func shortRow(f [][]byte) bool {
	n := 0
	for _, v := range f {
		if len(bytes.TrimSpace(v)) > 0 {
			if n++; n > 2 {
				return false
			}
		}
	}
	return true
}

// estimateRows bounds the record count by the line count.
func estimateRows(b []byte) int {
	// Counting line ends is exact for one line a record and costs a few
	// milliseconds per 100 MB; an estimate from a sample that comes out
	// short makes every column grow (and be copied) near the end.
	lines := bytes.Count(b, []byte{'\n'})
	if lines == 0 {
		lines = bytes.Count(b, []byte{'\r'})
	}
	return lines + 16
}

type rowParser interface {
	// row takes one record's fields; it returns a problem when the row
	// cannot be used (the row is then skipped).
	row(f [][]byte, line int, sp *splitter) *model.Problem
}
