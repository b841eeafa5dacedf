package query

import "github.com/funnel-cli/funnel/model"

// The velocity pass, in four loops per block that each do one kind of
// work with few branches:
//  1. open records, counted by entry day (their censored times are
//     as-of minus that day, worked out per day in finish, not per record);
//  2. closed records: entry to close;
//  3. per step, the records that reached both of its stages;
//  4. per stage, the open records that stopped there (censored).

// velDays is the open records' entry-day histogram: [G][shallow 0|1][span].
type velDays struct {
	span int
	n    []int32
}

func (p *plan) velBlock(h *velHist, b *block) {
	ds, ns, T := p.ds, p.ns, h.T
	lo, n := b.lo, b.n
	group, mask, kind, entry := b.group[:n], b.mask[:n], b.kind[:n], b.entry[:n]
	// 1. Open records with an entry date, by entry day; the open ones
	// past the first stage (for loop 4) and, for Stalled, at the first.
	span, days := h.days.span, h.days.n
	dataLo := p.dataLo
	G := int32(p.G)
	vb := p.meta.velBins(h.D)
	var closedBuf, deepOpen, shallowOpen [blockSize]uint16
	var closed []uint16
	nd, ns0 := 0, 0
	if !p.cut {
		// Open and closed records are listed once per dataset; rows the
		// filters reject are in the junk group G.
		for _, jj := range vb.open.block(lo) {
			j := int(jj)
			g, mk := group[j], mask[j]
			days[(int(g)*2+int(b2u(mk == 1)))*span+int(entry[j]-dataLo)]++
			deepOpen[nd] = jj
			nd += int(b2u(mk > 1 && g != G))
			shallowOpen[ns0] = jj
			ns0 += int(b2u(mk == 1 && g != G))
		}
		closed = vb.closed.block(lo)
	} else {
		junk := len(days) - 1
		nc := 0
		for _, jj := range b.rows[:b.nRows] {
			j := int(jj)
			e, k, mk := entry[j], kind[j], mask[j]
			slot := (int(group[j])*2+int(b2u(mk == 1)))*span + int(e-dataLo)
			dated := e != model.NoDay && mk != 0
			if k != model.ExitOpen || !dated {
				slot = junk
			}
			days[slot]++
			closedBuf[nc] = jj
			nc += int(b2u(k != model.ExitOpen && dated))
			deepOpen[nd] = jj
			nd += int(b2u(k == model.ExitOpen && mk > 1))
			shallowOpen[ns0] = jj
			ns0 += int(b2u(k == model.ExitOpen && mk == 1 && e != model.NoDay))
		}
		closed = closedBuf[:nc]
	}
	if h.heaps != nil {
		for _, jj := range shallowOpen[:ns0] {
			e := entry[jj]
			h.heaps[0].push(stallRef{row: lo + int(jj), since: e, over: -e})
		}
	}
	// 2. Closed records: entry to close (the last stage's date for a win,
	// the exit date otherwise; not for Stalled), and the disqualified or
	// lost ones leaving their deepest stage (competing with moving on; an
	// exit without a date is placed on the date at that stage).
	// The times are worked out once per dataset (vb); a record an as-of
	// date changed is worked out here. Rejected rows count in group G and
	// the no-period row P, which are never read.
	last := ds.Days[ns-1][lo : lo+n]
	xday := ds.ExitDay[lo : lo+n]
	cyc, lastSeen := vb.cycle[lo:lo+n], p.meta.last[lo:lo+n]
	D, cg, cp := h.D, h.cyc, h.pcyc
	if h.opt.stepsOnly {
		closed = closed[:0]
	}
	for x, jj := range closed {
		j := int(jj)
		e := entry[j]
		g := int(group[j])
		if p.cut && lastSeen[j] > p.asOf {
			c := xday[j]
			if k := kind[j]; k == model.ExitWon || k == model.ExitChurned {
				c = last[j]
			}
			if c != model.NoDay {
				h.put(g, p.periodOf(e), T-1, laneMoved, c-e)
			}
			continue
		}
		// Four lanes: records close at a few typical ages, so neighbours
		// hit the same bin (folded in foldCycle).
		bin := int(cyc[j])
		if bin >= binNeg {
			h.neg += int(b2u(bin == binNeg && g != p.G))
			continue
		}
		if !h.derive {
			cg[(g*D+bin)*4+x&3]++
		}
		if cp != nil {
			pe := p.periodOf(e)
			if g == p.G {
				pe = h.P1 // the rejected rows' row
			}
			cp[(pe*D+bin)*4+x&3]++
		}
	}
	// 2b. Exits: the disqualified or lost records leave their deepest
	// stage (competing with moving on; an exit without a date is placed on
	// the date at that stage). Listed with their times once per dataset;
	// worked out here when an as-of date cuts.
	if p.cut {
		for _, jj := range b.rows[:b.nRows] {
			j := int(jj)
			if k := kind[j]; k != model.ExitDisqualified && k != model.ExitLost {
				continue
			}
			if st := deepest(mask[j]); st >= 0 && st < ns-1 {
				if d0 := ds.Days[st][lo+j]; d0 != model.NoDay {
					c := xday[j]
					if c == model.NoDay {
						c = d0
					}
					h.put(int(group[j]), p.periodOf(d0), st, laneLeft, c-d0)
				}
			}
		}
	} else {
		at := vb.exits.start[lo/blockSize]
		xbin, xfrom, xstage := vb.exitBin[at:], vb.exitFrom[at:], vb.exitStage[at:]
		hg, hp := h.g, h.p
		switch {
		case !h.periods:
			for x, j := range vb.exits.block(lo) {
				g, xb := int(group[j]), int(xbin[x])
				if xb >= binNeg {
					h.neg += int(b2u(g != p.G))
					continue
				}
				hg[((g*T+int(xstage[x]))*lanes+laneLeft)*D+xb]++
			}
		default:
			for x, j := range vb.exits.block(lo) {
				g, xb := int(group[j]), int(xbin[x])
				if xb >= binNeg {
					h.neg += int(b2u(g != p.G))
					continue
				}
				pe := p.periodOf(xfrom[x])
				if g == p.G {
					pe = h.P1 // the rejected rows' row
				}
				if !h.derive {
					hg[((g*T+int(xstage[x]))*lanes+laneLeft)*D+xb]++
				}
				hp[((pe*T+int(xstage[x]))*lanes+laneLeft)*D+xb]++
			}
		}
	}
	// 3. Step k → k+1: records marked at both with both dates.
	for k := 0; k < ns-1; k++ {
		both := uint16(3) << k
		col0 := ds.Days[k][lo : lo+n]
		list := p.meta.stages[k+1]
		bins := vb.step[k][list.start[lo/blockSize]:]
		gbase := (k * lanes) * D // + g*T*lanes*D
		pbase := gbase           // + pe*T*lanes*D
		gstride := T * lanes * D
		hg, hp := h.g, h.p
		if !h.periods {
			for x, j := range list.block(lo) {
				bin := int(bins[x])
				if mask[j]&both != both || group[j] == G || bin >= binNeg {
					h.neg += int(b2u(bin == binNeg && mask[j]&both == both && group[j] != G))
					continue
				}
				hg[int(group[j])*gstride+gbase+bin]++
			}
			continue
		}
		if h.derive { // the whole is the sum of the periods (deriveWhole)
			for x, j := range list.block(lo) {
				bin := int(bins[x])
				if mask[j]&both != both || group[j] == G || bin >= binNeg {
					h.neg += int(b2u(bin == binNeg && mask[j]&both == both && group[j] != G))
					continue
				}
				hp[p.periodOf(col0[j])*gstride+pbase+bin]++
			}
			continue
		}
		for x, j := range list.block(lo) {
			bin := int(bins[x])
			if mask[j]&both != both || group[j] == G || bin >= binNeg {
				h.neg += int(b2u(bin == binNeg && mask[j]&both == both && group[j] != G))
				continue
			}
			hg[int(group[j])*gstride+gbase+bin]++
			hp[p.periodOf(col0[j])*gstride+pbase+bin]++
		}
	}
	// 4. Open records past the first stage are censored at their deepest
	// (stage 0's are counted in loop 1; the last stage has no next step).
	for _, jj := range deepOpen[:nd] {
		j := int(jj)
		k := deepest(mask[j])
		if k >= ns-1 {
			continue
		}
		if d0 := ds.Days[k][lo+j]; d0 != model.NoDay {
			h.put(int(group[j]), p.periodOf(d0), k, 1, p.asOf-d0)
			if h.heaps != nil {
				h.heaps[k].push(stallRef{row: lo + j, stage: k, since: d0, over: -d0})
			}
		}
	}
}

// put adds one duration: group g, period pe of its start, step, lane
// (laneMoved, laneOpen or laneLeft).
// A negative duration (a later stage dated before an earlier one) is
// only counted in h.neg. Both branches are nearly always predicted.
func (h *velHist) put(g, pe, step, ev int, dur int32) {
	if dur < 0 {
		h.neg++
		return
	}
	T, D := h.T, h.D
	du := min(int(dur), D-1)
	if !h.derive || ev == laneOpen {
		h.g[((g*T+step)*lanes+ev)*D+du]++
	}
	if h.periods {
		h.p[((pe*T+step)*lanes+ev)*D+du]++
	}
}

// foldCycle adds the laned entry-to-close events into the histograms.
func (h *velHist) foldCycle() {
	T, D := h.T, h.D
	fold := func(dst, src []int32, cells int) {
		for c := 0; c < cells; c++ {
			base := ((c*T+T-1)*lanes + laneMoved) * D
			for bin := 0; bin < D; bin++ {
				x := (c*D + bin) * 4
				dst[base+bin] += src[x] + src[x+1] + src[x+2] + src[x+3]
			}
		}
	}
	fold(h.g, h.cyc, h.G1)
	if h.periods {
		fold(h.p, h.pcyc, h.P1)
	}
}

// deriveWhole sets the whole selection's moves and exits (one group, no
// breakdown) to the sum of its periods' (the no-period row P included):
// the pass then counts each once instead of twice.
func (h *velHist) deriveWhole() {
	T, D := h.T, h.D
	for pe := 0; pe < h.P1; pe++ {
		for step := 0; step < T; step++ {
			for _, lane := range []int{laneMoved, laneLeft} {
				base := ((pe*T+step)*lanes + lane) * D
				dst := (step*lanes + lane) * D
				addRange(h.g[dst:dst+D], h.p[base:base+D])
			}
		}
	}
}

// finishDays adds the open records counted by entry day: censored at
// as-of minus that day, at the first step if they never left the first
// stage, and on the entry-to-close cycle.
func (p *plan) finishDays(h *velHist) {
	span, T := h.days.span, h.T
	for g := 0; g < p.G; g++ {
		for shallow := 0; shallow < 2; shallow++ {
			row := h.days.n[(g*2+shallow)*span : (g*2+shallow+1)*span]
			for di, v := range row {
				if v == 0 {
					continue
				}
				day := p.dataLo + int32(di)
				pe := p.periodOf(day)
				if !h.opt.stepsOnly {
					h.putN(g, pe, T-1, 1, p.asOf-day, v)
				}
				if shallow == 1 {
					h.putN(g, pe, 0, 1, p.asOf-day, v)
				}
			}
		}
	}
}

// putN adds v censored or event durations at once.
func (h *velHist) putN(g, pe, step, ev int, dur int32, v int32) {
	if dur < 0 {
		h.neg += int(v)
		return
	}
	T, D := h.T, h.D
	du := min(int(dur), D-1)
	h.g[((g*T+step)*lanes+ev)*D+du] += v
	if h.periods {
		h.p[((pe*T+step)*lanes+ev)*D+du] += v
	}
}

// Bin codes of a duration that is not a histogram bin.
const (
	binNeg  = 0xfffe // the later date is before the earlier one
	binNone = 0xffff // a date is missing
)

// velBins are the dataset's durations as histogram bins (days, capped at
// D-1), worked out once: each closed record's entry-to-close time and,
// aligned with the stage lists, each step's time.
type velBins struct {
	cycle []uint16
	// exits lists, block by block, the disqualified or lost records with
	// a date at their deepest stage (before the last); exitBin, aligned,
	// is the time from that date to the exit, exitFrom the date and
	// exitStage the stage (binNeg when the exit is dated before it).
	exits     stageList
	exitBin   []uint16
	exitFrom  []int32
	exitStage []uint8
	step      [][]uint16 // [k] aligned with stages[k+1].off
	// open and closed list, block by block, the records with an entry
	// date that are open / have left (before any as-of date).
	open, closed stageList
}

func (m *dsMeta) velBins(D int) *velBins {
	m.velOnce.Do(func() { m.vel = buildVelBins(m, D) })
	return m.vel
}

func buildVelBins(m *dsMeta, D int) *velBins {
	ds := m.ds
	ns := len(ds.Stages)
	bin := func(from, to int32) uint16 {
		switch {
		case from == model.NoDay || to == model.NoDay:
			return binNone
		case to < from:
			return binNeg
		}
		return uint16(min(int(to-from), D-1))
	}
	v := &velBins{cycle: make([]uint16, ds.Len()), step: make([][]uint16, ns)}
	for i, e := range m.entry {
		c := ds.ExitDay[i]
		switch m.kind[i] {
		case model.ExitOpen:
			c = model.NoDay
		case model.ExitWon, model.ExitChurned:
			c = ds.Days[ns-1][i]
		}
		v.cycle[i] = bin(e, c)
	}
	blocks := (ds.Len() + blockSize - 1) / blockSize
	v.open.start = make([]int32, 1, blocks+1)
	v.closed.start = make([]int32, 1, blocks+1)
	v.exits.start = make([]int32, 1, blocks+1)
	for lo := 0; lo < ds.Len(); lo += blockSize {
		for j, e := range m.entry[lo:min(lo+blockSize, ds.Len())] {
			if e == model.NoDay || ds.Reached[lo+j] == 0 {
				continue
			}
			i := lo + j
			if m.kind[i] == model.ExitOpen {
				v.open.off = append(v.open.off, uint16(j))
				continue
			}
			v.closed.off = append(v.closed.off, uint16(j))
			st := deepest(ds.Reached[i])
			if k := m.kind[i]; (k != model.ExitDisqualified && k != model.ExitLost) || st >= ns-1 {
				continue
			}
			if from := ds.Days[st][i]; from != model.NoDay {
				x := ds.ExitDay[i]
				if x == model.NoDay {
					x = from
				}
				v.exits.off = append(v.exits.off, uint16(j))
				v.exitBin = append(v.exitBin, bin(from, x))
				v.exitFrom = append(v.exitFrom, from)
				v.exitStage = append(v.exitStage, uint8(st))
			}
		}
		v.exits.start = append(v.exits.start, int32(len(v.exits.off)))
		v.open.start = append(v.open.start, int32(len(v.open.off)))
		v.closed.start = append(v.closed.start, int32(len(v.closed.off)))
	}
	for k := 0; k < ns-1; k++ {
		list := m.stages[k+1]
		v.step[k] = make([]uint16, len(list.off))
		for bi := 0; bi+1 < len(list.start); bi++ {
			lo := bi * blockSize
			for x := list.start[bi]; x < list.start[bi+1]; x++ {
				i := lo + int(list.off[x])
				v.step[k][x] = bin(ds.Days[k][i], ds.Days[k+1][i])
			}
		}
	}
	return v
}
