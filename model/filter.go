package model

import (
	"fmt"
	"sort"
	"strings"
)

// Filter is a conjunction of terms, parsed by ParseFilter from expressions
// such as `channel=chat owner in (ana,ben) created>=2025-01 sql<2025-06-01`.
// The zero Filter selects everything.
type Filter struct {
	Terms []Term `json:"terms,omitempty"`
}

// Term is one condition: Column Op Values.
type Term struct {
	Column string   `json:"column"`
	Op     string   `json:"op"`
	Values []string `json:"values"`

	kind   termKind
	index  int      // dimension or stage index
	allow  []bool   // by code (dimension, reason) or by exit kind / stage
	allowU []uint8  // allow as 0/1, for branch-free matching
	lo     int32    // date range or stage index range
	hi     int32    //
	neg    bool     //
	dim    *Dim     // for dimension and reason terms
	codes  []uint32 // allowed codes, for String()
}

type termKind uint8

const (
	termDim termKind = iota
	termReason
	termEntry // entry date (first known stage date)
	termStageDate
	termExit
	termStage // deepest stage reached
)

// Column names the filter language knows besides dimensions and stage names.
const (
	ColCreated = "created"
	ColExit    = "exit"
	ColReason  = "reason"
	ColStage   = "stage"
)

// Empty is true when the filter selects everything.
func (f Filter) Empty() bool { return len(f.Terms) == 0 }

// And returns the conjunction of f and g.
func (f Filter) And(g Filter) Filter {
	return Filter{Terms: append(append([]Term(nil), f.Terms...), g.Terms...)}
}

// String writes the filter back in the expression language.
func (f Filter) String() string {
	parts := make([]string, len(f.Terms))
	for i, t := range f.Terms {
		parts[i] = t.String()
	}
	return strings.Join(parts, " ")
}

func (t Term) String() string {
	q := make([]string, len(t.Values))
	for i, v := range t.Values {
		q[i] = quoteValue(v)
	}
	if t.Op == "in" || t.Op == "not in" {
		return t.Column + " " + t.Op + " (" + strings.Join(q, ",") + ")"
	}
	return t.Column + t.Op + strings.Join(q, ",")
}

func quoteValue(v string) string {
	if v == "" || strings.ContainsAny(v, " \t,()\"=<>!") {
		return `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
	}
	return v
}

// FilterError is a filter expression that does not parse or names an
// unknown column or value.
type FilterError struct {
	Expr string `json:"expr"`
	Pos  int    `json:"pos"` // 1-based character position
	Msg  string `json:"msg"`
}

func (e *FilterError) Error() string {
	return fmt.Sprintf("filter %q, at character %d: %s", e.Expr, e.Pos, e.Msg)
}

// FilterColumns lists every column a filter may name: dimensions, created,
// each stage (its date), stage (deepest stage), exit and reason.
func FilterColumns(ds *Dataset) []string {
	out := append([]string(nil), ds.DimNames()...)
	out = append(out, ColCreated, ColStage, ColExit)
	if ds.Reason != nil {
		out = append(out, ColReason)
	}
	return append(out, ds.Stages...)
}

// Values lists a filterable column's values for completion: a dimension's
// distinct values (sorted, "" left out), the stage names, the exit kinds or
// the reasons. Unknown columns give nil.
func (d *Dataset) Values(column string) []string {
	switch {
	case d.Dim(column) != nil:
		return sortedValues(d.Dim(column))
	case strings.EqualFold(column, ColReason) && d.Reason != nil:
		return sortedValues(d.Reason)
	case strings.EqualFold(column, ColExit):
		return append([]string(nil), exitNames[:]...)
	case strings.EqualFold(column, ColStage):
		return append([]string(nil), d.Stages...)
	}
	return nil
}

func sortedValues(dm *Dim) []string {
	out := make([]string, 0, len(dm.Values))
	for _, v := range dm.Values {
		if v != "" {
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// resolve binds a parsed term to the dataset's columns.
func (t *Term) resolve(ds *Dataset) string {
	col := t.Column
	switch {
	case ds.Dim(col) != nil:
		t.kind, t.dim = termDim, ds.Dim(col)
		t.Column = t.dim.Name
		return t.resolveCodes(ds)
	case strings.EqualFold(col, ColReason) && ds.Reason != nil:
		t.kind, t.dim, t.Column = termReason, ds.Reason, ColReason
		return t.resolveCodes(ds)
	case strings.EqualFold(col, ColCreated) || strings.EqualFold(col, "entry") || strings.EqualFold(col, "entered"):
		t.kind, t.Column = termEntry, ColCreated
		return t.resolveDate()
	case ds.StageIndex(col) >= 0:
		t.kind, t.index = termStageDate, ds.StageIndex(col)
		t.Column = ds.Stages[t.index]
		return t.resolveDate()
	case strings.EqualFold(col, ColExit):
		t.kind, t.Column = termExit, ColExit
		return t.resolveExit()
	case strings.EqualFold(col, ColStage):
		t.kind, t.Column = termStage, ColStage
		return t.resolveStage(ds)
	}
	return fmt.Sprintf("unknown column %q%s; columns are %s", col,
		suggest(col, FilterColumns(ds)), strings.Join(FilterColumns(ds), ", "))
}

func (t *Term) resolveCodes(ds *Dataset) string {
	switch t.Op {
	case "=", "!=", "in", "not in":
	default:
		return fmt.Sprintf("%s is a text column: use =, !=, in (…) or not in (…), not %s", t.Column, t.Op)
	}
	t.neg = t.Op == "!=" || t.Op == "not in"
	t.allow = make([]bool, len(t.dim.Values))
	for _, v := range t.Values {
		found := false
		for c, dv := range t.dim.Values {
			if strings.EqualFold(dv, v) {
				t.allow[c], found = true, true
				t.codes = append(t.codes, uint32(c))
			}
		}
		if !found {
			return fmt.Sprintf("no %s is %q%s", t.Column, v, suggest(v, sortedValues(t.dim)))
		}
	}
	if t.neg {
		for c := range t.allow {
			t.allow[c] = !t.allow[c]
		}
	}
	return ""
}

func (t *Term) resolveDate() string {
	if len(t.Values) != 1 || t.Op == "in" || t.Op == "not in" {
		return fmt.Sprintf("%s is a date: compare it with one date (=, !=, <, <=, >, >=)", t.Column)
	}
	lo, hi, ok := parseDateRange(t.Values[0])
	if !ok {
		return fmt.Sprintf("%q is not a date: expected YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD", t.Values[0])
	}
	switch t.Op {
	case "=":
		t.lo, t.hi = lo, hi
	case "!=":
		t.lo, t.hi, t.neg = lo, hi, true
	case ">=":
		t.lo, t.hi = lo, maxDay
	case ">":
		t.lo, t.hi = hi+1, maxDay
	case "<=":
		t.lo, t.hi = minDay, hi
	case "<":
		t.lo, t.hi = minDay, lo-1
	}
	return ""
}

const (
	minDay int32 = NoDay + 1
	maxDay int32 = 1<<31 - 1
)

func (t *Term) resolveExit() string {
	switch t.Op {
	case "=", "!=", "in", "not in":
	default:
		return "exit is a kind (open, disqualified, lost, churned, won): use =, != or in"
	}
	t.allow = make([]bool, len(exitNames))
	for _, v := range t.Values {
		k := -1
		if strings.EqualFold(v, "dq") {
			v = "disqualified"
		}
		for i, n := range exitNames {
			if strings.EqualFold(n, v) || (len(v) >= 2 && strings.HasPrefix(n, strings.ToLower(v))) {
				k = i
				break
			}
		}
		if k < 0 {
			return fmt.Sprintf("no exit kind %q%s; kinds are %s", v, suggest(v, exitNames[:]), strings.Join(exitNames[:], ", "))
		}
		t.allow[k] = true
	}
	if t.Op == "!=" || t.Op == "not in" {
		for i := range t.allow {
			t.allow[i] = !t.allow[i]
		}
	}
	return ""
}

func (t *Term) resolveStage(ds *Dataset) string {
	idx := make([]int, len(t.Values))
	for i, v := range t.Values {
		idx[i] = ds.StageIndex(v)
		if idx[i] < 0 {
			return fmt.Sprintf("no stage %q%s; stages are %s", v, suggest(v, ds.Stages), strings.Join(ds.Stages, ", "))
		}
	}
	ns := len(ds.Stages)
	t.allow = make([]bool, ns+1) // index deepest+1; 0 = reached nothing
	set := func(lo, hi int) {
		for k := max(lo, 0); k <= hi && k < ns; k++ {
			t.allow[k+1] = true
		}
	}
	switch t.Op {
	case "=", "in":
		for _, k := range idx {
			set(k, k)
		}
	case "!=", "not in":
		for k := 0; k <= ns; k++ {
			t.allow[k] = true
		}
		for _, k := range idx {
			t.allow[k+1] = false
		}
	case ">=":
		set(idx[0], ns-1)
	case ">":
		set(idx[0]+1, ns-1)
	case "<=":
		t.allow[0] = true
		set(0, idx[0])
	case "<":
		t.allow[0] = true
		set(0, idx[0]-1)
	}
	if len(idx) > 1 && t.Op != "in" && t.Op != "not in" {
		return "stage compares with one stage name"
	}
	return ""
}

// parseDateRange reads YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD (also with /)
// as the inclusive range of days it covers.
func parseDateRange(s string) (lo, hi int32, ok bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "/", "-")
	var y, m, d int
	num := func(p string, lo, hi int) (int, bool) {
		if p == "" || len(p) > 4 {
			return 0, false
		}
		v := 0
		for _, c := range p {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, v >= lo && v <= hi
	}
	parts := strings.Split(s, "-")
	if len(parts) < 1 || len(parts) > 3 || len(parts[0]) != 4 {
		return 0, 0, false
	}
	if y, ok = num(parts[0], 1, 9999); !ok {
		return 0, 0, false
	}
	switch len(parts) {
	case 1:
		return DayFromCivil(y, 1, 1), DayFromCivil(y+1, 1, 1) - 1, true
	case 2:
		if q := strings.ToUpper(parts[1]); len(q) == 2 && q[0] == 'Q' && q[1] >= '1' && q[1] <= '4' {
			mi := y*12 + int(q[1]-'1')*3
			return MonthStart(mi), MonthStart(mi+3) - 1, true
		}
		if m, ok = num(parts[1], 1, 12); !ok {
			return 0, 0, false
		}
		mi := y*12 + m - 1
		return MonthStart(mi), MonthStart(mi+1) - 1, true
	}
	if m, ok = num(parts[1], 1, 12); !ok {
		return 0, 0, false
	}
	if d, ok = num(parts[2], 1, 31); !ok {
		return 0, 0, false
	}
	z := DayFromCivil(y, m, d)
	if yy, mm, _ := CivilFromDay(z); yy != y || mm != m {
		return 0, 0, false // 2025-02-30
	}
	return z, z, true
}

// suggest returns `; did you mean "x"?` for the closest candidate, or "".
func suggest(s string, cands []string) string {
	best, bestD := "", 1<<30
	ls := strings.ToLower(s)
	for _, c := range cands {
		lc := strings.ToLower(c)
		d := editDistance(ls, lc)
		if strings.HasPrefix(lc, ls) && ls != "" {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" || bestD > max(2, len(s)/3) {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
