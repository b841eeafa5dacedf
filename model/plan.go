package model

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

// Query selects and groups records. The zero Query is the whole dataset as
// of its last date, without breakdown or periods.
type Query struct {
	// Filters are ANDed.
	Filters []Filter `json:"filters,omitempty"`
	// By is the dimension to break down by ("" for none).
	By string `json:"by,omitempty"`
	// Period buckets records by entry date (cohort counts) and stage events
	// by their date (event counts).
	Period Period `json:"period,omitempty"`
	// WeekStart is the ISO weekday weeks start on (1 Monday … 7 Sunday);
	// 0 means Monday.
	WeekStart int `json:"week_start,omitempty"`
	// AsOf is the last day counted: only stage dates and exits on or before
	// it count. 0 or NoDay means the last date in the data.
	AsOf int32 `json:"as_of,omitempty"`
	// LastPeriods keeps only the most recent periods (0: all).
	LastPeriods int `json:"last_periods,omitempty"`
	// MaxGroups caps the breakdown (default 50): the largest values keep
	// their own group, the rest are merged into one "(other)" group.
	MaxGroups int `json:"max_groups,omitempty"`
}

// OtherGroup is the key of the group holding a breakdown's smaller values.
const OtherGroup = "(other)"

// plan is a query bound to a dataset: filters compiled, groups and periods
// laid out, ready for a pass over the rows.
type plan struct {
	ds     *Dataset
	ns     int
	asOf   int32
	cut    bool // asOf is before the last date: stage days must be checked
	dataLo int32
	dataHi int32
	terms  []Term
	nFixed int // terms[:nFixed] are on dimension columns (as-of does not change them)

	gcodes *Codes  // By dimension codes (nil: one group)
	gmap   []int32 // code -> group
	groups []string
	G      int

	pt *periodTable
	P  int // periods; row index P in [*][P+1] arrays is "undated / outside"

	meta *dsMeta
	// noLists spares fill the selected and deep row lists (the signature
	// counter does not read them).
	noLists bool

	slotLo int32
	slotN  uint32
	slots  []int32
}

// dsMeta is what a query needs of a dataset beyond its columns, worked
// out once per dataset (datasets are read-only after loading): the day
// range, each record's entry day (first known stage date), the last day
// anything happened to it (so an as-of date can skip the records it does
// not touch) and its exit kind with "won without the last stage" made open.
type dsMeta struct {
	lo, hi int32
	ok     bool
	entry  []int32
	first  []int32 // earliest stage date (NoDay: none)
	last   []int32
	kind   []ExitKind
	// sig is each record's signature (nil: too many distinct ones) and
	// sigs what each stands for; stages[k] lists the records that reached
	// stage k, block by block (k ≥ 1).
	sig      []uint8
	sigs     []sigInfo
	sigIndex map[sigInfo]uint8
	stages   []stageList
	cutOnce  sync.Once
	cutTable []uint8
	ds       *Dataset
	velOnce  sync.Once
	vel      *velBins
}

var metaCache struct {
	sync.Mutex
	m map[*Dataset]*dsMeta
}

// Prepare works out, once, what queries need of a dataset beyond its
// columns (entry and last days per record: 8 bytes a record). Queries call
// it themselves; calling it right after loading takes that one-time cost
// (about one query's worth) off the first query.
func Prepare(ds *Dataset) { metaOf(ds) }

func metaOf(ds *Dataset) *dsMeta {
	metaCache.Lock()
	defer metaCache.Unlock()
	if m, ok := metaCache.m[ds]; ok && len(m.entry) == ds.Len() {
		return m
	}
	m := buildMeta(ds)
	if metaCache.m == nil || len(metaCache.m) > 16 {
		metaCache.m = map[*Dataset]*dsMeta{}
	}
	metaCache.m[ds] = m
	return m
}

func buildMeta(ds *Dataset) *dsMeta {
	n := ds.Len()
	m := &dsMeta{lo: math.MaxInt32, hi: math.MinInt32, entry: make([]int32, n), first: make([]int32, n), last: make([]int32, n), kind: make([]ExitKind, n)}
	lastBit := uint16(1) << (len(ds.Stages) - 1)
	for i, mask := range ds.Reached {
		e, l, f := NoDay, NoDay, NoDay
		if ds.HasDates {
			for mm := mask; mm != 0; mm &= mm - 1 {
				d := ds.Days[bitIndex(mm)][i]
				if d == NoDay {
					continue
				}
				if e == NoDay {
					e, f = d, d
				}
				f = min(f, d)
				l = max(l, d)
				m.lo, m.hi = min(m.lo, d), max(m.hi, d)
			}
			if x := ds.ExitDay[i]; x != NoDay {
				l = max(l, x)
				m.hi = max(m.hi, x)
			}
		}
		m.entry[i], m.last[i], m.first[i] = e, l, f
		k := ds.Exit[i]
		if (k == ExitWon || k == ExitChurned) && mask&lastBit == 0 {
			k = ExitOpen // marked won without the last stage
		}
		m.kind[i] = k
	}
	m.ok = m.lo <= m.hi
	m.ds = ds
	buildSigs(ds, m)
	buildStageLists(ds, m)
	return m
}

func newPlan(ds *Dataset, q Query) (*plan, error) {
	p := &plan{ds: ds, ns: len(ds.Stages), G: 1, groups: []string{""}}
	if p.ns == 0 || p.ns > MaxStages || len(ds.Days) != p.ns {
		return nil, fmt.Errorf("dataset has %d stages (%d date columns): expected 1 to %d", p.ns, len(ds.Days), MaxStages)
	}
	p.meta = metaOf(ds)
	lo, hi, ok := p.meta.lo, p.meta.hi, p.meta.ok
	p.dataLo, p.dataHi = lo, hi
	p.asOf = q.AsOf
	if p.asOf == 0 || p.asOf == NoDay {
		p.asOf = hi
		if !ok {
			p.asOf = maxDay
		}
	}
	p.cut = ok && p.asOf < hi
	for _, f := range q.Filters {
		for _, t := range f.Terms {
			if t.kind == termDim || t.kind == termReason {
				if t.dim == nil || len(t.allow) != len(t.dim.Values) || (t.dim != ds.Reason && t.dim != ds.Dim(t.Column)) {
					return nil, fmt.Errorf("filter %s was parsed for another dataset", t.String())
				}
			}
			if (t.kind == termStageDate && t.index >= p.ns) || (t.kind == termStage && len(t.allow) != p.ns+1) {
				return nil, fmt.Errorf("filter %s was parsed for another dataset", t.String())
			}
			t.allowU = make([]uint8, len(t.allow))
			for i, a := range t.allow {
				t.allowU[i] = uint8(b2u(a))
			}
			p.terms = append(p.terms, t)
		}
	}
	// Dimension terms first (they commute: the terms are ANDed).
	sort.SliceStable(p.terms, func(a, b int) bool { return p.terms[a].fixed() && !p.terms[b].fixed() })
	for _, t := range p.terms {
		if t.fixed() {
			p.nFixed++
		}
	}
	if q.By != "" {
		dm := ds.Dim(q.By)
		if dm == nil {
			return nil, fmt.Errorf("no dimension %q to break down by%s; dimensions are %v", q.By, suggest(q.By, ds.DimNames()), ds.DimNames())
		}
		p.gcodes = &dm.Codes
		p.groups, p.gmap = cachedLayout(dm, q.MaxGroups)
		p.G = len(p.groups)
	}
	if q.Period != PeriodNone {
		if !ds.HasDates || !ok {
			return nil, fmt.Errorf("the data has no stage dates, so there are no %s periods", q.Period)
		}
		p.pt = newPeriodTable(q.Period, q.WeekStart, lo, min(hi, p.asOf), lo, p.asOf, q.LastPeriods)
		p.P = len(p.pt.periods)
	} else {
		p.pt = &periodTable{}
	}
	p.layoutSlots()
	return p, nil
}

// fixed says whether the term reads only a dimension column, which an
// as-of date does not change.
func (t *Term) fixed() bool { return t.kind == termDim || t.kind == termReason }

type layoutKey struct {
	dm  *Dim
	max int
}

type layout struct {
	groups []string
	gmap   []int32
}

var layoutCache struct {
	sync.Mutex
	m map[layoutKey]layout
}

// cachedLayout remembers the layout of large dimensions (ranking a
// quarter-million companies by size is the slow part of a re-slice).
func cachedLayout(dm *Dim, maxGroups int) ([]string, []int32) {
	if len(dm.Values) <= max(maxGroups, 50) {
		return groupLayout(dm, maxGroups)
	}
	k := layoutKey{dm, maxGroups}
	layoutCache.Lock()
	l, ok := layoutCache.m[k]
	layoutCache.Unlock()
	if ok && len(l.gmap) == len(dm.Values) {
		return l.groups, l.gmap
	}
	g, m := groupLayout(dm, maxGroups)
	layoutCache.Lock()
	if layoutCache.m == nil || len(layoutCache.m) > 32 {
		layoutCache.m = map[layoutKey]layout{}
	}
	layoutCache.m[k] = layout{g, m}
	layoutCache.Unlock()
	return g, m
}

// groupLayout maps a dimension's codes to groups, keeping the largest
// values when there are more than maxGroups.
func groupLayout(dm *Dim, maxGroups int) ([]string, []int32) {
	if maxGroups <= 0 {
		maxGroups = 50
	}
	card := len(dm.Values)
	gmap := make([]int32, card)
	if card <= maxGroups {
		for c := range gmap {
			gmap[c] = int32(c)
		}
		return append([]string(nil), dm.Values...), gmap
	}
	counts := make([]int, card)
	dm.Codes.Histogram(counts)
	order := make([]int, card)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return counts[order[a]] > counts[order[b]] })
	keep := maxGroups - 1
	groups := make([]string, 0, maxGroups)
	other := int32(keep)
	for i := range gmap {
		gmap[i] = other
	}
	for j, c := range order[:keep] {
		gmap[c] = int32(j)
		groups = append(groups, dm.Values[c])
	}
	return append(groups, OtherGroup), gmap
}

// chunkBlocks is how many blocks a worker claims at a time.
const chunkBlocks = 16

// scan runs a pass over every block of rows on the available cores.
// start(w) is called once per worker (w < workersFor(n)) and returns what
// that worker does with each block. Workers claim chunks of blocks as they
// go, so uneven work (an as-of date touches only the newest records)
// spreads over the cores.
func (p *plan) scan(start func(w int) func(b *block)) {
	n := p.ds.Len()
	workers := workersFor(n)
	if workers == 1 {
		p.blocks(0, n, start(0))
		return
	}
	var next atomic.Int64
	chunk := int64(chunkBlocks * blockSize)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn := start(w)
			for {
				lo := next.Add(chunk) - chunk
				if lo >= int64(n) {
					return
				}
				p.blocks(int(lo), int(min(lo+chunk, int64(n))), fn)
			}
		}()
	}
	wg.Wait()
}

// workers is how many accumulators parallel will use for n rows.
func workersFor(n int) int {
	if n < 1<<15 {
		return 1
	}
	return max(1, min(runtime.GOMAXPROCS(0), 8))
}
