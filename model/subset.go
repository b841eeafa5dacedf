package model

import (
	"sync"
)

// Selection is the part of a dataset a filter selects, as known on an
// as-of date, held as a dataset of its own so that any function over a
// *Dataset (sticky points, money, the account roll-up) answers for it.
type Selection struct {
	// Data holds the selected records only, cut at AsOf: stage dates after
	// it are dropped (with their reached bits), an exit after it has not
	// happened (a churn after it is still a win), a record with every dated
	// stage after it did not exist yet. It is the original dataset itself
	// when nothing is filtered or cut; it shares dictionaries with it.
	Data *Dataset `json:"-"`
	// Rows maps Data's records to the original's: Rows[i] is the original
	// index of Data's record i. nil when Data is the original.
	Rows []int32 `json:"-"`
	// Filter is the filter applied ("" for none), written back in the
	// expression language.
	Filter string `json:"filter,omitempty"`
	// AsOf is the day the numbers are as of: the one asked, or the last
	// day in the original data when none was (so a filtered subset keeps
	// the whole data's calendar, not its own last day).
	AsOf int32 `json:"as_of"`
	// Records is the number of records selected, of Total in the original.
	Records int `json:"records"`
	Total   int `json:"total"`
}

// Whole is true when the selection is the original dataset untouched.
func (s *Selection) Whole() bool { return s.Rows == nil }

// Original returns the original index of the selection's record i.
func (s *Selection) Original(i int) int32 {
	if s.Rows == nil {
		return int32(i)
	}
	return s.Rows[i]
}

// OriginalRows maps a list of the selection's record indexes to the
// original dataset's (in place when Data is the original).
func (s *Selection) OriginalRows(rows []int32) []int32 {
	if s.Rows == nil {
		return rows
	}
	out := make([]int32, len(rows))
	for j, i := range rows {
		out[j] = s.Rows[i]
	}
	return out
}

type selKey struct {
	ds     *Dataset
	filter string
	asOf   int32
}

// selCacheSize is how many selections are kept: enough to switch between
// views and back without recomputing, few enough that subsets of a large
// dataset do not pile up.
const selCacheSize = 3

var selCache struct {
	sync.Mutex
	keys []selKey
	vals []*Selection
}

// Select returns the records of ds that f selects, as of asOf (NoDay or 0:
// the last date in the data), with the same semantics as a Query with that
// filter and as-of: counts from Compute on the selection equal counts from
// Compute on ds with the filter. f must have been parsed for ds. Results
// are cached per (dataset, filter, as-of), so views switching back and
// forth share one copy; the returned selection must be treated as
// read-only.
func Select(ds *Dataset, f Filter, asOf int32) (*Selection, error) {
	key := selKey{ds: ds, filter: f.String(), asOf: asOf}
	selCache.Lock()
	for i, k := range selCache.keys {
		if k == key {
			s := selCache.vals[i]
			selCache.Unlock()
			return s, nil
		}
	}
	selCache.Unlock()
	s, err := selectRows(ds, f, asOf)
	if err != nil {
		return nil, err
	}
	selCache.Lock()
	defer selCache.Unlock()
	selCache.keys = append(selCache.keys, key)
	selCache.vals = append(selCache.vals, s)
	if n := len(selCache.keys); n > selCacheSize {
		for _, old := range selCache.vals[:n-selCacheSize] {
			if !old.Whole() {
				forgetMeta(old.Data)
			}
		}
		selCache.keys = append([]selKey(nil), selCache.keys[n-selCacheSize:]...)
		selCache.vals = append([]*Selection(nil), selCache.vals[n-selCacheSize:]...)
	}
	return s, nil
}

// forgetMeta drops a dataset's query metadata, so an evicted subset is
// not kept alive by the engine's cache.
func forgetMeta(ds *Dataset) {
	metaCache.Lock()
	delete(metaCache.m, ds)
	metaCache.Unlock()
}

func selectRows(ds *Dataset, f Filter, asOf int32) (*Selection, error) {
	var q Query
	if !f.Empty() {
		q.Filters = []Filter{f}
	}
	q.AsOf = asOf
	p, err := newPlan(ds, q)
	if err != nil {
		return nil, err
	}
	resolved := asOf
	if resolved == 0 || resolved == NoDay {
		resolved = NoDay
		if p.meta.ok {
			resolved = p.dataHi
		}
	}
	s := &Selection{Filter: f.String(), AsOf: resolved, Total: ds.Len()}
	if !p.cut && len(p.terms) == 0 {
		s.Data, s.Records = ds, ds.Len()
		return s, nil
	}
	rows := make([]int32, 0, 1024)
	masks := make([]uint16, 0, 1024)
	p.blocks(0, ds.Len(), func(b *block) {
		for _, j := range b.rows[:b.nRows] {
			rows = append(rows, int32(b.lo+int(j)))
			masks = append(masks, b.mask[j])
		}
	})
	s.Rows, s.Records = rows, len(rows)
	s.Data = subset(ds, rows, masks, p.asOf, p.cut)
	return s, nil
}

// subset copies the given records into a new dataset sharing
// dictionaries; with cut, the as-of date is applied to each record (masks
// are the reached bits left as of asOf).
func subset(ds *Dataset, rows []int32, masks []uint16, asOf int32, cut bool) *Dataset {
	out := *ds
	out.Days = make([][]int32, len(ds.Days))
	for k, col := range ds.Days {
		out.Days[k] = pick(col, rows)
	}
	if cut {
		out.Reached = pick(ds.Reached, rows) // the original bits, until cutAsOf
	}
	out.Exit = pick(ds.Exit, rows)
	out.ExitDay = pick(ds.ExitDay, rows)
	out.Amount = pick(ds.Amount, rows)
	out.Probability = pick(ds.Probability, rows)
	out.TermMonths = pick(ds.TermMonths, rows)
	out.Dims = make([]*Dim, len(ds.Dims))
	for j, dm := range ds.Dims {
		out.Dims[j] = subDim(dm, rows)
	}
	out.Reason = subDim(ds.Reason, rows)
	out.Currencies = subDim(ds.Currencies, rows)
	out.IDs, out.Emails = pickStrings(ds.IDs, rows), pickStrings(ds.Emails, rows)
	if cut {
		cutAsOf(&out, masks, asOf)
	} else {
		out.Reached = masks
	}
	return &out
}

// cutAsOf forgets what happened after asOf: stage dates after it, and
// exits after it (a churn after it is still a win; a win or churn without
// the last stage reached by then is open). masks are the reached bits as
// of asOf, from the scan; d.Reached still holds the original bits.
func cutAsOf(d *Dataset, masks []uint16, asOf int32) {
	last := len(d.Stages) - 1
	for k, col := range d.Days {
		for i, v := range col {
			if v != NoDay && (v > asOf || masks[i]>>k&1 == 0) {
				col[i] = NoDay
			}
		}
	}
	blank, hasBlank := uint32(0), false
	if d.Reason != nil {
		blank, hasBlank = d.Reason.Code("")
	}
	for i, x := range d.ExitDay {
		k := d.Exit[i]
		if x != NoDay && x > asOf {
			d.ExitDay[i] = NoDay
			if k == ExitChurned {
				k = ExitWon
			} else {
				k = ExitOpen
			}
		}
		lostLast := d.Reached[i]>>last&1 == 1 && masks[i]>>last&1 == 0
		if (k == ExitWon || k == ExitChurned) && lostLast {
			k = ExitOpen // the win is after as-of
		}
		if k != d.Exit[i] {
			d.Exit[i] = k
			if k == ExitOpen && hasBlank {
				d.Reason.Codes.Set(i, blank)
			}
		}
	}
	d.Reached = masks
}

func pick[T any](col []T, rows []int32) []T {
	if col == nil {
		return nil
	}
	out := make([]T, len(rows))
	for j, i := range rows {
		out[j] = col[i]
	}
	return out
}

// pickStrings copies the given strings of an arena into a new one, sized
// once.
func pickStrings(s Strings, rows []int32) Strings {
	if s.Len() == 0 {
		return Strings{}
	}
	span := func(i int32) (uint32, uint32) {
		if i == 0 {
			return 0, s.ends[0]
		}
		return s.ends[i-1], s.ends[i]
	}
	n := 0
	for _, i := range rows {
		a, b := span(i)
		n += int(b - a)
	}
	out := Strings{data: make([]byte, 0, n), ends: make([]uint32, 0, len(rows))}
	for _, i := range rows {
		a, b := span(i)
		out.data = append(out.data, s.data[a:b]...)
		out.ends = append(out.ends, uint32(len(out.data)))
	}
	return out
}

func subDim(dm *Dim, rows []int32) *Dim {
	if dm == nil {
		return nil
	}
	return &Dim{Name: dm.Name, Values: dm.Values, Codes: PickCodes(dm.Codes, rows)}
}
