package loaders

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// histBuilder reads a stage-change log: one row per (record, stage, time).
type histBuilder struct {
	p      *plan
	byID   map[string]int32
	ids    model.Strings
	rec    []int32 // per row: record index
	stage  *dimBuf // per row
	ts     *dateCol
	secs   []int32   // per row: time of day, to order changes within a day
	lines  []int32   // per record: the line of its first row
	rows   []int32   // per record: how many rows it has
	prob   []float32 // per row: the probability column (-1 blank), for the stage order
	reason *dimBuf   // per row
	dims   []*dimBuf
	known  map[string]bool // stage values the mapping lists (nil: derive)
}

func newHistBuilder(p *plan, est int) *histBuilder {
	b := &histBuilder{p: p, byID: map[string]int32{}, stage: newDimBuf("stage", est), ts: newDateCol(p.header[p.ts], est)}
	if p.reason >= 0 {
		b.reason = newDimBuf("reason", est)
	}
	if p.channel >= 0 {
		b.dims = append(b.dims, newDimBuf("channel", 0))
	}
	for _, c := range p.dims {
		b.dims = append(b.dims, newDimBuf(p.header[c], 0))
	}
	if len(p.m.Stages) > 0 {
		b.known = normSet(p.m.Won, p.m.Lost, p.m.Disqualified, defaultChurn)
		for _, s := range p.m.Stages {
			b.known[norm(s.Name)] = true
			for _, v := range s.Values {
				b.known[norm(v)] = true
			}
		}
	}
	return b
}

func (b *histBuilder) row(f [][]byte, line int, sp *splitter) *model.Problem {
	p := b.p
	bad := func(c int, expected, reason string) *model.Problem {
		l, col := sp.fieldPos(c)
		return &model.Problem{File: p.name, Line: l, Column: col, Field: p.header[c], Found: clip(string(bytes.TrimSpace(f[c]))), Expected: expected, Reason: reason}
	}
	id := bytes.TrimSpace(f[p.id])
	if len(id) == 0 {
		return bad(p.id, "a record id", "no record id")
	}
	st := bytes.TrimSpace(f[p.stageCol])
	if len(st) == 0 {
		return bad(p.stageCol, "a stage name", "no stage")
	}
	if b.known != nil && !b.known[norm(string(st))] {
		return bad(p.stageCol, "one of the mapping's stages", "unknown stage")
	}
	dv, ok := parseDate(bytes.TrimSpace(f[p.ts]))
	if !ok {
		return bad(p.ts, "a date like 2025-03-14 or 2025-03-14 09:30", "unreadable date")
	}
	r, seen := b.byID[string(id)]
	if !seen {
		r = int32(b.ids.Len())
		b.byID[string(id)] = r
		appendStr(&b.ids, id)
		b.lines = append(b.lines, int32(line))
		b.rows = append(b.rows, 0)
		di := 0
		if p.channel >= 0 {
			b.dims[0].push(b.dims[0].code(f[p.channel]))
			di = 1
		}
		for j, c := range p.dims {
			b.dims[di+j].push(b.dims[di+j].code(f[c]))
		}
	}
	b.rec = append(b.rec, r)
	b.rows[r]++
	b.stage.push(b.stage.code(st))
	b.ts.push(dv, true)
	b.secs = append(b.secs, timeOfDay(f[p.ts]))
	if p.prob >= 0 {
		b.prob = append(b.prob, rowProb(f[p.prob], p.probFrac))
	}
	if b.reason != nil {
		b.reason.push(b.reason.code(f[p.reason]))
	}
	return nil
}

func (b *histBuilder) finish(opt Options) (*model.Dataset, error) {
	p, m := b.p, b.p.m
	var dec []string
	if s := b.ts.finish(opt.DateOrder); s != "" {
		dec = append(dec, p.name+": "+s)
	}
	n := b.ids.Len()
	won, exits, parked := normSet(m.Won), normSet(m.Lost, m.Disqualified, defaultChurn), normSet(m.NotStages)
	// stage index per stage value
	var names []string
	idx := map[string]int{}
	if len(m.Stages) > 0 {
		for k, s := range m.Stages {
			names = append(names, s.Name)
			idx[norm(s.Name)] = k
			for _, v := range s.Values {
				idx[norm(v)] = k
			}
		}
	} else {
		reach := map[string]int{}
		seen := map[[2]int32]bool{}
		for i, r := range b.rec {
			c := int32(b.stage.codes[i])
			if !seen[[2]int32{r, c}] {
				seen[[2]int32{r, c}] = true
				reach[norm(b.stage.d.Values[c])]++
			}
		}
		var wonName string
		for _, v := range b.stage.d.Values[1:] {
			k := norm(v)
			if exits[k] || parked[k] || idx[k] > 0 || containsStr(names, v) {
				continue
			}
			if won[k] {
				wonName = v
				continue
			}
			if _, dup := idx[k]; !dup {
				idx[k] = -1
				names = append(names, v)
			}
		}
		how := b.orderStages(names, reach)
		if wonName != "" {
			names = append(names, wonName)
		}
		for k, s := range names {
			idx[norm(s)] = k
		}
		dec = append(dec, fmt.Sprintf("%s: stage order taken from %s: %s", p.name, how, strings.Join(names, " > ")))
	}
	if len(names) == 0 || len(names) > model.MaxStages {
		return nil, stageError(p.name, fmt.Sprintf("the log has %d stages (at least 1, at most %d are supported)", len(names), model.MaxStages))
	}
	stageOf := make([]int, len(b.stage.d.Values))
	exitOf := make([]model.ExitKind, len(b.stage.d.Values))
	lostSet, dqSet := normSet(m.Lost), normSet(m.Disqualified)
	for c, v := range b.stage.d.Values {
		k := norm(v)
		stageOf[c] = -1
		if s, ok := idx[k]; ok && !exits[k] {
			stageOf[c] = s
		}
		switch {
		case lostSet[k]:
			exitOf[c] = model.ExitLost
		case dqSet[k]:
			exitOf[c] = model.ExitDisqualified
		case exits[k]:
			exitOf[c] = model.ExitChurned
		}
	}
	ds := &model.Dataset{Stages: names, HasDates: true}
	ds.Days = make([][]int32, len(names))
	for k := range ds.Days {
		ds.Days[k] = make([]int32, n)
		for i := range ds.Days[k] {
			ds.Days[k][i] = model.NoDay
		}
	}
	ds.Reached, ds.Exit, ds.ExitDay = make([]uint16, n), make([]model.ExitKind, n), make([]int32, n)
	lastDay, lastRow := make([]int32, n), make([]int32, n)
	for i := range lastDay {
		lastDay[i], lastRow[i] = model.NoDay, -1
	}
	// rows in time order (file order breaks ties)
	order := make([]int32, len(b.rec))
	for i := range order {
		order[i] = int32(i)
	}
	sort.SliceStable(order, func(x, y int) bool {
		a, c := order[x], order[y]
		if b.ts.vals[a] != b.ts.vals[c] {
			return b.ts.vals[a] < b.ts.vals[c]
		}
		return b.secs[a] < b.secs[c]
	})
	backward := map[int32]bool{}
	deepest := make([]int8, n)
	for i := range deepest {
		deepest[i] = -1
	}
	for _, row := range order {
		r, c, day := b.rec[row], b.stage.codes[row], b.ts.vals[row]
		if s := stageOf[c]; s >= 0 {
			if ds.Days[s][r] == model.NoDay {
				ds.Days[s][r] = day
			} else if lastRow[r] >= 0 && stageOf[b.stage.codes[lastRow[r]]] != s {
				backward[r] = true // re-entered (a row repeating the stage is an edit)
			}
			if int8(s) < deepest[r] {
				backward[r] = true
			}
			deepest[r] = max(deepest[r], int8(s))
			ds.Reached[r] |= 1 << s
			ds.Exit[r], ds.ExitDay[r] = model.ExitOpen, model.NoDay
		} else {
			ds.Exit[r], ds.ExitDay[r] = exitOf[c], day
		}
		lastRow[r] = row
	}
	last := len(names) - 1
	reclosed := 0
	for i := 0; i < n; i++ {
		if !wonStageOf(m, names) || ds.Reached[i]&(1<<last) == 0 {
			continue
		}
		switch {
		case ds.Exit[i] == model.ExitOpen && stageOf[b.stage.codes[lastRow[i]]] == last:
			ds.Exit[i], ds.ExitDay[i] = model.ExitWon, ds.Days[last][i]
		case ds.Exit[i] != model.ExitWon:
			// Won, then re-closed as lost or reopened: the last row counts.
			ds.Reached[i] &^= 1 << last
			ds.Days[last][i] = model.NoDay
			reclosed++
		}
	}
	entered := 0
	for i := 0; i < n; i++ {
		if ds.Reached[i] == 0 {
			// Logged only at an outcome (lost, or won then re-closed):
			// it entered the funnel, at a stage the log does not say.
			ds.Reached[i] = 1
			entered++
			if len(names) > 2 && ds.Exit[i] != model.ExitWon {
				if ds.StageUnknown == nil {
					ds.StageUnknown = make([]bool, n)
				}
				ds.StageUnknown[i] = true
			}
		}
	}
	if entered > 0 {
		dec = append(dec, fmt.Sprintf("%s: %d records are logged only at an outcome; they count at %s, and the step from it leaves them out (they may have got further)", p.name, entered, names[0]))
	}
	if reclosed > 0 {
		dec = append(dec, fmt.Sprintf("%s: %d records reached %s and later moved on (re-closed as lost or reopened); their last change counts", p.name, reclosed, names[last]))
	}
	if len(backward) > 0 {
		dec = append(dec, fmt.Sprintf("%s: %d records moved backward or re-entered a stage; each stage keeps its first-reach day", p.name, len(backward)))
	}
	dec = append(dec, fmt.Sprintf("%s: %d stage changes for %d records", p.name, len(b.rec), n))
	ds.IDs = b.ids
	for _, d := range b.dims {
		ds.Dims = append(ds.Dims, d.done())
	}
	ds.Reason = model.NewDim("reason", 0)
	for i := 0; i < n; i++ {
		v := ""
		if b.reason != nil && lastRow[i] >= 0 {
			v = b.reason.d.Value(int(lastRow[i]))
		}
		ds.Reason.Append(v)
	}
	ds.Reason.Freeze()
	ds.Load.Decisions = dec
	return ds, nil
}

func containsStr(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
