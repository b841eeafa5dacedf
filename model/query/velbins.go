package query

import "github.com/funnel-cli/funnel/model"

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
	// date that are open / have left (before any as-of date). shared
	// lists the closed records whose entry-to-close time is also their
	// time to leaving the first stage (left there, entered on that
	// stage's date): counted once, folded into both (foldCycle); they are
	// in neither closed nor exits.
	open, closed, shared stageList
}

func (m *dsMeta) velBins(D int) *velBins {
	m.velOnce.Do(func() { m.vel = buildVelBins(m, D) })
	return m.vel
}

func buildVelBins(m *dsMeta, D int) *velBins {
	ds := m.ds
	n, ns := ds.Len(), len(ds.Stages)
	bin := func(from, to int32) uint16 {
		switch {
		case from == model.NoDay || to == model.NoDay:
			return binNone
		case to < from:
			return binNeg
		}
		return uint16(min(int(to-from), D-1))
	}
	v := &velBins{cycle: model.Column[uint16](n), step: make([][]uint16, ns)}
	for k := 0; k < ns-1; k++ {
		v.step[k] = model.Column[uint16](len(m.stages[k+1].off))
	}
	// Two halves of the blocks at once; the lists of the second half are
	// appended to the first's.
	type part struct {
		open, closed, shared, exits stageList
		exitBin                     []uint16
		exitFrom                    []int32
		exitStage                   []uint8
	}
	var parts [2]part
	inBlockHalves(n, func(h, bLo, bHi int) {
		pt := &parts[h]
		nOpen, nExit := 0, 0
		for _, k := range m.kind[bLo*blockSize : min(bHi*blockSize, n)] {
			nOpen += int(b2u(k == model.ExitOpen))
			nExit += int(b2u(k == model.ExitDisqualified || k == model.ExitLost))
		}
		rows := min(bHi*blockSize, n) - bLo*blockSize
		pt.open.off, pt.closed.off, pt.shared.off = model.ColumnCap[uint16](nOpen), model.ColumnCap[uint16](rows-nOpen), model.ColumnCap[uint16](nExit)
		pt.exits.off, pt.exitBin = model.ColumnCap[uint16](nExit), model.ColumnCap[uint16](nExit)
		pt.exitFrom, pt.exitStage = model.ColumnCap[int32](nExit), model.ColumnCap[uint8](nExit)
		for bi := bLo; bi < bHi; bi++ {
			lo := bi * blockSize
			hi := min(lo+blockSize, n)
			for i, e := range m.entry[lo:hi] {
				i += lo
				c := ds.ExitDay[i]
				switch m.kind[i] {
				case model.ExitOpen:
					c = model.NoDay
				case model.ExitWon, model.ExitChurned:
					c = ds.Days[ns-1][i]
				}
				v.cycle[i] = bin(e, c)
			}
			for j, e := range m.entry[lo:hi] {
				if e == model.NoDay || ds.Reached[lo+j] == 0 {
					continue
				}
				i := lo + j
				if m.kind[i] == model.ExitOpen {
					pt.open.off = append(pt.open.off, uint16(j))
					continue
				}
				st := deepest(ds.Reached[i])
				from := model.NoDay
				if k := m.kind[i]; (k == model.ExitDisqualified || k == model.ExitLost) && st < ns-1 {
					from = ds.Days[st][i]
				}
				if from == model.NoDay {
					pt.closed.off = append(pt.closed.off, uint16(j))
					continue
				}
				x := ds.ExitDay[i]
				if x == model.NoDay {
					x = from
				}
				xb := bin(from, x)
				if st == 0 && from == e && xb == v.cycle[i] && xb < binNeg {
					pt.shared.off = append(pt.shared.off, uint16(j))
					continue
				}
				pt.closed.off = append(pt.closed.off, uint16(j))
				pt.exits.off = append(pt.exits.off, uint16(j))
				pt.exitBin = append(pt.exitBin, xb)
				pt.exitFrom = append(pt.exitFrom, from)
				pt.exitStage = append(pt.exitStage, uint8(st))
			}
			for _, l := range []*stageList{&pt.exits, &pt.open, &pt.closed, &pt.shared} {
				l.start = append(l.start, int32(len(l.off)))
			}
			for k := 0; k < ns-1; k++ {
				list := m.stages[k+1]
				for x := list.start[bi]; x < list.start[bi+1]; x++ {
					i := lo + int(list.off[x])
					b := bin(ds.Days[k][i], ds.Days[k+1][i])
					if ds.Reached[i]&(1<<k) == 0 { // not marked at stage k
						b = binNone
					}
					v.step[k][x] = b
				}
			}
		}
	})
	a, b := &parts[0], &parts[1]
	v.open, v.closed = joinLists(a.open, b.open), joinLists(a.closed, b.closed)
	v.shared, v.exits = joinLists(a.shared, b.shared), joinLists(a.exits, b.exits)
	v.exitBin, v.exitFrom = append(a.exitBin, b.exitBin...), append(a.exitFrom, b.exitFrom...)
	v.exitStage = append(a.exitStage, b.exitStage...)
	return v
}

// inBlockHalves runs fn over the blocks of n rows: on two cores, the
// first half of the blocks as part 0 and the rest as part 1, or all of
// them as part 0.
func inBlockHalves(n int, fn func(part, bLo, bHi int)) {
	blocks := (n + blockSize - 1) / blockSize
	if workersFor(n) == 1 || blocks < 2 {
		fn(0, 0, blocks)
		return
	}
	inBoth(func() { fn(0, 0, blocks/2) }, func() { fn(1, blocks/2, blocks) })
}

// joinLists joins lists built over consecutive block ranges whose start
// holds the count after each of its blocks (no leading 0).
func joinLists(a, b stageList) stageList {
	start := make([]int32, 0, 1+len(a.start)+len(b.start))
	start = append(append(start, 0), a.start...)
	for _, s := range b.start {
		start = append(start, int32(len(a.off))+s)
	}
	return stageList{off: append(a.off, b.off...), start: start}
}
