package loaders

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/funnel-cli/funnel/model"
)

// rangeOut is what parsing one range gave, waiting to be committed in
// file order (strings appended, stats merged).
type rangeOut struct {
	st   *scanStats
	use  rangeUse
	scr  []arena // ids, emails, lead refs, join keys
	err  error
	nulL int // line and column of the range's first NUL (0: none)
	nulC int
}

// parseBody is pass 2: every core parses ranges of the body into b's
// columns. Strings are committed in file order; an error is that of the
// earliest range that has one.
func (b *recBuilder) parseBody(ctx context.Context, bd body, bi *bodyIndex, name string, delim byte, width int, opt Options) (*scanStats, error) {
	n := len(bi.ranges)
	outs := make([]*rangeOut, n)
	var (
		next    atomic.Int64
		errAt   atomic.Int64 // lowest range with an error
		mu      sync.Mutex   // guards outs, commit, free
		commit  int
		free    [][]arena
		st      = &scanStats{}
		workers []*recWorker
		wg      sync.WaitGroup
	)
	errAt.Store(int64(n))
	b.uses = make([]rangeUse, n)
	deliver := func(i int, o *rangeOut) {
		mu.Lock()
		defer mu.Unlock()
		outs[i] = o
		for commit < n && outs[commit] != nil && outs[commit].err == nil {
			c := outs[commit]
			if st.footer > 0 {
				c.st.asFooter()
			}
			// The ragged-row tolerance, checked in file order.
			for _, r := range c.st.raggedAt {
				g := st.ragged + 1
				if st.ragged == 0 {
					st.firstRagged = r.line
				}
				st.ragged = g
				if g > 10 && g*20 > st.ld.Read+r.read {
					c.err = raggedError(name, st.firstRagged, g, st.ld.Read+r.read, width, r.fields)
					lower(&errAt, commit)
					return
				}
			}
			st.ragged -= len(c.st.raggedAt)
			b.ids.commit(&c.scr[0])
			b.emails.commit(&c.scr[1])
			b.leadRefs.commit(&c.scr[2])
			for k := range b.ext.keys {
				b.ext.keys[k].commit(&c.scr[3+k])
			}
			st.merge(c.st, opt.MaxProblems)
			st.ragged += c.st.ragged
			if st.firstRagged == 0 {
				st.firstRagged = c.st.firstRagged
			}
			b.uses[commit] = c.use
			free = append(free, c.scr)
			c.scr = nil
			commit++
		}
	}
	scratch := func() []arena {
		mu.Lock()
		defer mu.Unlock()
		if k := len(free); k > 0 {
			s := free[k-1]
			free = free[:k-1]
			for i := range s {
				s[i].data, s[i].ends = s[i].data[:0], s[i].ends[:0]
			}
			return s
		}
		return make([]arena, 3+len(b.ext.keys))
	}
	_, isFile := bd.(fileBody)
	for k := 0; k < min(runtime.GOMAXPROCS(0), max(n, 1)); k++ {
		w := b.worker()
		workers = append(workers, w)
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for {
				i := int(next.Add(1) - 1)
				if i >= n || int64(i) > errAt.Load() {
					return
				}
				r := bi.ranges[i]
				o := &rangeOut{use: rangeUse{row: r.row}}
				d, err := bd.read(buf, r.lo, int(r.hi-r.lo))
				if isFile {
					buf = d[:cap(d)]
				}
				if err == nil && r.nuls {
					o.nulL, o.nulC, err = replaceNULs(name, d, r.line)
				}
				if err == nil {
					sp := newSplitter(name, d, delim, opt.MaxField, r.line)
					w.scr = scratch()
					w.begin(r.row, r.rows)
					o.st, err = scan(ctx, sp, width, w, name, opt.MaxProblems, opt.prog, i == 0)
					w.end()
					if err == nil && w.over {
						err = fmt.Errorf("%s: %s; load it again", name, changedReason)
					}
					o.use.used = w.r - r.row
					o.use.skips = w.skips
					o.scr = w.scr
				}
				if err != nil {
					o.err = err
					lower(&errAt, i)
				}
				deliver(i, o)
			}
		}()
	}
	wg.Wait()
	if e := errAt.Load(); e < int64(n) {
		return nil, outs[e].err
	}
	for _, w := range workers {
		for i, d := range b.dates {
			d.absorb(&w.dstat[i])
		}
	}
	// The ragged-row tolerance applies to the whole file.
	if st.ragged > 10 && st.ragged*20 > st.ld.Read {
		return nil, errorf(name, st.firstRagged, 0, "", "too many rows with a field count unlike the header's",
			"rows with as many fields as the header; check the separator and quoting", "ragged rows")
	}
	for _, o := range outs {
		if o.nulL > 0 {
			st.nulLine, st.nulCol = o.nulL, o.nulC
			break
		}
	}
	for _, u := range b.uses {
		b.n += u.used
	}
	return st, nil
}

// lower sets a to i if i is lower.
func lower(a *atomic.Int64, i int) {
	for {
		old := a.Load()
		if int64(i) >= old || a.CompareAndSwap(old, int64(i)) {
			return
		}
	}
}

// replaceNULs turns the stray NUL bytes of a range (line is its first
// line) into spaces and returns where the first was; a NUL next to other
// control bytes is binary data.
func replaceNULs(name string, d []byte, line int) (int, int, error) {
	fl, fc := 0, 0
	for i := range d {
		if d[i] != 0 {
			continue
		}
		if !strayNUL(d, i) {
			l, c := lineCol(d, i)
			return 0, 0, errorf(name, line+l-1, c, "", "a NUL byte (binary data)", "a CSV text file", "not a text file")
		}
		if fl == 0 {
			l, c := lineCol(d, i)
			fl, fc = line+l-1, c
		}
		d[i] = ' '
	}
	return fl, fc, nil
}

// compact closes the gaps skipped rows left in the row-indexed columns.
func (b *recBuilder) compact() {
	if b.n == b.rows {
		return
	}
	for _, d := range b.dates {
		d.vals = compactRows(d.vals, b.uses, b.n)
	}
	b.flagMask = compactRows(b.flagMask, b.uses, b.n)
	b.amount = compactRows(b.amount, b.uses, b.n)
	b.amountCc = compactRows(b.amountCc, b.uses, b.n)
	b.prob = compactRows(b.prob, b.uses, b.n)
	b.ext.out = compactRows(b.ext.out, b.uses, b.n)
	b.ext.lines = compactRows(b.ext.lines, b.uses, b.n)
	for _, d := range append([]*dimCol{b.stage, b.status, b.reason, b.account, b.currency}, b.dims...) {
		if d != nil && d.codes.len() == b.rows {
			d.codes.compact(b.uses, b.n)
		}
	}
}

var _ = model.NoDay
