package query

import (
	"math/bits"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query/filter"
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
	Data *model.Dataset `json:"-"`
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
	// Engine answers queries about Data: the original's engine when Data
	// is the original, a new one (with caches of its own) otherwise.
	Engine *Engine `json:"-"`

	asked int32 // the as-of day asked (the cache key)
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

// selCacheSize is how many selections an engine keeps: enough to switch
// between views and back without recomputing, few enough that subsets of
// a large dataset do not pile up.
const selCacheSize = 3

// Select returns the records that f selects, as of asOf (NoDay or 0: the
// last date in the data), with the same semantics as a Query with that
// filter and as-of: counts from the selection's engine equal counts from
// this one with the filter. f must have been parsed for the engine's
// dataset. The last few selections are kept, so views switching back and
// forth share one copy (and its engine's caches); the returned selection
// must be treated as read-only.
func (e *Engine) Select(f filter.Filter, asOf int32) (*Selection, error) {
	key := f.String()
	e.mu.Lock()
	for _, s := range e.sels {
		if s.Filter == key && s.asked == asOf {
			e.mu.Unlock()
			return s, nil
		}
	}
	e.mu.Unlock()
	s, err := e.selectRows(f, asOf)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.sels = append(e.sels, s)
	if n := len(e.sels); n > selCacheSize {
		e.sels = append([]*Selection(nil), e.sels[n-selCacheSize:]...)
	}
	return s, nil
}

func (e *Engine) selectRows(f filter.Filter, asOf int32) (*Selection, error) {
	ds := e.ds
	var q Query
	if !f.Empty() {
		q.Filters = []filter.Filter{f}
	}
	q.AsOf = asOf
	p, err := e.newPlan(q)
	if err != nil {
		return nil, err
	}
	resolved := asOf
	if resolved == 0 || resolved == model.NoDay {
		resolved = model.NoDay
		if p.meta.ok {
			resolved = p.dataHi
		}
	}
	s := &Selection{Filter: f.String(), AsOf: resolved, Total: ds.Len(), asked: asOf}
	if !p.cut && len(p.terms) == 0 {
		s.Data, s.Records, s.Engine = ds, ds.Len(), e
		return s, nil
	}
	rows := make([]int32, 0, 1024)
	var masks []uint16
	p.blocks(0, ds.Len(), func(b *block) {
		for _, j := range b.rows[:b.nRows] {
			rows = append(rows, int32(b.lo+int(j)))
			if p.cut {
				masks = append(masks, b.mask[j])
			}
		}
	})
	s.Rows, s.Records = rows, len(rows)
	s.Data = ds.Pick(rows)
	if p.cut {
		cutAsOf(s.Data, masks, p.asOf)
	}
	s.Engine = New(s.Data)
	s.Engine.noSigs = e.noSigs
	return s, nil
}

// cutAsOf forgets what happened after asOf: stage dates after it, and
// exits after it (a churn after it is still a win; a win or churn without
// the last stage reached by then is open). masks are the reached bits as
// of asOf, from the scan; d.Reached still holds the original bits.
func cutAsOf(d *model.Dataset, masks []uint16, asOf int32) {
	last := len(d.Stages) - 1
	for k, col := range d.Days {
		for i, v := range col {
			if v != model.NoDay && (v > asOf || masks[i]>>k&1 == 0) {
				col[i] = model.NoDay
			}
		}
	}
	blank, hasBlank := uint32(0), false
	if d.Reason != nil {
		blank, hasBlank = d.Reason.Code("")
	}
	for i, x := range d.ExitDay {
		k := d.Exit[i]
		if x != model.NoDay && x > asOf {
			d.ExitDay[i] = model.NoDay
			if k == model.ExitChurned {
				k = model.ExitWon
			} else {
				k = model.ExitOpen
			}
		}
		lostLast := d.Reached[i]>>last&1 == 1 && masks[i]>>last&1 == 0
		if (k == model.ExitWon || k == model.ExitChurned) && lostLast {
			k = model.ExitOpen // the win is after as-of
		}
		if k != d.Exit[i] {
			d.Exit[i] = k
			if k == model.ExitOpen && hasBlank {
				d.Reason.Codes.Set(i, blank)
			}
		}
	}
	for i, u := range d.StageUnknown {
		if u && bits.Len16(masks[i]) != bits.Len16(d.Reached[i]) {
			d.StageUnknown[i] = false // it got further after as-of: as of then it was where the cut leaves it
		}
	}
	d.Reached = masks
}
