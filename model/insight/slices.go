package insight

import "github.com/funnel-cli/funnel/model"

// slicer maps a record to a slice code of one dimension or dimension pair.
type slicer struct {
	dim   string
	card  int
	key   func(i int) int
	label func(code int) string
	d     *model.Dim // the dimension (nil for a pair)
}

// pickDims returns the named dimensions (all when names is nil); unknown
// names are skipped.
func pickDims(ds *model.Dataset, names []string) []*model.Dim {
	if names == nil {
		return ds.Dims
	}
	var out []*model.Dim
	for _, n := range names {
		if d := ds.Dim(n); d != nil {
			out = append(out, d)
		}
	}
	return out
}

// slicers lists one slicer per dimension with at most maxValues values and,
// with pairs, one per pair of them whose value product is at most maxValues².
func slicers(ds *model.Dataset, dims []*model.Dim, pairs bool, maxValues int) []slicer {
	var out []slicer
	var ok []*model.Dim
	for _, d := range dims {
		if d.Cardinality() > maxValues {
			continue
		}
		ok = append(ok, d)
		out = append(out, slicer{
			dim:   d.Name,
			card:  d.Cardinality(),
			key:   func(i int) int { return int(d.Codes.At(i)) },
			label: func(c int) string { return dimLabel(d.Values[c]) },
			d:     d,
		})
	}
	if !pairs {
		return out
	}
	for a := 0; a < len(ok); a++ {
		for b := a + 1; b < len(ok); b++ {
			da, db := ok[a], ok[b]
			cb := db.Cardinality()
			if da.Cardinality()*cb > maxValues*maxValues {
				continue
			}
			out = append(out, slicer{
				dim:  da.Name + " × " + db.Name,
				card: da.Cardinality() * cb,
				key:  func(i int) int { return int(da.Codes.At(i))*cb + int(db.Codes.At(i)) },
				label: func(c int) string {
					return dimLabel(da.Values[c/cb]) + " × " + dimLabel(db.Values[c%cb])
				},
			})
		}
	}
	return out
}

// nesting says that one dimension is nested in another (campaign in
// channel): nearly every record of each child value has one parent value.
type nesting struct {
	child, parent string
	of            []int // child code → parent code; -1 when spread over several
	childKey      func(i int) int
	parentKey     func(i int) int
	parentCard    int
	label         func(child int) string // "channel=outbound"
}

// Nesting thresholds: a value belongs to a parent value when at least
// nestValueShare of its records have it; a dimension is nested when at
// least nestDimShare of its records belong so, to two parent values or more.
const (
	nestValueShare = 0.95
	nestDimShare   = 0.9
)

// nestedParents finds, for each single-dimension slicer, the dimension it
// is nested in (the one with the most values, when several qualify); nil
// where there is none.
func nestedParents(ds *model.Dataset, sls []slicer) []*nesting {
	out := make([]*nesting, len(sls))
	for a, sa := range sls {
		if sa.d == nil {
			continue
		}
		for b, sb := range sls {
			if b == a || sb.d == nil || sb.card < 2 || sb.card >= sa.card {
				continue
			}
			if out[a] != nil && out[a].parentCard >= sb.card {
				continue
			}
			if n := nestIn(ds, sa.d, sb.d); n != nil {
				out[a] = n
			}
		}
	}
	return out
}

// nestIn returns child's nesting in parent, or nil when it is not nested.
func nestIn(ds *model.Dataset, child, parent *model.Dim) *nesting {
	cc, pc := child.Cardinality(), parent.Cardinality()
	joint := make([]int, cc*pc)
	var bufC, bufP [4096]uint32
	n := ds.Len()
	for lo := 0; lo < n; lo += len(bufC) {
		m := min(len(bufC), n-lo)
		child.Codes.Read(lo, bufC[:m])
		parent.Codes.Read(lo, bufP[:m])
		for j := range m {
			joint[int(bufC[j])*pc+int(bufP[j])]++
		}
	}
	of := make([]int, cc)
	nested, total := 0, 0
	used := map[int]bool{}
	for c := range cc {
		row := joint[c*pc : (c+1)*pc]
		best, sum := 0, 0
		for p, v := range row {
			sum += v
			if v > row[best] {
				best = p
			}
		}
		total += sum
		of[c] = -1
		if sum > 0 && float64(row[best]) >= nestValueShare*float64(sum) {
			of[c] = best
			nested += sum
			used[best] = true
		}
	}
	if total == 0 || float64(nested) < nestDimShare*float64(total) || len(used) < 2 {
		return nil
	}
	return &nesting{
		child: child.Name, parent: parent.Name, of: of, parentCard: pc,
		childKey:  func(i int) int { return int(child.Codes.At(i)) },
		parentKey: func(i int) int { return int(parent.Codes.At(i)) },
		label:     func(c int) string { return parent.Name + "=" + dimLabel(parent.Values[of[c]]) },
	}
}
