package loaders

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/funnel-cli/funnel/model"
)

// A deferred load reads a file in two phases, so that a caller can show
// the funnel before the dimension columns are in:
//
//  1. LoadDeferred: everything but the dimension columns (account,
//     channel, campaign, owner...), the ids and the emails, exactly as
//     Options.SkipDims and SkipIDs read it: stage dates, status and its
//     date, reasons, amounts (an unreadable one skips its row), every
//     problem and skipped row, every decision. The dataset says
//     Load.DimsSkipped.
//  2. Deferred.Load: the dimension columns, ids and emails, read again from the file
//     (the page cache, not the disk, for a file just read) range by
//     range. Each range is split as in phase 1 and its rows are handed
//     out in the same order; the rows phase 1 skipped (noted by their
//     ordinal in the range) are skipped again, so every value lands at
//     its record's index. A dimension value never skips a row (any text
//     is a value), so rows read, used and skipped are phase 1's and stay
//     true. The result is a new dataset, the phase-1 one with its Dims:
//     equal to what LoadFiles gives (loaders/deferred_test.go).
//
// Only a one-row-per-record file read in chunks from disk (a regular
// UTF-8 file of at least streamMin bytes) is deferred: anything else
// (several files, standard input, gzip, a workbook, another encoding, a
// stage-history log, a file with no dimension column) is loaded whole by
// LoadDeferred, which then returns no Deferred. A file that changed
// between the phases (size, modification time, or rows that no longer
// line up) is an error from Deferred.Load, as it is in one load.

// Deferred is what a deferred load has left to read: the dimension
// columns of its file. Load reads them (once); Close drops them unread.
type Deferred struct {
	lean *model.Dataset
	b    *recBuilder // account, dims, ids and emails only (dimsOnly)
	// ids and emails are committed in file order as ranges finish (a
	// range's strings wait in its scratch until those before are in);
	// scratch is reused, as in parseBody.
	mu     sync.Mutex
	done   [][]arena // per range: its scratch once parsed, until committed
	commit int       // the next range to commit
	free   [][]arena
	bd     fileBody
	ranges []bodyRange
	uses   []rangeUse // phase 1's: rows kept per range, and those skipped
	n      int
	name   string
	delim  byte
	width  int
	opt    Options
	size   int64
	mod    time.Time
	once   sync.Once
}

// LoadDeferred loads paths as LoadFiles does, leaving a single file's
// dimension columns for the returned Deferred to read (see above); rest
// is nil when nothing was left (the dataset is then complete).
func LoadDeferred(ctx context.Context, paths []string, opt Options) (ds *model.Dataset, rest *Deferred, err error) {
	if len(paths) == 1 && !opt.SkipDims {
		opt.deferDims = true
	}
	return loadFiles(ctx, paths, opt)
}

// hasDims reports whether the plan reads any dimension column.
func (p *plan) hasDims() bool { return p.account >= 0 || p.channel >= 0 || len(p.dims) > 0 }

// deferFrom keeps what phase 2 needs of a file's phase 1.
func deferFrom(rb *recBuilder, bd body, bi *bodyIndex, f *streamFile, sm *sample, name string, delim byte, width int, opt Options) *Deferred {
	fb, ok := bd.(fileBody)
	if !ok || f == nil {
		return nil
	}
	p := rb.p
	b := &recBuilder{p: p, rows: rb.rows, created: -1, won: -1, lost: -1, close: -1, dimsOnly: true}
	b.makeDims(sm)
	b.ids.init(b.rows, sm.avgLen(p.id)) // as newRecBuilder does: the same strings, the same room
	b.emails.init(b.rows, sm.avgLen(p.email))
	b.dimsIDs = [2]bool{p.id >= 0 && b.ids.data != nil, p.email >= 0 && b.emails.data != nil}
	return &Deferred{b: b, bd: fb, ranges: bi.ranges, done: make([][]arena, len(bi.ranges)), uses: rb.uses, n: rb.n, name: name, delim: delim,
		width: width, opt: opt, size: f.size, mod: f.mod}
}

// Close releases the file of a Deferred that will not be read.
func (d *Deferred) Close() {
	if d != nil {
		d.once.Do(func() { d.bd.f.Close() })
	}
}

// Load reads the dimension columns on every core and returns the
// dataset with them (a new Dataset; the phase-1 one is not changed). It
// closes the file; a second call is an error.
func (d *Deferred) Load(ctx context.Context) (*model.Dataset, error) {
	first := false
	d.once.Do(func() { first = true })
	if !first {
		return nil, errors.New(d.name + ": the dimension columns were read already")
	}
	defer d.bd.f.Close()
	if st, err := d.bd.f.Stat(); err != nil || st.Size() != d.size || !st.ModTime().Equal(d.mod) {
		return nil, d.changed()
	}
	b := d.b
	n := len(d.ranges)
	errs := make([]error, n)
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for k := 0; k < min(runtime.GOMAXPROCS(0), max(n, 1)); k++ {
		w := b.worker()
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				errs[i] = d.rangeDims(ctx, w, i, &buf)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	d.done, d.free = nil, nil
	b.uses, b.n = d.uses, d.n
	if b.n != b.rows {
		for _, c := range append([]*dimCol{b.account}, b.dims...) {
			if c != nil && c.codes.len() == b.rows {
				c.codes.compact(b.uses, b.n)
			}
		}
	}
	b.finishDims()
	full := *d.lean
	full.Dims = append([]*model.Dim(nil), b.dimsDone...)
	if b.accountDim != nil {
		full.Dims = append(full.Dims, b.accountDim)
	}
	full.Dims = append(full.Dims, d.lean.Dims...)
	full.IDs, full.Emails = b.ids.strings(), b.emails.strings()
	full.Load.DimsSkipped = false
	return &full, full.Validate()
}

// rangeDims reads range i's dimension values with w (buf is the worker's
// read buffer).
func (d *Deferred) rangeDims(ctx context.Context, w *recWorker, i int, buf *[]byte) error {
	r := d.ranges[i]
	data, err := d.bd.read(*buf, r.lo, int(r.hi-r.lo))
	*buf = data[:cap(data)]
	if err != nil {
		return err
	}
	if int64(len(data)) != r.hi-r.lo {
		return d.changed()
	}
	if r.nuls {
		if _, _, err := replaceNULs(d.name, data, r.line); err != nil {
			return err
		}
	}
	sp := newSplitter(d.name, data, d.delim, d.opt.MaxField, r.line)
	w.scr = d.scratch()
	defer d.deliver(i, w.scr)
	w.begin(r.row, r.rows)
	w.skips = d.uses[i].skips
	_, err = scan(ctx, sp, d.width, w, d.name, d.opt.MaxProblems, nil, i == 0)
	w.end()
	if err == nil && (w.over || len(w.skips) > 0 || w.r-r.row != d.uses[i].used) {
		err = d.changed()
	}
	return err
}

// scratch returns arenas for a range's ids and emails.
func (d *Deferred) scratch() []arena {
	d.mu.Lock()
	defer d.mu.Unlock()
	if k := len(d.free); k > 0 {
		s := d.free[k-1]
		d.free = d.free[:k-1]
		for i := range s {
			s[i].data, s[i].ends = s[i].data[:0], s[i].ends[:0]
		}
		return s
	}
	return make([]arena, 2)
}

// deliver hands in range i's ids and emails and commits those whose
// turn it is.
func (d *Deferred) deliver(i int, scr []arena) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.done[i] = scr
	for d.commit < len(d.done) && d.done[d.commit] != nil {
		c := d.done[d.commit]
		d.b.ids.commit(&c[0])
		d.b.emails.commit(&c[1])
		d.done[d.commit] = nil
		d.free = append(d.free, c)
		d.commit++
	}
}

func (d *Deferred) changed() error {
	return fmt.Errorf("%s: %s (while its dimension columns were read); load it again", d.name, changedReason)
}

// skippedAgain is what the dims phase returns for a row phase 1 skipped
// (the problem was reported by phase 1; this one is dropped).
var skippedAgain = model.Problem{Reason: "skipped when first read"}

// dimsRow writes one row's dimension values at its record's index and
// keeps its id and email, or skips it again when phase 1 skipped it.
func (w *recWorker) dimsRow(f [][]byte) *model.Problem {
	k := w.calls
	w.calls++
	if len(w.skips) > 0 && int(w.skips[0]) == k {
		w.skips = w.skips[1:]
		return &skippedAgain
	}
	if w.r >= w.limit {
		w.over = true
		return &skippedAgain
	}
	w.codes(f, w.r)
	w.r++
	if b := w.b; b.dimsIDs[0] {
		w.scr[0].add(f[b.p.id])
	}
	if b := w.b; b.dimsIDs[1] {
		w.scr[1].add(f[b.p.email])
	}
	return nil
}
