package model

import (
	"fmt"
	"sort"
)

// StalledResult lists open records that have sat in their stage longer than
// that stage's p90 time to the next stage (Velocity, same selection).
type StalledResult struct {
	AsOf       string           `json:"as_of"`
	TimeZone   string           `json:"time_zone"`
	Filter     string           `json:"filter,omitempty"`
	Method     string           `json:"method"`
	Thresholds []StallThreshold `json:"thresholds"`
	// Total is how many records are stalled; Records lists them by days
	// past their threshold, most first, at most the limit asked for.
	Total   int             `json:"total"`
	Records []StalledRecord `json:"records"`
}

// StallThreshold is one stage's p90 and how many open records exceed it.
type StallThreshold struct {
	Stage   string `json:"stage"`
	P90Days *int   `json:"p90_days"` // nil: no record has moved on yet, none can be called stalled
	Open    int    `json:"open"`     // open records whose deepest stage this is (with a date)
	Stalled int    `json:"stalled"`
	Few     bool   `json:"few,omitempty"`
}

// StalledRecord is one stalled record: Row indexes the dataset's columns.
type StalledRecord struct {
	Row     int    `json:"row"`
	ID      string `json:"id,omitempty"`
	Stage   string `json:"stage"`
	Since   string `json:"since"`
	AgeDays int    `json:"age_days"`
	P90Days int    `json:"p90_days"`
}

// Stalled finds the open records stuck in a stage past its p90 (limit <= 0: 100).
func Stalled(ds *Dataset, q Query, limit int) (*StalledResult, error) {
	if limit <= 0 {
		limit = 100
	}
	p, err := newPlan(ds, q)
	if err != nil {
		return nil, err
	}
	if !ds.HasDates {
		return nil, fmt.Errorf("the data has no stage dates, so no record can be called stalled")
	}
	p.needEntry = true
	h, err := p.velocity()
	if err != nil {
		return nil, err
	}
	whole := p.velSlice("", h, -1, false)
	ns := p.ns
	thr := make([]int32, ns)
	res := &StalledResult{AsOf: DayString(p.asOf), TimeZone: TimeZoneNote,
		Method: "open longer than the stage's p90 time to the next stage; " + VelocityMethod}
	for _, f := range q.Filters {
		res.Filter = joinSpace(res.Filter, f.String())
	}
	for k := 0; k < ns-1; k++ {
		st := whole.Steps[k]
		thr[k] = -1
		t := StallThreshold{Stage: ds.Stages[k], P90Days: st.P90, Few: st.Few}
		if st.P90 != nil {
			thr[k] = int32(*st.P90)
		}
		res.Thresholds = append(res.Thresholds, t)
	}
	type part struct {
		recs          []StalledRecord
		open, stalled []int
	}
	parts := make([]part, workersFor(ds.Len()))
	parallel(ds.Len(), func(w, lo, hi int) {
		pt := part{open: make([]int, ns), stalled: make([]int, ns)}
		p.blocks(lo, hi, func(b *block) {
			for j := 0; j < b.n; j++ {
				if int(b.group[j]) == p.G || b.kind[j] != ExitOpen {
					continue
				}
				k := deepest(b.mask[j])
				if k < 0 || k >= ns-1 {
					continue
				}
				d := ds.Days[k][b.lo+j]
				if d == NoDay {
					continue
				}
				pt.open[k]++
				age := p.asOf - d
				if thr[k] < 0 || age <= thr[k] {
					continue
				}
				pt.stalled[k]++
				pt.recs = append(pt.recs, StalledRecord{Row: b.lo + j, Stage: ds.Stages[k], Since: DayString(d), AgeDays: int(age), P90Days: int(thr[k])})
			}
		})
		parts[w] = pt
	})
	var all []StalledRecord
	for _, pt := range parts {
		all = append(all, pt.recs...)
		for k := 0; k < ns-1; k++ {
			res.Thresholds[k].Open += pt.open[k]
			res.Thresholds[k].Stalled += pt.stalled[k]
		}
	}
	res.Total = len(all)
	sort.SliceStable(all, func(a, b int) bool {
		oa, ob := all[a].AgeDays-all[a].P90Days, all[b].AgeDays-all[b].P90Days
		if oa != ob {
			return oa > ob
		}
		return all[a].Row < all[b].Row
	})
	if len(all) > limit {
		all = all[:limit]
	}
	for i := range all {
		if ds.IDs.Len() > all[i].Row {
			all[i].ID = ds.IDs.At(all[i].Row)
		}
	}
	res.Records = append([]StalledRecord{}, all...)
	return res, nil
}
