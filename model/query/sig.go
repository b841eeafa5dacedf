package query

import "github.com/funnel-cli/funnel/model"

// Row signatures. Of everything a funnel count needs per record, only the
// entry period and the breakdown group change with the query: the reached
// mask, the exit kind, the reason and whether stage 0 has a date do not.
// A million records hold few distinct combinations of those (36 in the
// demo), so each record gets a one-byte signature, worked out once per
// dataset, and a query counts records by (group, entry period, signature)
// with one increment a record. Deepest-stage, marked, exit and reason
// counts are derived from that histogram afterwards, per signature rather
// than per record.

// maxSigs is the most signatures a dataset may have for the signature
// path. The code one past the last (len(sigs)) marks a record the as-of
// date changes: it is counted record by record instead.
const maxSigs = 255

type sigInfo struct {
	mask   uint16
	kind   model.ExitKind
	d0     bool // stage 0 has a date (so its event period is the entry period)
	reason uint32
}

// stageList is, per block of blockSize records, the offsets of the
// records that reached one stage: the only ones its event count visits.
type stageList struct {
	off   []uint16
	start []int32 // per block, into off; len blocks+1
}

func (s *stageList) block(lo int) []uint16 {
	bi := lo / blockSize
	return s.off[s.start[bi]:s.start[bi+1]]
}

// buildSigs gives every record its signature; it leaves m.sig nil when
// the data has more than 255 distinct signatures (the engine then counts
// masks and exits record by record).
func buildSigs(ds *model.Dataset, m *dsMeta) {
	n := ds.Len()
	var reason model.Codes
	if ds.Reason != nil {
		reason = ds.Reason.Codes
	}
	sig := model.Column[uint8](n)
	index := map[sigInfo]uint8{}
	var sigs []sigInfo
	var last sigInfo
	lastCode := -1
	for i, mask := range ds.Reached {
		s := sigInfo{mask: mask, kind: m.kind[i], d0: mask&1 != 0 && ds.Days[0][i] != model.NoDay}
		if ds.Days[0][i] != model.NoDay && mask&1 == 0 {
			return // a date without the stage marked: the entry may not be stage 0's day
		}
		if reason.Len() == n {
			s.reason = reason.At(i)
		}
		if lastCode >= 0 && s == last {
			sig[i] = uint8(lastCode)
			continue
		}
		c, ok := index[s]
		if !ok {
			if len(sigs) == maxSigs {
				return
			}
			c = uint8(len(sigs))
			index[s] = c
			sigs = append(sigs, s)
		}
		sig[i], last, lastCode = c, s, int(c)
	}
	m.sig, m.sigs, m.sigIndex = sig, sigs, index
}

// noSig marks a combination no record of the dataset has.
const noSig = 255

// cutSigs returns the table of signatures after an as-of cut: entry
// (signature, mask left, exit kind left) is the signature a record with
// them has, or noSig. Built once per dataset; nil when the dataset has no
// signatures or more than 8 stages (cut records are then counted one by one).
func (m *dsMeta) cutSigs() []uint8 {
	m.cutOnce.Do(func() {
		ns := len(m.ds.Stages)
		if m.sig == nil || ns > 8 {
			return
		}
		M := 1 << ns
		t := make([]uint8, len(m.sigs)*M*nKinds)
		for i := range t {
			t[i] = noSig
		}
		for s, si := range m.sigs {
			for mk := 0; mk < M; mk++ {
				if uint16(mk)&^si.mask != 0 {
					continue // not a subset: a cut only drops stages
				}
				for k := range nKinds {
					key := sigInfo{mask: uint16(mk), kind: model.ExitKind(k), d0: si.d0 && mk&1 != 0, reason: si.reason}
					if c, ok := m.sigIndex[key]; ok {
						t[(s*M+mk)*nKinds+k] = c
					}
				}
			}
		}
		m.cutTable = t
	})
	return m.cutTable
}

// buildStageLists lists, per stage past the first and per block, the
// records that reached it.
func buildStageLists(ds *model.Dataset, m *dsMeta) {
	n, ns := ds.Len(), len(ds.Stages)
	blocks := (n + blockSize - 1) / blockSize
	m.stages = make([]stageList, ns)
	counts := make([]int, ns)
	for _, mask := range ds.Reached {
		for mm := mask &^ 1; mm != 0; mm &= mm - 1 {
			counts[bitIndex(mm)]++
		}
	}
	for k := 1; k < ns; k++ {
		m.stages[k] = stageList{off: model.ColumnCap[uint16](counts[k]), start: make([]int32, 1, blocks+1)}
	}
	for lo := 0; lo < n; lo += blockSize {
		for j, mask := range ds.Reached[lo:min(lo+blockSize, n)] {
			for mm := mask &^ 1; mm != 0; mm &= mm - 1 {
				k := bitIndex(mm)
				m.stages[k].off = append(m.stages[k].off, uint16(j))
			}
		}
		for k := 1; k < ns; k++ {
			m.stages[k].start = append(m.stages[k].start, int32(len(m.stages[k].off)))
		}
	}
}
