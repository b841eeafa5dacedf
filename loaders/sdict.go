package loaders

import (
	"bytes"
	"hash/maphash"
	"math/bits"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/funnel-cli/funnel/model"
)

// sdict is one dictionary shared by every worker parsing a column: an
// insert-only open-addressing table that lookups read without a lock
// (slots are published with atomic stores), while inserts and growth take
// the mutex. Keys live in pages that never move, each behind a header
// holding the first row the value was seen on, so that codes can be put
// in first-seen order at the end whatever order the workers met the
// values in (loads are deterministic).
type sdict struct {
	name string
	seed maphash.Seed
	mu   sync.Mutex
	tab  atomic.Pointer[stable]
	dir  atomic.Pointer[[][]byte] // key pages
	n    atomic.Uint32            // values, "" included
	locs []uint64                 // per code ≥ 1: its key's location (under mu)
	used int                      // bytes used in the last page (under mu)
}

type stable struct {
	slots []sslot
	mask  uint64
}

type sslot struct {
	hc  atomic.Uint64 // hash tag << 32 | code; 0 is empty (code 0 is never stored)
	loc atomic.Uint64 // page << 32 | offset of the key record
}

// A key record: first row (int64), hash (uint64), length (uint64), bytes,
// padded to 8.
const recHead = 24

const pageSize = 1 << 20

func newSdict(name string, expect int) *sdict {
	d := &sdict{name: name, seed: maphash.MakeSeed(), locs: []uint64{0}}
	d.tab.Store(newStable(max(64, 1<<bits.Len(uint(2*expect)))))
	d.dir.Store(&[][]byte{})
	d.n.Store(1)
	d.used = pageSize // no page yet
	return d
}

func newStable(n int) *stable { return &stable{slots: make([]sslot, n), mask: uint64(n - 1)} }

func (d *sdict) rec(loc uint64) []byte {
	p := (*d.dir.Load())[loc>>32]
	return p[uint32(loc):]
}

// code returns the code of v (trimmed), seen on row.
func (d *sdict) code(v []byte, row int) uint32 {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return 0
	}
	return d.lookup(maphash.Bytes(d.seed, v), v, row)
}

func (d *sdict) lookup(h uint64, v []byte, row int) uint32 {
	t := d.tab.Load()
	tag := h >> 32
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		hc := s.hc.Load()
		if hc == 0 {
			return d.insert(h, v, row)
		}
		if hc>>32 == tag {
			if r := d.rec(s.loc.Load()); keyIs(r, v) {
				seen(r, row)
				return uint32(hc)
			}
		}
	}
}

func keyIs(r, v []byte) bool {
	n := *(*uint64)(unsafe.Pointer(&r[16]))
	return n == uint64(len(v)) && string(r[recHead:recHead+n]) == string(v)
}

// seen lowers the record's first row to row.
func seen(r []byte, row int) {
	f := (*atomic.Int64)(unsafe.Pointer(&r[0]))
	for {
		old := f.Load()
		if old <= int64(row) || f.CompareAndSwap(old, int64(row)) {
			return
		}
	}
}

func (d *sdict) insert(h uint64, v []byte, row int) uint32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	t := d.tab.Load()
	tag := h >> 32
	i := h & t.mask
	for ; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		hc := s.hc.Load()
		if hc == 0 {
			break
		}
		if hc>>32 == tag {
			if r := d.rec(s.loc.Load()); keyIs(r, v) {
				seen(r, row)
				return uint32(hc)
			}
		}
	}
	loc := d.store(h, v, row)
	c := d.n.Load()
	d.locs = append(d.locs, loc)
	t.slots[i].loc.Store(loc)
	t.slots[i].hc.Store(tag<<32 | uint64(c))
	d.n.Store(c + 1)
	if 2*int(c+1) > len(t.slots) {
		d.grow(t)
	}
	return c
}

// store writes a key record and returns its location.
func (d *sdict) store(h uint64, v []byte, row int) uint64 {
	need := (recHead + len(v) + 7) &^ 7
	dir := *d.dir.Load()
	if d.used+need > pageSize || len(dir) == 0 {
		page := make([]byte, max(pageSize, need))
		nd := append(dir[:len(dir):len(dir)], page)
		d.dir.Store(&nd)
		dir, d.used = nd, 0
	}
	p := len(dir) - 1
	r := dir[p][d.used:]
	*(*int64)(unsafe.Pointer(&r[0])) = int64(row)
	*(*uint64)(unsafe.Pointer(&r[8])) = h
	*(*uint64)(unsafe.Pointer(&r[16])) = uint64(len(v))
	copy(r[recHead:], v)
	loc := uint64(p)<<32 | uint64(d.used)
	d.used += need
	if len(dir[p]) > pageSize {
		d.used = pageSize // an outsize key has its own page
	}
	return loc
}

func (d *sdict) grow(t *stable) {
	nt := newStable(2 * len(t.slots))
	for c, loc := range d.locs[1:] {
		h := *(*uint64)(unsafe.Pointer(&d.rec(loc)[8]))
		i := h & nt.mask
		for nt.slots[i].hc.Load() != 0 {
			i = (i + 1) & nt.mask
		}
		nt.slots[i].loc.Store(loc)
		nt.slots[i].hc.Store(h>>32<<32 | uint64(c+1))
	}
	d.tab.Store(nt)
}

// card is the number of values, "" included.
func (d *sdict) card() int { return int(d.n.Load()) }

// finish returns the values in first-seen order (one block of bytes) and,
// when the workers met them in another order, the old code -> new code
// table (nil when the codes are already in first-seen order). rows is
// the number of rows the first-row numbers range over.
func (d *sdict) finish(rows int) ([]string, []uint32) {
	n := len(d.locs)
	first := make([]int64, n)
	size := 0
	ordered := true
	for c := 1; c < n; c++ {
		r := d.rec(d.locs[c])
		first[c] = *(*int64)(unsafe.Pointer(&r[0]))
		size += int(*(*uint64)(unsafe.Pointer(&r[16])))
		if c > 1 && first[c] < first[c-1] {
			ordered = false
		}
	}
	var remap []uint32
	order := d.locs
	if !ordered {
		// New code = rank of the first row among all first rows: a bit
		// set over the rows and running popcounts (no sort).
		set := make([]uint64, rows/64+1)
		for c := 1; c < n; c++ {
			set[first[c]>>6] |= 1 << (first[c] & 63)
		}
		rank := make([]uint32, len(set))
		acc := uint32(0)
		for i, w := range set {
			rank[i] = acc
			acc += uint32(bits.OnesCount64(w))
		}
		remap = make([]uint32, n)
		order = make([]uint64, n)
		for c := 1; c < n; c++ {
			f := first[c]
			nc := 1 + rank[f>>6] + uint32(bits.OnesCount64(set[f>>6]&(1<<(f&63)-1)))
			remap[c] = nc
			order[nc] = d.locs[c]
		}
	}
	block := make([]byte, 0, size)
	for c := 1; c < n; c++ {
		r := d.rec(order[c])
		block = append(block, r[recHead:recHead+*(*uint64)(unsafe.Pointer(&r[16]))]...)
	}
	vals := make([]string, n)
	off := 0
	for c := 1; c < n; c++ {
		r := d.rec(order[c])
		l := int(*(*uint64)(unsafe.Pointer(&r[16])))
		if l > 0 {
			vals[c] = unsafe.String(&block[off], l)
		}
		off += l
	}
	d.tab.Store(nil)
	d.dir.Store(nil)
	d.locs = nil
	return vals, remap
}

// values lists the values so far in code order (while loading, for
// decisions made from them; not safe during a parallel pass).
func (d *sdict) values() []string {
	out := make([]string, len(d.locs))
	for c := 1; c < len(d.locs); c++ {
		r := d.rec(d.locs[c])
		out[c] = string(r[recHead : recHead+*(*uint64)(unsafe.Pointer(&r[16]))])
	}
	return out
}

var _ = model.NoDay
