package model

// The row pass works a block of rows at a time, column by column: first the
// as-of mask, entry day and exit kind of every row in the block, then the
// filter terms, then the caller's accumulation. Columns are read in order,
// loops are short and branch-light, which is what makes a million rows
// take a few milliseconds.

const blockSize = 2048

type block struct {
	lo, n int
	mask  [blockSize]uint16
	entry [blockSize]int32
	kind  [blockSize]ExitKind
	sel   [blockSize]uint8 // 1 selected, 0 not
	group [blockSize]int32
	// deep lists the rows (block offsets) whose data marks a stage past the
	// first: the few that later-stage loops need to visit.
	deep  [blockSize]uint16
	nDeep int
}

// fill evaluates rows [lo, lo+n) into b.
func (p *plan) fill(b *block, lo, n int) {
	ds := p.ds
	b.lo, b.n = lo, n
	mask, entry, kind, sel := b.mask[:n], b.entry[:n], b.kind[:n], b.sel[:n]
	copy(mask, ds.Reached[lo:lo+n])
	nd := 0
	for j, mk := range mask {
		b.deep[nd] = uint16(j)
		nd += int(b2u(mk > 1))
	}
	b.nDeep = nd
	for j := range entry {
		entry[j] = NoDay
	}
	asOf := p.asOf
	if !p.cut {
		asOf = maxDay
	}
	if ds.HasDates && (p.cut || p.needEntry) {
		p.datesBlock(mask, entry, b.deep[:nd], lo, n, asOf)
	}
	copy(kind, ds.Exit[lo:lo+n])
	last := uint16(1) << (p.ns - 1)
	reached := ds.Reached[lo : lo+n]
	xday := ds.ExitDay[lo : lo+n]
	for j := range sel {
		sel[j] = 1
	}
	if p.cut {
		for j := range sel {
			// a record whose every dated stage is after as-of did not exist yet
			sel[j] = uint8(b2u(mask[j] != 0 || reached[j] == 0))
			// an exit after as-of has not happened (NoDay is never after)
			if k := kind[j]; k != ExitOpen && xday[j] > p.asOf {
				kind[j] = ExitOpen
				if k == ExitChurned {
					kind[j] = ExitWon
				}
			}
		}
	}
	for j, k := range kind {
		if (k == ExitWon || k == ExitChurned) && mask[j]&last == 0 {
			kind[j] = ExitOpen // won after as-of, or marked won without the last stage
		}
	}
	for ti := range p.terms {
		p.terms[ti].matchBlock(ds, b)
	}
	// Unselected rows go to group G, which the caller allocates and
	// ignores: the accumulation loops then need no branch on selection.
	g := b.group[:n]
	junk := int32(p.G)
	if p.gcodes == nil {
		for j := range g {
			g[j] = 0
			if sel[j] == 0 {
				g[j] = junk
			}
		}
	} else {
		codes := p.gcodes[lo : lo+n]
		gmap := p.gmap
		for j, c := range codes {
			g[j] = gmap[c]
			if sel[j] == 0 {
				g[j] = junk
			}
		}
	}
}

func (t *Term) matchBlock(ds *Dataset, b *block) {
	n, lo := b.n, b.lo
	sel := b.sel[:n]
	allow := t.allowU
	neg := b2u(t.neg)
	width := uint32(t.hi - t.lo) // range checks: one unsigned compare, NoDay falls outside
	switch t.kind {
	case termDim, termReason:
		codes := t.dim.Codes[lo : lo+n]
		for j, c := range codes {
			sel[j] &= allow[c]
		}
	case termEntry:
		for j, d := range b.entry[:n] {
			in := b2u(uint32(d-t.lo) <= width)
			sel[j] &= uint8((in ^ neg) & b2u(d != NoDay))
		}
	case termStageDate:
		col := ds.Days[t.index][lo : lo+n]
		mask := b.mask[:n]
		for j, d := range col {
			in := b2u(uint32(d-t.lo) <= width)
			has := b2u(d != NoDay) & (mask[j] >> t.index)
			sel[j] &= uint8((in ^ neg) & has)
		}
	case termExit:
		for j, k := range b.kind[:n] {
			sel[j] &= allow[k]
		}
	case termStage:
		for j, m := range b.mask[:n] {
			sel[j] &= allow[deepest(m)+1]
		}
	}
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
func (p *plan) periodOf(d int32) int {
	u := min(uint32(d-p.slotLo), p.slotN)
	return int(p.slots[u])
}

// layoutSlots builds the branch-free day -> period lookup.
func (p *plan) layoutSlots() {
	t := p.pt
	p.slotLo = t.lo
	p.slots = make([]int32, len(t.idx)+1)
	for i, x := range t.idx {
		if x < 0 {
			x = int32(p.P)
		}
		p.slots[i] = x
	}
	p.slots[len(t.idx)] = int32(p.P)
	p.slotN = uint32(len(t.idx))
}

// datesBlock drops stages reached after asOf from the masks and sets each
// row's entry day (its first known stage date left). Deeper stages are
// reached by few rows: those are compacted first (branch-free) and visited
// alone; stage 0, reached by nearly all, is done branch-free in bulk.
func (p *plan) datesBlock(mask []uint16, entry []int32, deep []uint16, lo, n int, asOf int32) {
	days := p.ds.Days
	if !p.cut {
		// Nothing to drop: the entry is the first known date, nearly
		// always stage 0's.
		col := days[0][lo : lo+n]
		for j, d := range col {
			mk := mask[j]
			if mk&1 != 0 && d != NoDay {
				entry[j] = d
				continue
			}
			for mm := mk &^ 1; mm != 0; mm &= mm - 1 {
				if d := days[bitIndex(mm)][lo+j]; d != NoDay {
					entry[j] = d
					break
				}
			}
		}
		return
	}
	for _, j := range deep {
		mk := mask[j]
		for mm := mk &^ 1; mm != 0; mm &= mm - 1 {
			k := bitIndex(mm)
			d := days[k][lo+int(j)]
			if d == NoDay {
				continue
			}
			if d > asOf {
				mk &^= 1 << k
			} else if entry[j] == NoDay {
				entry[j] = d
			}
		}
		mask[j] = mk
	}
	col := days[0][lo : lo+n]
	for j, d := range col {
		mk := mask[j]
		has := mk&1 != 0 && d != NoDay
		late := b2u(has && d > asOf)
		mask[j] = mk &^ late
		if has && late == 0 {
			entry[j] = d
		}
	}
}

func b2u(b bool) uint16 {
	if b {
		return 1
	}
	return 0
}
