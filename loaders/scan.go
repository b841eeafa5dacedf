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
}

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
func scan(ctx context.Context, sp *splitter, width int, sink rowSink, name string, maxProblems int, prog *progress) (*scanStats, error) {
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
			if st.ragged > 10 && st.ragged*20 > ld.Read {
				return nil, errorf(name, st.firstRagged, 0, "", fmt.Sprintf("%d of the first %d rows with a field count unlike the header's %d (this one has %d)", st.ragged, ld.Read, width, len(f)),
					fmt.Sprintf("%d fields per row, as in the header; check the separator and quoting", width), "ragged rows")
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

// progress turns bytes read and parsed into calls of Options.Progress.
type progress struct {
	mu                         sync.Mutex
	fn                         func(done, total int64)
	base, size, total, textLen int64
	done                       int64
}

func (p *progress) read(n int64) {
	if p != nil && p.size > 0 {
		p.fn(p.base+n/10, p.total)
	}
}

// parsed adds n bytes of decoded text parsed.
func (p *progress) parsed(n int) {
	if p == nil || n == 0 || p.textLen == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += int64(n)
	p.fn(p.base+p.size/10+p.done*(p.size-p.size/10)/p.textLen, p.total)
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
