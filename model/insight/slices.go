package insight

import "github.com/funnel-cli/funnel/model"

// slicer maps a record to a slice code of one dimension or dimension pair.
type slicer struct {
	dim   string
	card  int
	key   func(i int) int
	label func(code int) string
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
