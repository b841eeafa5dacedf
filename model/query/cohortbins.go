package query

import "github.com/funnel-cli/funnel/model"

// stageTimes is, per stage up to the deepest in mask, the day record i
// reached it: its date there, or the next dated stage's when its own is
// missing (an upper bound); NoDay when none is known or it is before e.
func stageTimes(ds *model.Dataset, i int, mask uint16, e int32) (at [model.MaxStages]int32) {
	next := model.NoDay
	for k := deepest(mask); k >= 0; k-- {
		if mask&(1<<k) != 0 {
			if d := ds.Days[k][i]; d != model.NoDay {
				next = d
			}
		}
		at[k] = next
		if next != model.NoDay && next < e {
			at[k] = model.NoDay
		}
	}
	return at
}

// exitTime is the day a disqualified or lost record left: its exit day,
// or without one the last date it is known to have been in the funnel
// (entry e at the latest).
func exitTime(ds *model.Dataset, i int, mask uint16, e int32) int32 {
	x := ds.ExitDay[i]
	for k := deepest(mask); k >= 0 && x == model.NoDay; k-- {
		if mask&(1<<k) != 0 {
			x = ds.Days[k][i]
		}
	}
	if x == model.NoDay || x < e {
		x = e
	}
	return x
}

// cohortBins are a dataset's cohort times, worked out once: per stage
// k ≥ 1 the records that passed it with a known time and their days from
// entry (bin[k], aligned with reach[k]); the open records with their
// deepest stage; the disqualified or lost ones with their deepest stage
// and days from entry to leaving.
type cohortBins struct {
	reach          []stageList
	bin            [][]uint16
	open, left     stageList
	openDp, leftDp []uint8
	leftBin        []uint16
}

func (m *dsMeta) cohortBins(D int) *cohortBins {
	m.cohOnce.Do(func() { m.coh = buildCohortBins(m, D) })
	return m.coh
}

func buildCohortBins(m *dsMeta, D int) *cohortBins {
	ds := m.ds
	n, ns := ds.Len(), len(ds.Stages)
	cb := &cohortBins{reach: make([]stageList, ns), bin: make([][]uint16, ns)}
	// Two halves of the blocks at once; the second's lists are appended
	// to the first's.
	type part struct {
		reach          []stageList
		bin            [][]uint16
		open, left     stageList
		openDp, leftDp []uint8
		leftBin        []uint16
	}
	var parts [2]part
	inBlockHalves(n, func(h, bLo, bHi int) {
		pt := &parts[h]
		pt.reach, pt.bin = make([]stageList, ns), make([][]uint16, ns)
		for k := 1; k < ns; k++ { // at most the records marked at k
			c := int(m.stages[k].start[bHi] - m.stages[k].start[bLo])
			pt.reach[k].off, pt.bin[k] = model.ColumnCap[uint16](c), model.ColumnCap[uint16](c)
		}
		nOpen, nLeft := 0, 0
		for _, k := range m.kind[bLo*blockSize : min(bHi*blockSize, n)] {
			nOpen += int(b2u(k == model.ExitOpen))
			nLeft += int(b2u(k == model.ExitDisqualified || k == model.ExitLost))
		}
		pt.open.off, pt.openDp = model.ColumnCap[uint16](nOpen), model.ColumnCap[uint8](nOpen)
		pt.left.off, pt.leftDp, pt.leftBin = model.ColumnCap[uint16](nLeft), model.ColumnCap[uint8](nLeft), model.ColumnCap[uint16](nLeft)
		for bi := bLo; bi < bHi; bi++ {
			lo := bi * blockSize
			for j, e := range m.entry[lo:min(lo+blockSize, n)] {
				i := lo + j
				mask := ds.Reached[i]
				if e == model.NoDay || mask == 0 {
					continue
				}
				dp := deepest(mask)
				if dp > 0 {
					at := stageTimes(ds, i, mask, e)
					for k := 1; k <= dp; k++ {
						if d := at[k]; d != model.NoDay {
							pt.reach[k].off = append(pt.reach[k].off, uint16(j))
							pt.bin[k] = append(pt.bin[k], uint16(min(int(d-e), D-1)))
						}
					}
				}
				switch m.kind[i] {
				case model.ExitOpen:
					pt.open.off = append(pt.open.off, uint16(j))
					pt.openDp = append(pt.openDp, uint8(dp))
				case model.ExitDisqualified, model.ExitLost:
					pt.left.off = append(pt.left.off, uint16(j))
					pt.leftDp = append(pt.leftDp, uint8(dp))
					pt.leftBin = append(pt.leftBin, uint16(min(int(exitTime(ds, i, mask, e)-e), D-1)))
				}
			}
			for k := 1; k < ns; k++ {
				pt.reach[k].start = append(pt.reach[k].start, int32(len(pt.reach[k].off)))
			}
			pt.open.start = append(pt.open.start, int32(len(pt.open.off)))
			pt.left.start = append(pt.left.start, int32(len(pt.left.off)))
		}
	})
	a, b := &parts[0], &parts[1]
	if b.reach == nil { // one part
		b.reach, b.bin = make([]stageList, ns), make([][]uint16, ns)
	}
	for k := 1; k < ns; k++ {
		cb.reach[k] = joinLists(a.reach[k], b.reach[k])
		cb.bin[k] = append(a.bin[k], b.bin[k]...)
	}
	cb.open, cb.left = joinLists(a.open, b.open), joinLists(a.left, b.left)
	cb.openDp, cb.leftDp = append(a.openDp, b.openDp...), append(a.leftDp, b.leftDp...)
	cb.leftBin = append(a.leftBin, b.leftBin...)
	return cb
}
