package loaders

import (
	"fmt"
	"slices"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// loaded is one file's dataset plus what a join needs.
type loaded struct {
	ds        *model.Dataset
	leadRefs  *model.Strings
	mapping   *Mapping
	plan      *plan
	header    []string
	ext       *recExtra    // per-record lines and key values (joins)
	hist      *histBuilder // a stage-change log's rows (joins)
	stageVals *model.Dim   // each record's current-stage value (snapshots compare them)
	rest      *Deferred    // the dimension columns left for later (LoadDeferred)
}

// keyCol is one column of a loaded file that may join it to another: its
// header and its values per record (lower-cased when case does not matter).
type keyCol struct {
	name string
	vals []string
	fold bool
	// null is a value repeated on most rows that matches nothing in the
	// other file (000000000000000AAA): a null id, not a key.
	null string
	id   bool // the file's record id
}

// keyCols lists a loaded file's candidate join columns.
func (l *loaded) keyCols() []*keyCol {
	var out []*keyCol
	if l.hist != nil {
		ids := make([]string, l.ds.IDs.Len())
		for i := range ids {
			ids[i] = l.ds.IDs.At(i)
		}
		return []*keyCol{{name: l.mapping.ID, vals: ids, id: true}}
	}
	if l.ext == nil || l.ext.keys == nil {
		return nil
	}
	for k, c := range l.plan.keyCols {
		s := l.ext.keys[k].strings()
		vals := make([]string, s.Len())
		fold := l.plan.fold[c]
		for i := range vals {
			vals[i] = s.At(i)
			if fold {
				vals[i] = strings.ToLower(vals[i])
			}
		}
		out = append(out, &keyCol{name: l.header[c], vals: vals, fold: fold, id: c == l.plan.id})
	}
	return out
}

// splitRefs cuts a multi-valued cell ("101;102") into values.
func splitRefs(v string) []string {
	if !strings.ContainsAny(v, ";, ") {
		if v == "" {
			return nil
		}
		return []string{v}
	}
	return strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == ',' || r == ' ' })
}

// valueSet is the distinct values of a column, with how many records hold each.
func valueSet(c *keyCol) map[string]int {
	m := map[string]int{}
	for _, v := range c.vals {
		for _, x := range splitRefs(v) {
			m[x]++
		}
	}
	return m
}

// nullSentinel returns the value of c that fills most of its records and
// is not in other: a null id written as a value.
func nullSentinel(c *keyCol, set, other map[string]int) string {
	for v, n := range set {
		if n*2 > len(c.vals) && n >= 3 && other[v] == 0 {
			return v
		}
	}
	return ""
}

// keyMatch is a chosen join: columns a (in the first file) and b (in the
// second) and how many distinct values they share.
type keyMatch struct {
	a, b    *keyCol
	overlap int
	nullA   string
	nullB   string
}

// unique says whether a column's values (bar the null id) name one
// record each, as a key must on at least one side of a join.
func unique(c *keyCol, set map[string]int, null string) bool {
	n, d := 0, 0
	for v, k := range set {
		if v != null {
			n += k
			d++
		}
	}
	return n > 0 && d*10 >= n*9
}

// findKey picks the pair of columns whose values overlap most, ignoring
// null sentinels, where one side names one record per value; a file's
// record id wins a tie. Overlap 0 when none do.
func findKey(as, bs []*keyCol) keyMatch {
	var best keyMatch
	bestScore := 0.0
	setsB := make([]map[string]int, len(bs))
	for j, b := range bs {
		setsB[j] = valueSet(b)
	}
	for _, a := range as {
		sa := valueSet(a)
		for j, b := range bs {
			if a.fold != b.fold {
				continue
			}
			sb := setsB[j]
			na, nb := nullSentinel(a, sa, sb), nullSentinel(b, sb, sa)
			n := 0
			small, large := sa, sb
			if len(sb) < len(sa) {
				small, large = sb, sa
			}
			for v := range small {
				if v != na && v != nb && large[v] > 0 {
					n++
				}
			}
			if n == 0 || !unique(a, sa, na) && !unique(b, sb, nb) {
				continue
			}
			score := float64(n)
			if a.id || b.id {
				score += 0.5
			}
			if score > bestScore {
				best, bestScore = keyMatch{a: a, b: b, overlap: n, nullA: na, nullB: nb}, score
			}
		}
	}
	return best
}

// nullNote says which null ids were ignored.
func (k keyMatch) nullNote() string {
	var parts []string
	if k.nullA != "" {
		parts = append(parts, fmt.Sprintf("%q in %s", k.nullA, k.a.name))
	}
	if k.nullB != "" {
		parts = append(parts, fmt.Sprintf("%q in %s", k.nullB, k.b.name))
	}
	if len(parts) == 0 {
		return ""
	}
	return "; null ids ignored: " + strings.Join(parts, ", ")
}

// enrich joins a stage-change log onto the object file whose records it
// logs: each matched record takes the stages the log says it reached and
// their first dates; the object file's outcome stands. Log records that
// match no object are skipped and listed with their line and id.
func enrich(obj, log *loaded, maxProblems int) (*loaded, bool) {
	km := findKey(obj.keyCols(), log.keyCols())
	if km.overlap == 0 {
		return nil, false
	}
	od, hd := obj.ds, log.ds
	oname, hname := od.Load.Files[0], hd.Load.Files[0]
	idx := map[string]int{}
	for i, v := range km.a.vals {
		for _, x := range splitRefs(v) {
			if _, ok := idx[x]; !ok && x != km.nullA {
				idx[x] = i
			}
		}
	}
	// log stage → object stage, by name or the object's stage values
	byName := map[string]int{}
	for k, s := range od.Stages {
		byName[norm(s)] = k
	}
	for k, s := range obj.mapping.Stages {
		for _, v := range s.Values {
			if k < len(od.Stages) {
				byName[norm(v)] = k
			}
		}
	}
	lastO, lastH := len(od.Stages)-1, len(hd.Stages)-1
	wonO, wonH := wonStageOf(obj.mapping, od.Stages), wonStageOf(log.mapping, hd.Stages)
	to := make([]int, len(hd.Stages))
	var dropped []string
	for k, s := range hd.Stages {
		o, ok := byName[norm(s)]
		switch {
		case k == lastH && wonH && wonO:
			to[k] = lastO
		case ok:
			to[k] = o
		default:
			to[k] = -1
			dropped = append(dropped, s)
		}
	}
	seen := make([]bool, od.Len())
	matched, skippedRows := 0, 0
	var problems []model.Problem
	for r := 0; r < hd.Len(); r++ {
		i, ok := idx[hd.IDs.At(r)]
		if !ok {
			skippedRows += int(log.hist.rows[r])
			if len(problems) < maxProblems {
				problems = append(problems, model.Problem{File: hname, Line: int(log.hist.lines[r]), Field: km.b.name, Found: hd.IDs.At(r),
					Expected: fmt.Sprintf("an id of %s (column %s)", oname, km.a.name), Reason: "stage history of a record not in the object file"})
			}
			continue
		}
		matched++
		seen[i] = true
		if od.StageUnknown != nil && (hd.StageUnknown == nil || !hd.StageUnknown[r]) {
			od.StageUnknown[i] = false // the log says where it got to
		}
		for k, o := range to {
			if o < 0 || hd.Reached[r]&(1<<k) == 0 {
				continue
			}
			if o == lastO && wonO && od.Exit[i] != model.ExitWon {
				continue // the object file's outcome stands
			}
			od.Reached[i] |= 1 << o
			if d := hd.Days[k][r]; d != model.NoDay && (od.Days[o][i] == model.NoDay || d < od.Days[o][i]) {
				od.Days[o][i] = d
			}
		}
		if od.Exit[i] == model.ExitWon && od.ExitDay[i] == model.NoDay && wonO {
			od.ExitDay[i] = od.Days[lastO][i]
		}
	}
	covered := 0
	for _, s := range seen {
		if s {
			covered++
		}
	}
	ld := &od.Load
	ld.Files = append(ld.Files, hd.Load.Files...)
	ld.Read += hd.Load.Read
	ld.Used += hd.Load.Used - skippedRows
	ld.Skipped += hd.Load.Skipped + skippedRows
	ld.Problems = append(append(ld.Problems, hd.Load.Problems...), problems...)
	ld.Decisions = append(ld.Decisions, hd.Load.Decisions...)
	ld.Columns = append(ld.Columns, hd.Load.Columns...)
	ld.Mappings = append(ld.Mappings, hd.Load.Mappings...)
	ld.Decisions = append(ld.Decisions, fmt.Sprintf("joined %s (stage history) to %s by %s = %s: %d of %d logged records matched (%.1f%%), %d of %d records have history (%.1f%%); stage dates and stages reached read from the log, the outcome from %s%s",
		hname, oname, km.b.name, km.a.name, matched, hd.Len(), pct(matched, hd.Len()), covered, od.Len(), pct(covered, od.Len()), oname, km.nullNote()))
	if len(dropped) > 0 {
		ld.Decisions = append(ld.Decisions, fmt.Sprintf("%s: stages %s are not stages of %s; their rows are not used", hname, quoteList(dropped), oname))
	}
	ld.Joins = append(ld.Joins, model.JoinInfo{File: hname, Onto: oname, Key: km.b.name, OntoKey: km.a.name, Kind: "stage history",
		Matched: matched, Total: hd.Len(), Rate: ratio(matched, hd.Len())})
	if covered == od.Len() {
		od.DatesInferred = false
	}
	if od.StageUnknown != nil && !slices.Contains(od.StageUnknown, true) {
		od.StageUnknown = nil
	}
	return obj, true
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
