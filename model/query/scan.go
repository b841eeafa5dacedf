package query

import "github.com/funnel-cli/funnel/model"

// The row pass works a block of rows at a time, column by column: first the
// as-of mask, entry day and exit kind of every row in the block, then the
// filter terms, then the caller's accumulation. Columns are read in order,
// loops are short and branch-light, which is what makes a million rows
// take a few milliseconds.

const blockSize = 2048

type block struct {
	lo, n int
	// mask, entry, kind and sig are the rows' reached mask, entry day,
	// exit kind and signature (sig.go) after the as-of date: the
	// dataset's own columns when the date cuts nothing, else copies in
	// the buffers below. Read only outside cutBlock.
	mask  []uint16
	entry []int32
	kind  []model.ExitKind
	sig   []uint8
	sel   [blockSize]uint8 // 1 selected, 0 not
	group [blockSize]int32
	// deep lists the rows (block offsets) whose data marks a stage past the
	// first: the few that later-stage loops need to visit.
	deep  [blockSize]uint16
	nDeep int
	// rows lists the selected rows (all of them unless filtered: a filter
	// or as-of may have left some out).
	rows     [blockSize]uint16
	nRows    int
	filtered bool
	// cut lists the rows the as-of date changed into a signature the
	// dataset does not have (their sig is len(sigs)).
	cut  [blockSize]uint16
	nCut int

	maskBuf  [blockSize]uint16
	entryBuf [blockSize]int32
	kindBuf  [blockSize]model.ExitKind
	sigBuf   [blockSize]uint8
}

// fill evaluates rows [lo, lo+n) into b.
func (p *plan) fill(b *block, lo, n int) {
	ds, meta := p.ds, p.meta
	b.lo, b.n = lo, n
	b.mask, b.entry, b.kind = ds.Reached[lo:lo+n], meta.entry[lo:lo+n], meta.kind[lo:lo+n]
	b.sig = nil
	if meta.sig != nil {
		b.sig = meta.sig[lo : lo+n]
	}
	if p.cut { // cutBlock changes them
		b.mask = append(b.maskBuf[:0], b.mask...)
		b.entry = append(b.entryBuf[:0], b.entry...)
		b.kind = append(b.kindBuf[:0], b.kind...)
		if b.sig != nil {
			b.sig = append(b.sigBuf[:0], b.sig...)
		}
	}
	mask, sel := b.mask, b.sel[:n]
	if !p.noLists {
		nd := 0
		for j, mk := range mask {
			b.deep[nd] = uint16(j)
			nd += int(b2u(mk > 1))
		}
		b.nDeep = nd
	}
	b.nCut = 0
	for j := range sel {
		sel[j] = 1
	}
	// Terms on dimension columns do not depend on the as-of date: they
	// run first, so the cut visits only the records they keep.
	for ti := range p.terms[:p.nFixed] {
		p.terms[ti].matchBlock(ds, b)
	}
	if p.cut {
		p.cutBlock(b)
	}
	for ti := range p.terms[p.nFixed:] {
		p.terms[p.nFixed+ti].matchBlock(ds, b)
	}
	// Unselected rows go to group G, which the caller allocates and
	// ignores: the accumulation loops then need no branch on selection.
	g := b.group[:n]
	junk := int32(p.G)
	if p.gcodes == nil {
		for j := range g {
			g[j] = 0
		}
	} else {
		model.Lookup(*p.gcodes, lo, p.gmap, g)
	}
	b.filtered = p.cut || len(p.terms) > 0
	if p.noLists {
		if b.filtered {
			for j, s := range sel {
				m := int32(s) - 1 // 0 selected, all ones not
				g[j] = g[j]&^m | junk&m
			}
		}
		return
	}
	if !b.filtered {
		copy(b.rows[:n], identity[:n])
		b.nRows = n
		return
	}
	m := 0
	for j, s := range sel {
		if s == 0 {
			g[j] = junk
		}
		b.rows[m] = uint16(j)
		m += int(s)
	}
	b.nRows = m
}

// cutBlock applies the as-of date to the selected rows it touches: those
// with something after it. Their stages after
// as-of are dropped, the entry is the first date left, an exit after as-of
// has not happened, and a record with every dated stage after as-of did
// not exist yet.
func (p *plan) cutBlock(b *block) {
	ds, lo, asOf := p.ds, b.lo, p.asOf
	var idx [blockSize]uint16
	m := 0
	sel := b.sel[:b.n]
	// A record whose every stage is dated after as-of did not exist yet
	// (the most common cut: records that came in later).
	for j, f := range p.meta.first[lo : lo+b.n] {
		sel[j] &= uint8(b2u(f <= asOf))
	}
	for j, l := range p.meta.last[lo : lo+b.n] {
		idx[m] = uint16(j)
		m += int(b2u(l > asOf) & uint16(sel[j]))
	}
	cut := idx[:m]
	lastBit := uint16(1) << (p.ns - 1)
	tr, M := p.meta.cutSigs(), 1<<p.ns
	cutCode := uint8(len(p.meta.sigs))
	nc := 0
	for _, jj := range cut {
		j := int(jj)
		i := lo + j
		// Drop the stages dated after as-of; the entry is the first date left.
		e, mk := model.NoDay, b.mask[j]
		if mk == 1 { // most records: only the first stage
			if d := ds.Days[0][i]; d > asOf {
				mk = 0
			} else {
				e = d
			}
		} else {
			for mm := mk; mm != 0; mm &= mm - 1 {
				k := bitIndex(mm)
				d := ds.Days[k][i]
				if d > asOf {
					mk &^= 1 << k
				} else if e == model.NoDay {
					e = d
				}
			}
		}
		b.mask[j], b.entry[j] = mk, e
		if mk == 0 && ds.Reached[i] != 0 {
			b.sel[j] = 0
		}
		k := b.kind[j]
		if ds.ExitDay[i] > asOf {
			if k == model.ExitChurned {
				k = model.ExitWon
			} else {
				k = model.ExitOpen
			}
		}
		if (k == model.ExitWon || k == model.ExitChurned) && mk&lastBit == 0 {
			k = model.ExitOpen // the win is after as-of
		}
		b.kind[j] = k
		// The record's signature after the cut, if the dataset has it;
		// otherwise it is counted on its own (listed in b.cut).
		if tr != nil {
			if c := tr[(int(b.sig[j])*M+int(mk))*nKinds+int(k)]; c != noSig {
				b.sig[j] = c
				continue
			}
		}
		if b.sig != nil {
			b.sig[j] = cutCode
		}
		b.cut[nc] = jj
		nc++
	}
	b.nCut = nc
}

// identity is 0, 1, 2, …: the row list of a block nothing was filtered from.
var identity = func() (a [blockSize]uint16) {
	for i := range a {
		a[i] = uint16(i)
	}
	return a
}()

func b2u(b bool) uint16 {
	if b {
		return 1
	}
	return 0
}

// blocks runs fn over every block of [lo, hi).
func (p *plan) blocks(lo, hi int, fn func(b *block)) {
	b := new(block)
	for s := lo; s < hi; s += blockSize {
		p.fill(b, s, min(blockSize, hi-s))
		fn(b)
	}
}

// periodOf returns the period of day d, or P (no period: NoDay, outside
// the periods kept, after as-of). Branch-free: one clamp and one load.
func (p *plan) periodOf(d int32) int { return p.per.of(d) }

// periodMap is the branch-free day -> period lookup. Hot loops copy it
// into a local: its fields then stay in registers instead of being
// reloaded after every histogram store.
type periodMap struct {
	lo    int32
	n     uint32
	slots []int32 // n+1 entries, the last P
}

func (m periodMap) of(d int32) int {
	u := min(uint32(d-m.lo), m.n)
	return int(m.slots[u])
}

// layoutSlots builds the branch-free day -> period lookup.
func (p *plan) layoutSlots() {
	t := p.pt
	slots := make([]int32, len(t.idx)+1)
	for i, x := range t.idx {
		if x < 0 {
			x = int32(p.P)
		}
		slots[i] = x
	}
	slots[len(t.idx)] = int32(p.P)
	p.per = periodMap{lo: t.lo, n: uint32(len(t.idx)), slots: slots}
}
