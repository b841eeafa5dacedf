package query

import (
	"fmt"
	"reflect"

	"github.com/funnel-cli/funnel/model"
)

// velBlockRef is the first, row-by-row velocity pass, kept as the
// reference the faster pass (velscan.go) must agree with.
func (p *plan) velBlockRef(h *velHist, b *block) {
	ds, ns, T, D := p.ds, p.ns, h.T, h.D
	hg, hp := h.g, h.p
	asOf := p.asOf
	periods := p.P > 0
	put := func(g, pe, step, ev int, dur int32) {
		if dur < 0 {
			h.neg++
			return
		}
		du := min(int(dur), D-1)
		hg[((g*T+step)*lanes+ev)*D+du]++
		if periods {
			hp[((pe*T+step)*lanes+ev)*D+du]++
		}
	}
	days0 := ds.Days[0][b.lo : b.lo+b.n]
	last := ds.Days[ns-1][b.lo : b.lo+b.n]
	xday := ds.ExitDay[b.lo : b.lo+b.n]
	for _, jj := range b.rows[:b.nRows] {
		j := int(jj)
		g := int(b.group[j])
		mask, kind, e := b.mask[j], b.kind[j], b.entry[j]
		// a record open at the first stage (most rows) is censored there;
		// deeper rows are visited below
		if mask == 1 && kind == model.ExitOpen && days0[j] != model.NoDay {
			put(g, p.periodOf(days0[j]), 0, laneOpen, asOf-days0[j])
		}
		if e == model.NoDay || mask == 0 {
			continue
		}
		pe := p.periodOf(e)
		switch kind {
		case model.ExitOpen:
			put(g, pe, T-1, laneOpen, asOf-e)
		case model.ExitWon, model.ExitChurned:
			if c := last[j]; c != model.NoDay {
				put(g, pe, T-1, laneMoved, c-e)
			}
		default:
			if c := xday[j]; c != model.NoDay {
				put(g, pe, T-1, laneMoved, c-e)
			}
			// left at the deepest stage: competes with moving on
			if st := deepest(mask); st < ns-1 {
				if d0 := ds.Days[st][b.lo+j]; d0 != model.NoDay {
					c := xday[j]
					if c == model.NoDay {
						c = d0
					}
					put(g, p.periodOf(d0), st, laneLeft, c-d0)
				}
			}
		}
	}
	for _, jj := range b.deep[:b.nDeep] {
		j := int(jj)
		g := int(b.group[j])
		mask, kind := b.mask[j], b.kind[j]
		if g == p.G || mask <= 1 {
			continue
		}
		i := b.lo + j
		dp := deepest(mask)
		for m := mask; m != 0; m &= m - 1 {
			k := bitIndex(m)
			if k == ns-1 {
				break
			}
			d0 := ds.Days[k][i]
			if d0 == model.NoDay {
				continue
			}
			if mask&(1<<(k+1)) != 0 {
				if d1 := ds.Days[k+1][i]; d1 != model.NoDay {
					put(g, p.periodOf(d0), k, laneMoved, d1-d0)
				}
			} else if dp == k && kind == model.ExitOpen {
				put(g, p.periodOf(d0), k, laneOpen, asOf-d0)
			}
		}
	}
}

// VelocityMatchesReference runs q's velocity pass and the reference
// pass and says whether their histograms agree (tests only).
func VelocityMatchesReference(ds *model.Dataset, q Query) (bool, error) {
	p, err := engineFor(ds).newPlan(q)
	if err != nil {
		return false, err
	}
	got, err := p.velocity()
	if err != nil {
		return false, err
	}
	ref := &velHist{T: got.T, D: got.D, G1: got.G1, P1: got.P1, periods: got.periods,
		g: make([]int32, len(got.g)), p: make([]int32, len(got.p))}
	p.blocks(0, ds.Len(), func(b *block) { p.velBlockRef(ref, b) })
	// Only the groups and periods that are read: the junk group G, the
	// no-period row P and the last (junk) cell are not.
	cells := got.T * lanes * got.D
	pn := 0
	if got.periods {
		pn = p.P * cells
	}
	return reflect.DeepEqual(got.g[:p.G*cells], ref.g[:p.G*cells]) && reflect.DeepEqual(got.p[:pn], ref.p[:pn]) && got.neg == ref.neg, nil
}

// VelocityDiff describes where q's two passes differ (tests only).
func VelocityDiff(ds *model.Dataset, q Query) string {
	p, _ := engineFor(ds).newPlan(q)
	got, _ := p.velocity()
	ref := &velHist{T: got.T, D: got.D, G1: got.G1, P1: got.P1, periods: got.periods,
		g: make([]int32, len(got.g)), p: make([]int32, len(got.p))}
	p.blocks(0, ds.Len(), func(b *block) { p.velBlockRef(ref, b) })
	out := ""
	for i := range p.G * got.T * lanes * got.D {
		if got.g[i] != ref.g[i] {
			cell := i / got.D
			out += fmt.Sprintf("g cell %d (group %d step %d lane %d) bin %d: %d vs %d\n", cell, cell/(got.T*lanes), cell/lanes%got.T, cell%lanes, i%got.D, got.g[i], ref.g[i])
			if len(out) > 600 {
				break
			}
		}
	}
	return out + fmt.Sprintf("neg %d vs %d", got.neg, ref.neg)
}
