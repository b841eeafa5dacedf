package query

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// Query selects and groups records. The zero Query is the whole dataset as
// of its last date, without breakdown or periods.
type Query struct {
	// Filters are ANDed.
	Filters []filter.Filter `json:"filters,omitempty"`
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
	ds     *model.Dataset
	ns     int
	asOf   int32
	cut    bool // asOf is before the last date: stage days must be checked
	dataLo int32
	dataHi int32
	terms  []term
	nFixed int // terms[:nFixed] are on dimension columns (as-of does not change them)

	gcodes *model.Codes // By dimension codes (nil: one group)
	gmap   []int32      // code -> group
	groups []string
	G      int

	pt *periodTable
	P  int // periods; row index P in [*][P+1] arrays is "undated / outside"

	meta *dsMeta
	// noSigs turns the signature path off (Engine.noSigs).
	noSigs bool
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
	kind   []model.ExitKind
	// sig is each record's signature (nil: too many distinct ones) and
	// sigs what each stands for; stages[k] lists the records that reached
	// stage k, block by block (k ≥ 1).
	sig      []uint8
	sigs     []sigInfo
	sigIndex map[sigInfo]uint8
	stages   []stageList
	cutOnce  sync.Once
	cutTable []uint8
	ds       *model.Dataset
	velOnce  sync.Once
	vel      *velBins
	cohOnce  sync.Once
	coh      *cohortBins
}

// buildMeta works the metadata out on two cores: the per-record columns
// in two halves, then the signatures beside the stage lists.
func buildMeta(ds *model.Dataset) *dsMeta {
	n := ds.Len()
	m := &dsMeta{lo: math.MaxInt32, hi: math.MinInt32, entry: make([]int32, n), first: make([]int32, n), last: make([]int32, n), kind: make([]model.ExitKind, n)}
	var mu sync.Mutex
	inHalves(n, func(lo, hi int) {
		l, h := m.fill(ds, lo, hi)
		mu.Lock()
		m.lo, m.hi = min(m.lo, l), max(m.hi, h)
		mu.Unlock()
	})
	m.ok = m.lo <= m.hi
	m.ds = ds
	inBoth(func() { buildSigs(ds, m) }, func() { buildStageLists(ds, m) })
	return m
}

// fill works out records [from, to) and returns their day range.
func (m *dsMeta) fill(ds *model.Dataset, from, to int) (int32, int32) {
	dlo, dhi := int32(math.MaxInt32), int32(math.MinInt32)
	lastBit := uint16(1) << (len(ds.Stages) - 1)
	for i := from; i < to; i++ {
		mask := ds.Reached[i]
		e, l, f := model.NoDay, model.NoDay, model.NoDay
		if ds.HasDates {
			for mm := mask; mm != 0; mm &= mm - 1 {
				d := ds.Days[bitIndex(mm)][i]
				if d == model.NoDay {
					continue
				}
				if e == model.NoDay {
					e, f = d, d
				}
				f = min(f, d)
				l = max(l, d)
				dlo, dhi = min(dlo, d), max(dhi, d)
			}
			if x := ds.ExitDay[i]; x != model.NoDay {
				l = max(l, x)
				dhi = max(dhi, x)
			}
		}
		m.entry[i], m.last[i], m.first[i] = e, l, f
		k := ds.Exit[i]
		if (k == model.ExitWon || k == model.ExitChurned) && mask&lastBit == 0 {
			k = model.ExitOpen // marked won without the last stage
		}
		m.kind[i] = k
	}
	return dlo, dhi
}

// inHalves runs f over [0, n) in two halves at once (small n: in one).
func inHalves(n int, f func(lo, hi int)) {
	if n < 1<<16 {
		f(0, n)
		return
	}
	inBoth(func() { f(0, n/2) }, func() { f(n/2, n) })
}

// inBoth runs a and b at once.
func inBoth(a, b func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		b()
	}()
	a()
	wg.Wait()
}

func (e *Engine) newPlan(q Query) (*plan, error) {
	ds := e.ds
	p := &plan{ds: ds, ns: len(ds.Stages), G: 1, groups: []string{""}, noSigs: e.noSigs}
	if p.ns == 0 || p.ns > model.MaxStages || len(ds.Days) != p.ns {
		return nil, fmt.Errorf("dataset has %d stages (%d date columns): expected 1 to %d", p.ns, len(ds.Days), model.MaxStages)
	}
	p.meta = e.metaOf()
	lo, hi, ok := p.meta.lo, p.meta.hi, p.meta.ok
	p.dataLo, p.dataHi = lo, hi
	p.asOf = q.AsOf
	if p.asOf == 0 || p.asOf == model.NoDay {
		p.asOf = hi
		if !ok {
			p.asOf = model.MaxDay
		}
	}
	p.cut = ok && p.asOf < hi
	for _, f := range q.Filters {
		for _, ft := range f.Terms {
			t, err := compile(ds, ft, p.ns)
			if err != nil {
				return nil, err
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
			return nil, fmt.Errorf("no dimension %q to break down by%s; dimensions are %v", q.By, filter.Suggest(q.By, ds.DimNames()), ds.DimNames())
		}
		p.gcodes = &dm.Codes
		p.groups, p.gmap = e.cachedLayout(dm, q.MaxGroups)
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

// groupLayout maps a dimension's codes to groups, keeping the largest
// values when there are more than maxGroups.
func groupLayout(dm *model.Dim, maxGroups int) ([]string, []int32) {
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
