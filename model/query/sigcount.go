package query

import "github.com/funnel-cli/funnel/model"

// The signature path of the counter (see sig.go): one increment a record
// into a (group, entry period, signature) histogram, then the stage-date
// events of the records each stage's list names.

// sigBudget is the most histogram counters (all lanes) the signature path
// may use; beyond it the counter falls back to counting masks.
const sigBudget = 1 << 18

// useSigs sets the counter up for the signature path when the dataset has
// signatures and the histogram fits.
func (ct *counter) useSigs() {
	S, ok := ct.p.sigLayout()
	if !ok {
		return
	}
	cells := (ct.p.G + 1) * (ct.p.P + 1)
	ct.S, ct.L = S, 1
	if cells*S*4 <= laneBudget {
		ct.L = 4
	}
	ct.sh = make([]int32, cells*S*ct.L)
	if ct.p.P > 0 && !ct.noEvents {
		ct.ev = make([]int32, cells*ct.p.ns*4)
	}
}

// sigLayout says whether a query's counts take the signature path, and
// with how many signature codes (the cut rows' code included).
func (p *plan) sigLayout() (S int, ok bool) {
	if p.meta.sig == nil || p.noSigs {
		return 0, false
	}
	S = len(p.meta.sigs) + 1
	return S, (p.G+1)*(p.P+1)*S <= sigBudget
}

// sigBlock counts a block on the signature path.
func (ct *counter) sigBlock(b *block) {
	p, c := ct.p, ct.c
	P1, S, L := c.P1, ct.S, ct.L
	n := b.n
	sh := ct.sh
	group, entry, sig := b.group[:n], b.entry[:n], b.sig[:n]
	// Rows the filters reject are in the junk group and cut rows have
	// the last signature code: both are counted and never read. A filter
	// usually keeps a minority, so its rows are listed first.
	if b.filtered {
		var kept [blockSize]uint16
		m := 0
		for j, x := range b.sel[:n] {
			kept[m] = uint16(j)
			m += int(x)
		}
		for x, j := range kept[:m] {
			cell := int(group[j])*P1 + p.periodOf(entry[j])
			sh[(cell*S+int(sig[j]))*L+x&(L-1)]++
		}
	} else if L == 4 {
		for j, s := range sig {
			cell := int(group[j])*P1 + p.periodOf(entry[j])
			sh[(cell*S+int(s))*4+j&3]++
		}
	} else {
		for j, s := range sig {
			sh[(int(group[j])*P1+p.periodOf(entry[j]))*S+int(s)]++
		}
	}
	if b.nCut > 0 {
		ct.cutRows(b)
	}
	if p.P == 0 || ct.noEvents {
		return
	}
	// Stage-date events, four lanes: neighbouring records (the data is
	// mostly in date order) hit the same counter.
	ns, ev := p.ns, ct.ev
	var kept [blockSize]uint16
	sel := b.sel[:n]
	for k := 1; k < ns; k++ {
		col := p.ds.Days[k][b.lo : b.lo+n]
		list := p.meta.stages[k].block(b.lo)
		if b.filtered {
			// Only the selected rows: a filter usually keeps a minority.
			m := 0
			for _, j := range list {
				kept[m] = j
				m += int(sel[j])
			}
			list = kept[:m]
		}
		for x, j := range list {
			ev[((int(group[j])*P1+p.periodOf(col[j]))*ns+k)*4+x&3]++
		}
	}
}

// cutRows counts, record by record, the rows the as-of date changed.
func (ct *counter) cutRows(b *block) {
	p, c := ct.p, ct.c
	ns, P1, Rx := p.ns, c.P1, c.Rx
	col0 := p.ds.Days[0]
	for _, jj := range b.cut[:b.nCut] {
		j := int(jj)
		if b.sel[j] == 0 {
			continue
		}
		i := b.lo + j
		g := int(b.group[j])
		cell := g*P1 + p.periodOf(b.entry[j])
		mask, kind := b.mask[j], int(b.kind[j])
		gs := g*(ns+1) + deepest(mask) + 1
		r := 0
		if ct.reason != nil {
			r = int(ct.reason.At(i))
		}
		if Rx == 1 {
			c.xr[gs*nKinds+kind]++
			if r != 0 && kind >= int(model.ExitDisqualified) && kind <= int(model.ExitChurned) {
				c.reasons[gs*c.R+r]++
			}
		} else {
			c.xr[(gs*nKinds+kind)*Rx+r]++
		}
		c.deep[cell*(ns+1)+deepest(mask)+1]++
		for m := mask; m != 0; m &= m - 1 {
			c.marked[cell*ns+bitIndex(m)]++
		}
		if p.P > 0 {
			c.events[(g*P1+p.periodOf(col0[i]))*ns]++
		}
	}
}

// sigFinish derives the counts from the signature histogram.
func (ct *counter) sigFinish() {
	p, c := ct.p, ct.c
	ns, P1, S, L, Rx := p.ns, c.P1, ct.S, ct.L, c.Rx
	sigs := p.meta.sigs
	for i, v := range ct.ev {
		c.events[i/4] += v
	}
	for cell := 0; cell < (c.G+1)*P1; cell++ {
		g := cell / P1
		for s := 0; s < S-1; s++ {
			v := int32(0)
			for l := 0; l < L; l++ {
				v += ct.sh[(cell*S+s)*L+l]
			}
			if v == 0 {
				continue
			}
			si := sigs[s]
			dp := deepest(si.mask) + 1
			c.deep[cell*(ns+1)+dp] += v
			for m := si.mask; m != 0; m &= m - 1 {
				c.marked[cell*ns+bitIndex(m)] += v
			}
			gs, kind, r := g*(ns+1)+dp, int(si.kind), int(si.reason)
			if Rx == 1 {
				c.xr[gs*nKinds+kind] += v
				if r != 0 && kind >= int(model.ExitDisqualified) && kind <= int(model.ExitChurned) {
					c.reasons[gs*c.R+r] += v
				}
			} else {
				c.xr[(gs*nKinds+kind)*Rx+r] += v
			}
			if p.P > 0 {
				ev := cell
				if !si.d0 {
					ev = g*P1 + p.P
				}
				c.events[ev*ns] += v
			}
		}
	}
}
