package query

import (
	"fmt"
	"sort"

	"github.com/funnel-cli/funnel/model"
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
func (e *Engine) Stalled(q Query, limit int) (*StalledResult, error) {
	ds := e.ds
	if limit <= 0 {
		limit = 100
	}
	p, err := e.newPlan(q)
	if err != nil {
		return nil, err
	}
	if !ds.HasDates {
		return nil, fmt.Errorf("the data has no stage dates, so no record can be called stalled")
	}
	// One pass: the step times (for each stage's p90) and, per stage,
	// the limit oldest open records (within a stage the oldest are the
	// most overdue, whatever the threshold turns out to be).
	h, err := p.velocityWith(velOptions{stepsOnly: true, oldest: limit})
	if err != nil {
		return nil, err
	}
	whole := p.velSlice("", h, -1, false)
	ns := p.ns
	thr := make([]int32, ns)
	res := &StalledResult{AsOf: model.DayString(p.asOf), TimeZone: TimeZoneNote,
		Method: "open longer than the stage's p90 time to the next stage; " + VelocityMethod}
	for _, f := range q.Filters {
		res.Filter = joinSpace(res.Filter, f.String())
	}
	D := h.D
	for k := 0; k < ns-1; k++ {
		st := whole.Steps[k]
		thr[k] = -1
		t := StallThreshold{Stage: ds.Stages[k], Few: st.Few}
		if d := st.P90Days(); d >= 0 {
			t.P90Days, thr[k] = &d, int32(d)
		}
		// The censored times at step k are the open records stopped at
		// stage k, by age.
		for g := 0; g < p.G; g++ {
			for du, v := range h.g[((g*h.T+k)*lanes+laneOpen)*D : ((g*h.T+k)*lanes+laneOpen+1)*D] {
				t.Open += int(v)
				if thr[k] >= 0 && int32(du) > thr[k] {
					t.Stalled += int(v)
				}
			}
		}
		res.Total += t.Stalled
		res.Thresholds = append(res.Thresholds, t)
	}
	var all []stallRef
	for _, r := range h.oldest {
		if thr[r.stage] < 0 {
			continue
		}
		if r.over = p.asOf - r.since - thr[r.stage]; r.over > 0 {
			all = append(all, r)
		}
	}
	sort.Slice(all, func(a, b int) bool { return all[a].before(all[b]) })
	all = all[:min(len(all), limit)]
	recs := make([]StalledRecord, len(all))
	for i, s := range all {
		recs[i] = StalledRecord{Row: s.row, Stage: ds.Stages[s.stage], Since: model.DayString(s.since),
			AgeDays: int(p.asOf - s.since), P90Days: int(thr[s.stage])}
		if ds.IDs.Len() > s.row {
			recs[i].ID = ds.IDs.At(s.row)
		}
	}
	res.Records = recs
	return res, nil
}

type stallRef struct {
	row, stage int
	since      int32
	over       int32
}

// before orders the most overdue first, then by row.
func (a stallRef) before(b stallRef) bool {
	if a.over != b.over {
		return a.over > b.over
	}
	return a.row < b.row
}

// stallHeap keeps the limit most overdue records (a min-heap on before),
// so memory does not grow with the number of stalled records.
type stallHeap struct {
	limit int
	refs  []stallRef
}

func (h *stallHeap) push(r stallRef) {
	if len(h.refs) < h.limit {
		h.refs = append(h.refs, r)
		for i := len(h.refs) - 1; i > 0; {
			up := (i - 1) / 2
			if !h.refs[up].before(h.refs[i]) {
				break
			}
			h.refs[up], h.refs[i] = h.refs[i], h.refs[up]
			i = up
		}
		return
	}
	if !r.before(h.refs[0]) {
		return
	}
	h.refs[0] = r
	for i := 0; ; {
		l, w := 2*i+1, i
		if l < len(h.refs) && h.refs[w].before(h.refs[l]) {
			w = l
		}
		if l+1 < len(h.refs) && h.refs[w].before(h.refs[l+1]) {
			w = l + 1
		}
		if w == i {
			return
		}
		h.refs[i], h.refs[w] = h.refs[w], h.refs[i]
		i = w
	}
}
