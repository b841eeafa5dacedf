package query

import "github.com/funnel-cli/funnel/model"

const nKinds = 5

// maxReasonsInline is the most reason codes counted in the same increment
// as the exit kind; beyond it reasons get their own (branchy) increment.
const maxReasonsInline = 64

// counts are the dense accumulators of one pass. Group G (one past the
// last) collects the rows the filters reject and is never read.
type counts struct {
	G, P1, ns, R, Rx int
	deep             []int32 // [G+1][P1][ns+1]: records by entry period and deepest stage+1
	marked           []int32 // [G+1][P1][ns]
	events           []int32 // [G+1][P1][ns]: stage dates by event period
	xr               []int32 // [G+1][ns+1][nKinds][Rx]: by deepest stage, exit kind and reason
	reasons          []int32 // [G+1][ns+1][R] when Rx == 1 < R
	unknown          []int32 // [G+1][P1][ns]: stage-unknown records by deepest stage (nil without any)
}

func newCounts(G, P1, ns, R int) *counts {
	G1 := G + 1
	c := &counts{G: G, P1: P1, ns: ns, R: R, Rx: R,
		deep: make([]int32, G1*P1*(ns+1)), marked: make([]int32, G1*P1*ns), events: make([]int32, G1*P1*ns)}
	if R > maxReasonsInline {
		c.Rx = 1
		c.reasons = make([]int32, G1*(ns+1)*R)
	}
	c.xr = make([]int32, G1*(ns+1)*nKinds*c.Rx)
	return c
}

func (c *counts) add(o *counts) {
	addRange(c.deep, o.deep)
	addRange(c.marked, o.marked)
	addRange(c.events, o.events)
	addRange(c.xr, o.xr)
	addRange(c.reasons, o.reasons)
	addRange(c.unknown, o.unknown)
}

func addRange(dst, src []int32) {
	for i, v := range src {
		dst[i] += v
	}
}

// exitCount is the number of group g's records whose deepest stage is
// dp-1 and that left by kind.
func (c *counts) exitCount(g, dp int, kind model.ExitKind) int {
	base := ((g*(c.ns+1)+dp)*nKinds + int(kind)) * c.Rx
	n := 0
	for _, v := range c.xr[base : base+c.Rx] {
		n += int(v)
	}
	return n
}

// reasonCounts returns group g's exits (not open, not won) at deepest
// stage dp-1 by reason code.
func (c *counts) reasonCounts(g, dp int) []int {
	out := make([]int, c.R)
	if c.Rx == 1 {
		if c.reasons != nil {
			for r, v := range c.reasons[(g*(c.ns+1)+dp)*c.R : (g*(c.ns+1)+dp+1)*c.R] {
				out[r] = int(v)
			}
		}
		return out
	}
	for _, k := range []model.ExitKind{model.ExitDisqualified, model.ExitLost, model.ExitChurned} {
		base := ((g*(c.ns+1)+dp)*nKinds + int(k)) * c.Rx
		for r, v := range c.xr[base : base+c.Rx] {
			out[r] += int(v)
		}
	}
	return out
}

// sumGroups returns counts with one group: the sum of groups 0..G-1.
func (c *counts) sumGroups() *counts {
	w := newCounts(1, c.P1, c.ns, c.R)
	if c.unknown != nil {
		w.unknown = make([]int32, c.P1*c.ns*2)
	}
	for g := 0; g < c.G; g++ {
		if c.unknown != nil {
			n := c.P1 * c.ns
			addRange(w.unknown[:n], c.unknown[g*n:(g+1)*n])
		}
		n := c.P1 * (c.ns + 1)
		addRange(w.deep[:n], c.deep[g*n:(g+1)*n])
		n = c.P1 * c.ns
		addRange(w.marked[:n], c.marked[g*n:(g+1)*n])
		addRange(w.events[:n], c.events[g*n:(g+1)*n])
		n = (c.ns + 1) * nKinds * c.Rx
		addRange(w.xr[:n], c.xr[g*n:(g+1)*n])
		if c.reasons != nil {
			n = (c.ns + 1) * c.R
			addRange(w.reasons[:n], c.reasons[g*n:(g+1)*n])
		}
	}
	return w
}

// Compute answers a query in one pass over the rows (split across cores).
func (e *Engine) Compute(q Query) (*Result, error) {
	ds := e.ds
	p, err := e.newPlan(q)
	if err != nil {
		return nil, err
	}
	if _, ok := p.sigLayout(); ok {
		p.noLists = true
	}
	parts := make([]*counter, workersFor(ds.Len()))
	p.scan(func(w int) func(*block) {
		parts[w] = p.newCounter()
		if unk := ds.StageUnknown; unk != nil {
			ct := parts[w]
			ct.c.unknown = make([]int32, (p.G+1)*(p.P+1)*p.ns)
			return func(b *block) { ct.block(b); ct.countUnknown(b, unk) }
		}
		return parts[w].block
	})
	for _, ct := range parts {
		ct.finish()
	}
	c := parts[0].c
	for _, o := range parts[1:] {
		c.add(o.c)
	}
	return p.result(q, c), nil
}

// counter accumulates blocks of rows into counts. The inner loops have no
// data-dependent branches: unselected rows count into the junk group, days
// outside every period into the junk period.
type counter struct {
	p      *plan
	c      *counts
	reason *model.Codes
	M      int
	// L lanes (1 or 4) of the hot histograms, interleaved (index*L+lane):
	// row j counts into lane j%L, so runs of rows hitting the same counter
	// do not wait on each other's increments.
	L   int
	mh  []int32 // [G+1][P1][1<<ns][L] when ns <= 8
	xr  []int32 // c.xr × L
	ev0 []int32 // stage-0 events: [G+1][P1][L]
	// S signatures and their histogram [G+1][P1][S][L] (sigcount.go);
	// S == 0 when the mask path is used.
	S  int
	sh []int32
	ev []int32 // stage-date events × 4 lanes
	// noEvents skips the stage-date events by period (counts.events):
	// cohorts read only the entry-period counts.
	noEvents bool
}

// countUnknown counts the block's selected stage-unknown records by
// entry period and deepest stage (as of the as-of date).
func (ct *counter) countUnknown(b *block, unk []bool) {
	p, c := ct.p, ct.c
	ns, P1 := p.ns, c.P1
	for j, u := range unk[b.lo : b.lo+b.n] {
		g := int(b.group[j])
		// unselected rows are in group G; a record the as-of date cut
		// back got further later: as of then its stage is known
		if !u || g >= p.G || b.mask[j] == 0 || deepest(b.mask[j]) != deepest(p.ds.Reached[b.lo+j]) {
			continue
		}
		c.unknown[(g*P1+p.periodOf(b.entry[j]))*ns+deepest(b.mask[j])]++
	}
}

// laneBudget is the most counters a lane set may hold before one lane is used.
const laneBudget = 1 << 16

func (p *plan) newCounter() *counter { return p.newCounterOpt(false) }

// newCounterNoEvents is a counter that leaves counts.events uncounted.
func (p *plan) newCounterNoEvents() *counter { return p.newCounterOpt(true) }

func (p *plan) newCounterOpt(noEvents bool) *counter {
	R := 1
	var reason *model.Codes
	if p.ds.Reason != nil {
		R, reason = len(p.ds.Reason.Values), &p.ds.Reason.Codes
	}
	ct := &counter{p: p, c: newCounts(p.G, p.P+1, p.ns, R), reason: reason, L: 1, noEvents: noEvents}
	if ct.useSigs(); ct.S > 0 {
		return ct
	}
	cells := (p.G + 1) * (p.P + 1)
	// With up to 8 stages every row adds one to a [cell][mask] histogram
	// and deepest/marked counts are derived from it afterwards: one
	// increment a row instead of one a stage.
	if p.ns <= 8 {
		ct.M = 1 << p.ns
		if cells*ct.M+len(ct.c.xr) <= laneBudget {
			ct.L = 4
		}
		ct.mh = make([]int32, cells*ct.M*ct.L)
	}
	ct.xr = make([]int32, len(ct.c.xr)*ct.L)
	ct.ev0 = make([]int32, cells*ct.L)
	return ct
}

func (ct *counter) block(b *block) {
	if ct.S > 0 {
		ct.sigBlock(b)
		return
	}
	p, c := ct.p, ct.c
	ns, P1, Rx, M, L := p.ns, c.P1, c.Rx, ct.M, ct.L
	xr, events, mh, ev0 := ct.xr, c.events, ct.mh, ct.ev0
	n := b.n
	group, entry, masks, kinds := b.group[:n], b.entry[:n], b.mask[:n], b.kind[:n]
	var rs []uint32
	if ct.reason != nil {
		var buf [blockSize]uint32
		rs = buf[:n]
		ct.reason.Read(b.lo, rs)
	}
	// Only the selected rows are visited.
	for _, jj := range b.rows[:b.nRows] {
		j := int(jj)
		lane := j & (L - 1)
		g := int(group[j])
		cell := g*P1 + p.periodOf(entry[j])
		mask := masks[j]
		kind := int(kinds[j])
		gs := g*(ns+1) + deepest(mask) + 1
		r := 0
		if rs != nil {
			r = int(rs[j])
		}
		if Rx == 1 {
			xr[(gs*nKinds+kind)*L+lane]++
			if r != 0 && kind >= int(model.ExitDisqualified) && kind <= int(model.ExitChurned) {
				c.reasons[gs*c.R+r]++
			}
		} else {
			xr[((gs*nKinds+kind)*Rx+r)*L+lane]++
		}
		if mh != nil {
			mh[(cell*M+int(mask))*L+lane]++
			continue
		}
		c.deep[cell*(ns+1)+deepest(mask)+1]++
		mk := c.marked[cell*ns : cell*ns+ns]
		for m := mask; m != 0; m &= m - 1 {
			mk[bitIndex(m)]++
		}
	}
	if p.P == 0 || ct.noEvents {
		return
	}
	// Stage 0 is reached by nearly every row: count it straight (a day
	// after as-of or outside the periods lands in slot P). Deeper stages:
	// only the rows the block lists as deep.
	col0 := p.ds.Days[0][b.lo : b.lo+n]
	if b.filtered {
		for _, j := range b.rows[:b.nRows] {
			ev0[(int(group[j])*P1+p.periodOf(col0[j]))*L+int(j)&(L-1)]++
		}
	} else {
		for j, d := range col0 {
			ev0[(int(group[j])*P1+p.periodOf(d))*L+j&(L-1)]++
		}
	}
	// Per deeper stage, the deep rows that reached it are compacted
	// (branch-free) and counted: no loop whose length depends on the row.
	deep := b.deep[:b.nDeep]
	var idx [blockSize]uint16
	for k := 1; k < ns; k++ {
		m := 0
		for _, j := range deep {
			idx[m] = j
			m += int(masks[j]>>k) & 1
		}
		col := p.ds.Days[k][b.lo : b.lo+n]
		for _, j := range idx[:m] {
			events[(int(group[j])*P1+p.periodOf(col[j]))*ns+k]++
		}
	}
}

// finish folds the lanes into counts, and the mask histogram into deepest
// and marked counts.
func (ct *counter) finish() {
	if ct.S > 0 {
		ct.sigFinish()
		return
	}
	c, ns, M, L := ct.c, ct.p.ns, ct.M, ct.L
	for i := range c.xr {
		for l := 0; l < L; l++ {
			c.xr[i] += ct.xr[i*L+l]
		}
	}
	for cell := 0; cell < (c.G+1)*c.P1; cell++ {
		for l := 0; l < L; l++ {
			c.events[cell*ns] += ct.ev0[cell*L+l]
		}
	}
	if ct.mh == nil {
		return
	}
	for cell := 0; cell < (c.G+1)*c.P1; cell++ {
		for mask := 0; mask < M; mask++ {
			v := int32(0)
			for l := 0; l < L; l++ {
				v += ct.mh[(cell*M+mask)*L+l]
			}
			if v == 0 {
				continue
			}
			c.deep[cell*(ns+1)+deepest(uint16(mask))+1] += v
			for m := uint16(mask); m != 0; m &= m - 1 {
				c.marked[cell*ns+bitIndex(m)] += v
			}
		}
	}
}
