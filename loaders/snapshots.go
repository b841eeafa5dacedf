package loaders

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// Snapshots: files that hold the same object exported on different days
// (HubSpot's "export deals" run every week) are not leads and deals to be
// joined. Files of the same shape whose id column and stage column have
// the same names, and whose ids overlap, are read as a series: the funnel
// is the latest snapshot's records (each one's latest state), a stage a
// record moved to between two snapshots is dated by the later snapshot's
// export date where the file gives it no date, and records only in
// earlier snapshots are listed as skipped (deleted, or filtered out of
// the later exports).

// snapshotGroups groups the object files that are snapshots of one
// object (indexes into objs, each group of two or more, in file order).
func snapshotGroups(objs []*loaded) [][]int {
	used := make([]bool, len(objs))
	var out [][]int
	for i := range objs {
		if used[i] {
			continue
		}
		g := []int{i}
		for j := i + 1; j < len(objs); j++ {
			if !used[j] && sameObject(objs[i], objs[j]) {
				g = append(g, j)
			}
		}
		if len(g) > 1 {
			for _, j := range g {
				used[j] = true
			}
			out = append(out, g)
		}
	}
	return out
}

// joinSnapshotGroups replaces each group of snapshots in objs by the
// series read from it, where the group's first file was.
func joinSnapshotGroups(objs []*loaded, maxProblems int) []*loaded {
	groups := snapshotGroups(objs)
	if len(groups) == 0 {
		return objs
	}
	first := map[int][]*loaded{}
	member := map[int]bool{}
	for _, g := range groups {
		for _, j := range g {
			member[j] = true
			first[g[0]] = append(first[g[0]], objs[j])
		}
	}
	var out []*loaded
	for i, o := range objs {
		switch {
		case first[i] != nil:
			out = append(out, joinSnapshots(first[i], maxProblems))
		case !member[i]:
			out = append(out, o)
		}
	}
	return out
}

// sameObject says whether two loaded files are snapshots of one object:
// one shape, the same id column and stage column (or stages), and at
// least half of the smaller file's ids in the other.
func sameObject(a, b *loaded) bool {
	ma, mb := a.mapping, b.mapping
	if a.hist != nil || b.hist != nil || ma == nil || mb == nil || ma.Shape != mb.Shape ||
		ma.ID == "" || !strings.EqualFold(ma.ID, mb.ID) || a.ds.IDs.Len() == 0 || b.ds.IDs.Len() == 0 {
		return false
	}
	if ma.Shape == ShapeCurrentStage {
		if ma.StageColumn == "" || !strings.EqualFold(ma.StageColumn, mb.StageColumn) {
			return false
		}
	} else if len(a.ds.Stages) != len(b.ds.Stages) {
		return false
	} else {
		for k, s := range a.ds.Stages {
			if norm(s) != norm(b.ds.Stages[k]) {
				return false
			}
		}
	}
	ids := idIndex(a.ds)
	both := 0
	for j := 0; j < b.ds.IDs.Len(); j++ {
		if _, ok := ids[b.ds.IDs.At(j)]; ok {
			both++
		}
	}
	return both > 0 && both*2 >= min(len(ids), b.ds.IDs.Len())
}

// idIndex maps each non-blank id to its first record.
func idIndex(ds *model.Dataset) map[string]int {
	m := make(map[string]int, ds.IDs.Len())
	for i := 0; i < ds.IDs.Len(); i++ {
		if v := ds.IDs.At(i); v != "" {
			if _, ok := m[v]; !ok {
				m[v] = i
			}
		}
	}
	return m
}

// fileDate finds a date written in a file name (2023-04-03, 2023_04_03,
// 20230403).
var fileDate = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)`)

// snapshotDay is a snapshot's export date: from its file name when that
// carries a date, else the latest stage date in the file. how says which.
func snapshotDay(name string, ds *model.Dataset) (day int32, how string) {
	if m := fileDate.FindStringSubmatch(name); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return model.DayFromCivil(y, mo, d), "from the file name"
	}
	if _, hi, ok := ds.DayRange(); ok {
		return hi, "the latest date in the file"
	}
	return model.NoDay, "no date"
}

type snapshot struct {
	l   *loaded
	day int32
	how string
	ids map[string]int
}

// label is record j's stage value in the snapshot ("" when unknown).
func (s *snapshot) label(j int) string {
	if s.l.stageVals == nil || j >= s.l.stageVals.Codes.Len() {
		return ""
	}
	return s.l.stageVals.Value(j)
}

// joinSnapshots reads a group of snapshots of one object as a series.
func joinSnapshots(group []*loaded, maxProblems int) *loaded {
	snaps := make([]*snapshot, len(group))
	for i, l := range group {
		day, how := snapshotDay(l.ds.Load.Files[0], l.ds)
		snaps[i] = &snapshot{l: l, day: day, how: how, ids: idIndex(l.ds)}
	}
	sort.SliceStable(snaps, func(i, j int) bool { return snaps[i].day < snaps[j].day })
	base := snaps[len(snaps)-1]
	bd, bm := base.l.ds, base.l.mapping
	ld := model.LoadInfo{Summary: bd.Load.Summary}
	for _, s := range snaps {
		sl := s.l.ds.Load
		ld.Files = append(ld.Files, sl.Files...)
		ld.Read += sl.Read
		ld.Skipped += sl.Skipped
		ld.Problems = append(ld.Problems, sl.Problems...)
		ld.Decisions = append(ld.Decisions, sl.Decisions...)
		ld.Notes = append(ld.Notes, sl.Notes...)
		ld.Columns = append(ld.Columns, sl.Columns...)
		ld.Mappings = append(ld.Mappings, sl.Mappings...)
		ld.Joins = append(ld.Joins, sl.Joins...)
		ld.Unsure = ld.Unsure || sl.Unsure
		ld.UnsureWhy = append(ld.UnsureWhy, sl.UnsureWhy...)
	}
	// consecutive snapshots compared, by id and stage value
	for t := 0; t+1 < len(snaps); t++ {
		a, b := snaps[t], snaps[t+1]
		st := model.SnapshotStep{From: a.l.ds.Load.Files[0], To: b.l.ds.Load.Files[0], FromDate: model.DayString(a.day), ToDate: model.DayString(b.day)}
		for id, i := range a.ids {
			j, ok := b.ids[id]
			if !ok {
				st.Dropped++
				continue
			}
			st.Both++
			if norm(a.label(i)) != norm(b.label(j)) {
				st.Changed++
			}
		}
		st.New = len(b.ids) - st.Both
		ld.Snapshots = append(ld.Snapshots, st)
		ld.Joins = append(ld.Joins, model.JoinInfo{File: st.From, Onto: st.To, Key: a.l.mapping.ID, OntoKey: b.l.mapping.ID, Kind: "snapshot",
			Matched: st.Both, Total: len(a.ids), Rate: ratio(st.Both, len(a.ids))})
	}
	dated := datedByChanges(bd, bm, snaps)
	// records only in earlier snapshots: skipped and listed, each once (its latest row)
	dropped, droppedRows := 0, 0
	listed := map[string]bool{}
	for t := len(snaps) - 2; t >= 0; t-- {
		s := snaps[t]
		for j := 0; j < s.l.ds.Len(); j++ {
			id := s.l.ds.IDs.At(j)
			if _, ok := base.ids[id]; ok {
				continue
			}
			droppedRows++
			if listed[id] {
				continue
			}
			listed[id] = true
			dropped++
			if len(ld.Problems) < maxProblems {
				pr := model.Problem{File: s.l.ds.Load.Files[0], Field: s.l.mapping.ID, Found: id, Reason: "record of an earlier snapshot not in the latest",
					Expected: "an id of " + bd.Load.Files[0] + ", the latest snapshot"}
				if s.l.ext != nil && j < len(s.l.ext.lines) {
					pr.Line = int(s.l.ext.lines[j])
				}
				ld.Problems = append(ld.Problems, pr)
			}
		}
	}
	ld.Skipped += droppedRows
	ld.Used = ld.Read - ld.Skipped
	names := make([]string, len(snaps))
	for i, s := range snaps {
		names[i] = fmt.Sprintf("%s (%s, %s)", s.l.ds.Load.Files[0], model.DayString(s.day), s.how)
	}
	ld.Decisions = append(ld.Decisions, fmt.Sprintf("%s read as snapshots of one object (the same %s and %s columns, ids in common): "+
		"the funnel is the latest snapshot's %d records, each in its latest state; a stage a record moved to between snapshots is dated "+
		"by the later snapshot's date where the file gives none (%d dates)", strings.Join(names, ", "), bm.ID, snapshotStageCol(bm, bd), bd.Len(), dated))
	for _, st := range ld.Snapshots {
		ld.Decisions = append(ld.Decisions, fmt.Sprintf("snapshot %s → %s: %d ids in both, %d dropped, %d new, %d changed stage",
			st.FromDate, st.ToDate, st.Both, st.Dropped, st.New, st.Changed))
	}
	note := fmt.Sprintf("%d files read as snapshots of one object: the funnel is the latest, %s (%s, %d records)", len(snaps), bd.Load.Files[0], model.DayString(base.day), bd.Len())
	if dropped > 0 {
		note += fmt.Sprintf("; %d records only in earlier snapshots are not in it (listed as skipped)", dropped)
	}
	ld.Notes = append(ld.Notes, note)
	bd.Load = ld
	return &loaded{ds: bd, leadRefs: base.l.leadRefs, mapping: bm, plan: base.l.plan, header: base.l.header, ext: base.l.ext, stageVals: base.l.stageVals}
}

func snapshotStageCol(m *Mapping, ds *model.Dataset) string {
	if m.StageColumn != "" {
		return m.StageColumn
	}
	return "stage (" + strings.Join(ds.Stages, ", ") + ")"
}

// datedByChanges dates, in the latest snapshot's dataset bd, the stage each
// record moved to between two snapshots by the later one's day, where the
// record reached it and has no date for it (an outcome: its exit day). It
// returns how many dates it set.
func datedByChanges(bd *model.Dataset, bm *Mapping, snaps []*snapshot) int {
	byName := map[string]int{}
	for k, s := range bm.Stages {
		if k < len(bd.Stages) {
			byName[norm(s.Name)] = k
			for _, v := range s.Values {
				byName[norm(v)] = k
			}
		}
	}
	last := len(bd.Stages) - 1
	won, lost := normSet(bm.Won), normSet(bm.Lost, bm.Disqualified)
	if wonStageOf(bm, bd.Stages) {
		for v := range won {
			byName[v] = last
		}
	}
	dated := 0
	for i := 0; i < bd.Len(); i++ {
		id := bd.IDs.At(i)
		prev, have := "", false
		for _, s := range snaps {
			j, ok := s.ids[id]
			if !ok {
				continue
			}
			lab := norm(s.label(j))
			if have && lab != prev && s.day != model.NoDay {
				if k, ok := byName[lab]; ok && bd.Reached[i]&(1<<k) != 0 && bd.Days[k][i] == model.NoDay {
					bd.Days[k][i] = s.day
					dated++
				}
				exit := bd.Exit[i]
				if bd.ExitDay[i] == model.NoDay && (won[lab] && exit == model.ExitWon || lost[lab] && exit != model.ExitOpen && exit != model.ExitWon) {
					bd.ExitDay[i] = s.day
					dated++
				}
			}
			prev, have = lab, true
		}
	}
	if dated > 0 {
		bd.SetDayRange(dayRange(bd))
	}
	return dated
}

// dayRange scans every stage date for the first and last.
func dayRange(ds *model.Dataset) (lo, hi int32) {
	lo, hi = model.NoDay, model.NoDay
	first := true
	for _, col := range ds.Days {
		for _, v := range col {
			if v == model.NoDay {
				continue
			}
			if first || v < lo {
				lo = v
			}
			if first || v > hi {
				hi = v
			}
			first = false
		}
	}
	return lo, hi
}
