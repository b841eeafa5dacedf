package model

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
	rows := b.rows[:b.nRows]
	// 1. Open records with an entry date.
	span, days := h.days.span, h.days.n
	junk := len(days) - 1
	dataLo := p.dataLo
	var closed, deepOpen [blockSize]uint16
	nc, nd := 0, 0
	for _, jj := range rows {
		j := int(jj)
		e, k, mk := entry[j], kind[j], mask[j]
		slot := (int(group[j])*2+int(b2u(mk == 1)))*span + int(e-dataLo)
		dated := e != NoDay && mk != 0
		if k != ExitOpen || !dated {
			slot = junk
		}
		days[slot]++
		closed[nc] = jj
		nc += int(b2u(k != ExitOpen && dated))
		deepOpen[nd] = jj
		nd += int(b2u(k == ExitOpen && mk > 1))
	}
	// 2. Closed records: entry to close (the last stage's date for a win,
	// the exit date otherwise).
	last := ds.Days[ns-1][lo : lo+n]
	xday := ds.ExitDay[lo : lo+n]
	for _, jj := range closed[:nc] {
		j := int(jj)
		c := xday[j]
		if k := kind[j]; k == ExitWon || k == ExitChurned {
			c = last[j]
		}
		if c != NoDay {
			e := entry[j]
			h.put(int(group[j]), p.periodOf(e), T-1, 0, c-e)
		}
	}
	G := int32(p.G)
	for k := 0; k < ns-1; k++ {
		// 3. Step k → k+1: records marked at both with both dates.
		both := uint16(3) << k
		col0, col1 := ds.Days[k][lo:lo+n], ds.Days[k+1][lo:lo+n]
		for _, j := range p.meta.stages[k+1].block(lo) {
			if mask[j]&both != both || group[j] == G {
				continue
			}
			if d0, d1 := col0[j], col1[j]; d0 != NoDay && d1 != NoDay {
				h.put(int(group[j]), p.periodOf(d0), k, 0, d1-d0)
			}
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
		if d0 := ds.Days[k][lo+j]; d0 != NoDay {
			h.put(int(group[j]), p.periodOf(d0), k, 1, p.asOf-d0)
		}
	}
}

// put adds one duration: group g, period pe of its start, step, event (0)
// or censored (1).
// A negative duration (a later stage dated before an earlier one) is
// only counted in h.neg. Both branches are nearly always predicted.
func (h *velHist) put(g, pe, step, ev int, dur int32) {
	if dur < 0 {
		h.neg++
		return
	}
	T, D := h.T, h.D
	du := min(int(dur), D-1)
	h.g[((g*T+step)*2+ev)*D+du]++
	if h.periods {
		h.p[((pe*T+step)*2+ev)*D+du]++
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
				h.putN(g, pe, T-1, 1, p.asOf-day, v)
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
	h.g[((g*T+step)*2+ev)*D+du] += v
	if h.periods {
		h.p[((pe*T+step)*2+ev)*D+du] += v
	}
}
