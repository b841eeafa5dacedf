package loaders

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"sync"

	"github.com/funnel-cli/funnel/model"
)

// dimCol is a dictionary-encoded column filled by several workers: one
// shared dictionary and the codes, written at each row's index.
type dimCol struct {
	name  string
	dict  *sdict
	codes codeCol
}

// newDimCol sizes the dictionary and the code width from the sample's
// distinct values (n of them in rows sample rows).
func newDimCol(name string, rows int, sample [][]byte, n int) *dimCol {
	seen := map[string]bool{}
	for _, v := range sample {
		seen[string(bytes.TrimSpace(v))] = true
	}
	distinct := len(seen)
	expect := distinct
	w := 1
	if n > 0 && distinct*4 > n {
		// Most sample values are new: an id-like column (companies).
		expect = rows * distinct / n / 4
		w = 4
	} else if distinct > 128 {
		w = 2
	}
	d := &dimCol{name: name, dict: newSdict(name, max(expect, 16))}
	d.codes.alloc(rows, w)
	return d
}

func (d *dimCol) set(r int, c uint32) {
	if !d.codes.fits(c) {
		d.codes.widen(c)
	}
	d.codes.put(r, c)
}

// codeCol holds codes at 1, 2 or 4 bytes a row. Workers hold mu for
// reading while they write their rows; widening takes it for writing.
type codeCol struct {
	mu  sync.RWMutex
	w   int
	u8  []uint8
	u16 []uint16
	u32 []uint32
}

func (c *codeCol) alloc(rows, w int) {
	c.w = w
	switch w {
	case 1:
		c.u8 = model.Column[uint8](rows)
	case 2:
		c.u16 = model.Column[uint16](rows)
	default:
		c.u32 = model.Column[uint32](rows)
	}
}

func (c *codeCol) len() int { return len(c.u8) + len(c.u16) + len(c.u32) }

func (c *codeCol) fits(v uint32) bool {
	return c.w == 4 || (c.w == 2 && v < 1<<16) || v < 1<<8
}

func (c *codeCol) put(r int, v uint32) {
	switch c.w {
	case 1:
		c.u8[r] = uint8(v)
	case 2:
		c.u16[r] = uint16(v)
	default:
		c.u32[r] = v
	}
}

func (c *codeCol) at(r int) uint32 {
	switch c.w {
	case 1:
		return uint32(c.u8[r])
	case 2:
		return uint32(c.u16[r])
	}
	return c.u32[r]
}

// widen makes room for v; the caller holds mu for reading (it is released
// and taken again).
func (c *codeCol) widen(v uint32) {
	c.mu.RUnlock()
	c.mu.Lock()
	if !c.fits(v) {
		w := 2
		if v >= 1<<16 {
			w = 4
		}
		n := len(c.u8) + len(c.u16) + len(c.u32)
		var o codeCol
		o.alloc(n, w)
		for i := 0; i < n; i++ {
			o.put(i, c.at(i))
		}
		c.w, c.u8, c.u16, c.u32 = o.w, o.u8, o.u16, o.u32
	}
	c.mu.Unlock()
	c.mu.RLock()
}

// compact moves the kept rows of each range down to close the gaps the
// skipped rows left, then cuts the column to n rows.
func (c *codeCol) compact(rs []rangeUse, n int) {
	switch c.w {
	case 1:
		c.u8 = compactRows(c.u8, rs, n)
	case 2:
		c.u16 = compactRows(c.u16, rs, n)
	default:
		c.u32 = compactRows(c.u32, rs, n)
	}
}

// rangeUse is where a range's rows were written and how many were kept;
// skips are the ordinals (among the rows parsed) of those skipped, noted
// for a deferred load's dims phase (recBuilder.keepSkip).
type rangeUse struct {
	row, used int
	skips     []int32
}

func compactRows[T any](s []T, rs []rangeUse, n int) []T {
	if s == nil {
		return nil
	}
	dst := 0
	for _, r := range rs {
		if dst != r.row {
			copy(s[dst:dst+r.used], s[r.row:r.row+r.used])
		}
		dst += r.used
	}
	return s[:n:n]
}

// done returns the column as a model.Dim: values in first-seen order,
// codes renumbered to match when the workers met them in another order
// (in parallel) and narrowed when the sample guessed too wide.
func (d *dimCol) done(rows int) *model.Dim {
	vals, remap := d.dict.finish(rows)
	c := &d.codes
	n := len(c.u8) + len(c.u16) + len(c.u32)
	w := 4
	switch {
	case len(vals) <= 1<<8:
		w = 1
	case len(vals) <= 1<<16:
		w = 2
	}
	if remap != nil || w != c.w {
		o := c
		if w != c.w {
			o = &codeCol{}
			o.alloc(n, w)
		}
		parallelFor(n, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				v := c.at(i)
				if remap != nil {
					v = remap[v]
				}
				o.put(i, v)
			}
		})
		c = o
	}
	dm := &model.Dim{Name: d.name, Values: vals}
	switch w {
	case 1:
		dm.Codes = model.CodesFrom(c.u8)
	case 2:
		dm.Codes = model.CodesFrom(c.u16)
	default:
		dm.Codes = model.CodesFrom(c.u32)
	}
	return dm
}

// parallelFor runs f over [0, n) in two halves at once.
func parallelFor(n int, f func(lo, hi int)) {
	if n < 1<<16 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		f(n/2, n)
	}()
	f(0, n/2)
	wg.Wait()
}

// batch holds values of a large dictionary waiting to be looked up
// together: their memory loads then overlap instead of queueing.
type batch struct {
	vals  [][]byte
	rows  []int
	touch uint64 // keeps the touching loads
}

func (b *batch) add(d *dimCol, v []byte, r int) {
	b.vals = append(b.vals, v)
	b.rows = append(b.rows, r)
	if len(b.vals) == batchSize {
		b.flush(d)
	}
}

func (b *batch) flush(d *dimCol) {
	if len(b.vals) == 0 {
		return
	}
	var hs [batchSize]uint64
	t := d.dict.tab.Load()
	var touch uint64
	for i, v := range b.vals {
		v = trimSpace(v)
		b.vals[i] = v
		if len(v) > 0 {
			hs[i] = maphash.Bytes(d.dict.seed, v)
			touch += t.slots[hs[i]&t.mask].hc.Load()
		}
	}
	// Touch each value's key record too: independent loads that overlap;
	// the lookups below then find them cached.
	for i, v := range b.vals {
		if s := &t.slots[hs[i]&t.mask]; len(v) > 0 && s.hc.Load() != 0 {
			touch += uint64(d.dict.rec(s.loc.Load())[recHead])
		}
	}
	b.touch += touch
	for i, v := range b.vals {
		if len(v) == 0 {
			d.set(b.rows[i], 0)
			continue
		}
		d.set(b.rows[i], d.dict.lookup(hs[i], v, b.rows[i]))
	}
	b.vals, b.rows = b.vals[:0], b.rows[:0]
}

// dateStats is one worker's evidence for a date column's day/month order.
type dateStats struct {
	pending []int32 // rows of ambiguous values
	dayGT12 int
	monGT12 int
	kinds   [6]int
}

// add returns the value to store for v at row r.
func (s *dateStats) add(v dateVal, ok bool, r int) int32 {
	if !ok {
		return model.NoDay
	}
	s.kinds[v.Kind]++
	if v.Amb {
		s.pending = append(s.pending, int32(r))
		return int32(v.Y)<<10 | int32(v.A)<<5 | int32(v.B)
	}
	if v.Kind == dkSlash || v.Kind == dkDot {
		if v.A > 12 {
			s.dayGT12++
		} else {
			s.monGT12++
		}
	}
	return v.Day
}

func (c *dateCol) absorb(s *dateStats) {
	c.pending = append(c.pending, s.pending...)
	c.dayGT12 += s.dayGT12
	c.monGT12 += s.monGT12
	for k := range c.kinds {
		c.kinds[k] += s.kinds[k]
	}
	s.pending = s.pending[:0]
	s.dayGT12, s.monGT12, s.kinds = 0, 0, [6]int{}
}

// commit appends a range's strings (scratch) to the column, in order.
func (a *arena) commit(s *arena) {
	if a.ends == nil && a.data == nil {
		return
	}
	base := uint32(len(a.data))
	a.data = append(a.data, s.data...)
	for _, e := range s.ends {
		a.ends = append(a.ends, base+e)
	}
}

// front is a worker's cache of a small dictionary's recent values: a
// channel or owner column repeats a handful of values, and a hit here
// costs two loads and a compare instead of a hash, a probe of the shared
// table and its key. A value the worker has cached it has already looked
// up at an earlier row, so the dictionary's first rows stay right.
type front struct {
	slots [64]frontSlot
}

type frontSlot struct {
	key  uint64
	code uint32
	n    int    // length of the value; 0: empty slot
	val  []byte // the value when longer than 8 bytes
}

func frontKey(v []byte) uint64 {
	if len(v) <= 8 {
		var k uint64
		for i, c := range v {
			k |= uint64(c) << (8 * i)
		}
		return k
	}
	return binary.LittleEndian.Uint64(v) ^ binary.LittleEndian.Uint64(v[len(v)-8:])*0x9E3779B97F4A7C15
}

// code returns the code of v (trimmed) on row r, through the cache.
func (f *front) code(d *sdict, v []byte, r int) uint32 {
	v = trimSpace(v)
	if len(v) == 0 {
		return 0
	}
	k := frontKey(v)
	s := &f.slots[(k*0x9E3779B97F4A7C15)>>58]
	if s.n == len(v) && s.key == k && (len(v) <= 8 || string(s.val) == string(v)) {
		return s.code
	}
	c := d.lookup(maphash.Bytes(d.seed, v), v, r)
	*s = frontSlot{key: k, code: c, n: len(v), val: append(s.val[:0], v...)}
	return c
}
