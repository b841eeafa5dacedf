package query

import (
	"fmt"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// term is a filter term compiled for the row pass: what it reads and, as
// 0/1 bytes, which codes, exit kinds or deepest stages it keeps, so that a
// block is matched without branches.
type term struct {
	kind   filter.Kind
	dim    *model.Dim
	index  int     // stage index (stage date terms)
	allow  []uint8 // by code, exit kind or deepest stage+1
	lo, hi int32   // date range
	neg    bool
}

// compile checks that a parsed term belongs to ds (a filter is parsed
// against one dataset) and lays it out for matchBlock.
func compile(ds *model.Dataset, ft filter.Term, ns int) (term, error) {
	t := term{kind: ft.Kind(), dim: ft.Dim(), index: ft.Stage()}
	t.lo, t.hi, t.neg = ft.Range()
	allow := ft.Allowed()
	if t.fixed() {
		if t.dim == nil || len(allow) != len(t.dim.Values) || (t.dim != ds.Reason && t.dim != ds.Dim(ft.Column)) {
			return t, fmt.Errorf("filter %s was parsed for another dataset", ft.String())
		}
	}
	if (t.kind == filter.KindStageDate && t.index >= ns) || (t.kind == filter.KindStage && len(allow) != ns+1) {
		return t, fmt.Errorf("filter %s was parsed for another dataset", ft.String())
	}
	t.allow = make([]uint8, len(allow))
	for i, a := range allow {
		t.allow[i] = uint8(b2u(a))
	}
	return t, nil
}

// fixed says whether the term reads only a dimension column, which an
// as-of date does not change.
func (t *term) fixed() bool { return t.kind == filter.KindDim || t.kind == filter.KindReason }

func (t *term) matchBlock(ds *model.Dataset, b *block) {
	n, lo := b.n, b.lo
	sel := b.sel[:n]
	allow := t.allow
	neg := b2u(t.neg)
	width := uint32(t.hi - t.lo) // range checks: one unsigned compare, NoDay falls outside
	switch t.kind {
	case filter.KindDim, filter.KindReason:
		model.AndLookup(t.dim.Codes, lo, allow, sel)
	case filter.KindEntry:
		for j, d := range b.entry[:n] {
			in := b2u(uint32(d-t.lo) <= width)
			sel[j] &= uint8((in ^ neg) & b2u(d != model.NoDay))
		}
	case filter.KindStageDate:
		col := ds.Days[t.index][lo : lo+n]
		mask := b.mask[:n]
		for j, d := range col {
			in := b2u(uint32(d-t.lo) <= width)
			has := b2u(d != model.NoDay) & (mask[j] >> t.index)
			sel[j] &= uint8((in ^ neg) & has)
		}
	case filter.KindExit:
		for j, k := range b.kind[:n] {
			sel[j] &= allow[k]
		}
	case filter.KindStage:
		for j, m := range b.mask[:n] {
			sel[j] &= allow[deepest(m)+1]
		}
	}
}
