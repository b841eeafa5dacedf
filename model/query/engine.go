// Package query is the engine: the one place any number about a dataset is
// counted. An Engine is bound to one dataset and owns what it caches about
// it (per-record metadata, breakdown layouts, recent selections); there is
// no package-level state. Build one per dataset with New and share it: the
// explorer carries it in views.Common, the report in its Options.
//
// Engine.Compute answers a Query (filters from model/query/filter, a
// breakdown, periods, an as-of date) with one Result: the funnel of the
// whole selection, per group and per period. Cohorts, Velocity and Stalled
// answer the time questions with the same selection rules, Funnel is the
// overview's quick count, and Select cuts a filtered, as-of subset that the
// analyses (model/insight, model/money) work on. Every method is safe for
// concurrent use; results are plain structs that marshal to JSON.
package query

import (
	"maps"
	"sync"

	"github.com/funnel-cli/funnel/model"
)

// Engine answers queries about one dataset. The zero Engine is not usable:
// call New.
type Engine struct {
	ds *model.Dataset

	mu      sync.Mutex
	meta    *dsMeta
	layouts map[layoutKey]layout
	sels    []*Selection // most recent last, at most selCacheSize
	funnels map[FunnelOptions]Funnel

	// noSigs turns the signature counting path off (tests compare paths).
	noSigs bool
}

// New returns the engine of ds. The dataset must not change afterwards.
func New(ds *model.Dataset) *Engine { return &Engine{ds: ds} }

// WithColumns returns the engine of ds, which holds the records of e's
// dataset with more columns (the dimensions a deferred load reads after
// the first frame): it starts with what e has worked out about the records
// (their metadata and the unfiltered funnels, which no dimension changes)
// rather than working it out again.
func (e *Engine) WithColumns(ds *model.Dataset) *Engine {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := &Engine{ds: ds, noSigs: e.noSigs}
	if ds.Len() == e.ds.Len() {
		n.meta = e.meta
		n.funnels = maps.Clone(e.funnels)
	}
	return n
}

// Data is the engine's dataset.
func (e *Engine) Data() *model.Dataset { return e.ds }

// Prepare works out, once, what queries need of the dataset beyond its
// columns (entry and last days per record: 8 bytes a record). Queries call
// it themselves; calling it right after loading takes that one-time cost
// (about one query's worth) off the first query.
func (e *Engine) Prepare() { e.metaOf() }

// metaOf returns the dataset's query metadata, built on first use.
func (e *Engine) metaOf() *dsMeta {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.meta == nil || len(e.meta.entry) != e.ds.Len() {
		e.meta = buildMeta(e.ds)
	}
	return e.meta
}

type layoutKey struct {
	dm  *model.Dim
	max int
}

type layout struct {
	groups []string
	gmap   []int32
}

// cachedLayout remembers the layout of large dimensions (ranking a
// quarter-million companies by size is the slow part of a re-slice).
func (e *Engine) cachedLayout(dm *model.Dim, maxGroups int) ([]string, []int32) {
	if len(dm.Values) <= max(maxGroups, 50) {
		return groupLayout(dm, maxGroups)
	}
	k := layoutKey{dm, maxGroups}
	e.mu.Lock()
	l, ok := e.layouts[k]
	e.mu.Unlock()
	if ok && len(l.gmap) == len(dm.Values) {
		return l.groups, l.gmap
	}
	g, m := groupLayout(dm, maxGroups)
	e.mu.Lock()
	if e.layouts == nil || len(e.layouts) > 32 {
		e.layouts = map[layoutKey]layout{}
	}
	e.layouts[k] = layout{g, m}
	e.mu.Unlock()
	return g, m
}
