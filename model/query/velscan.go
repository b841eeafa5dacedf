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
	per, pG, P1 := p.per, p.G, h.P1
	if p.cut {
		// An as-of date cuts: records it changed are worked out here.
		for x, jj := range closed {
			j := int(jj)
			e := entry[j]
			g := int(group[j])
			if lastSeen[j] > p.asOf {
				c := xday[j]
				if k := kind[j]; k == model.ExitWon || k == model.ExitChurned {
					c = last[j]
				}
				if c != model.NoDay {
					h.put(g, per.of(e), T-1, laneMoved, c-e)
				}
				continue
			}
			h.cycleAt(x, g, e, int(cyc[j]), per)
		}
	} else {
		// Four lanes: records close at a few typical ages, so neighbours
		// hit the same bin (folded in foldCycle). Rejected rows count in
		// group G and the periods' row P1, never read.
		switch {
		case cp == nil: // no periods
			for x, jj := range closed {
				j := int(jj)
				g, bin := int(group[j]), int(cyc[j])
				if bin >= binNeg {
					h.neg += int(b2u(bin == binNeg && g != pG))
					continue
				}
				cg[(g*D+bin)*4+x&3]++
			}
		case h.derive: // one group: the periods only
			for x, jj := range closed {
				j := int(jj)
				g, bin := int(group[j]), int(cyc[j])
				if bin >= binNeg {
					h.neg += int(b2u(bin == binNeg && g != pG))
					continue
				}
				pe := per.of(entry[j])
				if g == pG {
					pe = P1
				}
				cp[(pe*D+bin)*4+x&3]++
			}
		default:
			for x, jj := range closed {
				j := int(jj)
				g, bin := int(group[j]), int(cyc[j])
				if bin >= binNeg {
					h.neg += int(b2u(bin == binNeg && g != pG))
					continue
				}
				pe := per.of(entry[j])
				if g == pG {
					pe = P1
				}
				cg[(g*D+bin)*4+x&3]++
				cp[(pe*D+bin)*4+x&3]++
			}
		}
		// The first stage's exits whose time is their entry-to-close time:
		// one count for both (foldCycle), always a valid bin.
		sg, sp := h.sg, h.sp
		bins := vb.cycle[lo : lo+n]
		switch {
		case sp == nil:
			for x, j := range vb.shared.block(lo) {
				sg[(int(group[j])*D+int(bins[j]))*4+x&3]++
			}
		case h.derive:
			for x, j := range vb.shared.block(lo) {
				pe := per.of(entry[j])
				if int(group[j]) == pG {
					pe = P1
				}
				sp[(pe*D+int(bins[j]))*4+x&3]++
			}
		default:
			for x, j := range vb.shared.block(lo) {
				g := int(group[j])
				pe := per.of(entry[j])
				if g == pG {
					pe = P1
				}
				sg[(g*D+int(bins[j]))*4+x&3]++
				sp[(pe*D+int(bins[j]))*4+x&3]++
			}
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
					h.put(int(group[j]), per.of(d0), st, laneLeft, c-d0)
				}
			}
		}
	} else {
		at := vb.exits.start[lo/blockSize]
		xbin, xfrom, xstage := vb.exitBin[at:], vb.exitFrom[at:], vb.exitStage[at:]
		hg, hp := h.g, h.p
		switch {
		case h.derive: // one group: the periods only
			for x, j := range vb.exits.block(lo) {
				g, xb := int(group[j]), int(xbin[x])
				if xb >= binNeg {
					h.neg += int(b2u(g != pG))
					continue
				}
				pe := per.of(xfrom[x])
				if g == pG {
					pe = P1 // the rejected rows' row
				}
				hp[((pe*T+int(xstage[x]))*lanes+laneLeft)*D+xb]++
			}
		case !h.periods:
			for x, j := range vb.exits.block(lo) {
				g, xb := int(group[j]), int(xbin[x])
				if xb >= binNeg {
					h.neg += int(b2u(g != pG))
					continue
				}
				hg[((g*T+int(xstage[x]))*lanes+laneLeft)*D+xb]++
			}
		default:
			for x, j := range vb.exits.block(lo) {
				g, xb := int(group[j]), int(xbin[x])
				if xb >= binNeg {
					h.neg += int(b2u(g != pG))
					continue
				}
				pe := per.of(xfrom[x])
				if g == pG {
					pe = P1 // the rejected rows' row
				}
				hg[((g*T+int(xstage[x]))*lanes+laneLeft)*D+xb]++
				hp[((pe*T+int(xstage[x]))*lanes+laneLeft)*D+xb]++
			}
		}
	}
	// 3. Step k → k+1: records marked at both with both dates (the bins
	// of records not marked at k are binNone; an as-of date may unmark).
	cut := p.cut
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
				if bin >= binNeg || group[j] == G || cut && mask[j]&both != both {
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
				if bin >= binNeg || group[j] == G || cut && mask[j]&both != both {
					h.neg += int(b2u(bin == binNeg && mask[j]&both == both && group[j] != G))
					continue
				}
				hp[per.of(col0[j])*gstride+pbase+bin]++
			}
			continue
		}
		for x, j := range list.block(lo) {
			bin := int(bins[x])
			if bin >= binNeg || group[j] == G || cut && mask[j]&both != both {
				h.neg += int(b2u(bin == binNeg && mask[j]&both == both && group[j] != G))
				continue
			}
			hg[int(group[j])*gstride+gbase+bin]++
			hp[per.of(col0[j])*gstride+pbase+bin]++
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
			h.put(int(group[j]), per.of(d0), k, 1, p.asOf-d0)
			if h.heaps != nil {
				h.heaps[k].push(stallRef{row: lo + j, stage: k, since: d0, over: -d0})
			}
		}
	}
}
