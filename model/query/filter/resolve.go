package filter

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// resolve binds a parsed term to the dataset's columns.
func (t *Term) resolve(ds *model.Dataset) string {
	col := t.Column
	switch {
	case ds.Dim(col) != nil:
		t.kind, t.dim = KindDim, ds.Dim(col)
		t.Column = t.dim.Name
		return t.resolveCodes(ds)
	case strings.EqualFold(col, ColReason) && ds.Reason != nil:
		t.kind, t.dim, t.Column = KindReason, ds.Reason, ColReason
		return t.resolveCodes(ds)
	case strings.EqualFold(col, ColCreated) || strings.EqualFold(col, "entry") || strings.EqualFold(col, "entered"):
		t.kind, t.Column = KindEntry, ColCreated
		return t.resolveDate()
	case ds.StageIndex(col) >= 0:
		t.kind, t.index = KindStageDate, ds.StageIndex(col)
		t.Column = ds.Stages[t.index]
		return t.resolveDate()
	case strings.EqualFold(col, ColExit):
		t.kind, t.Column = KindExit, ColExit
		return t.resolveExit()
	case strings.EqualFold(col, ColStage):
		t.kind, t.Column = KindStage, ColStage
		return t.resolveStage(ds)
	}
	return fmt.Sprintf("unknown column %q%s; columns are %s", col,
		Suggest(col, Columns(ds)), strings.Join(Columns(ds), ", "))
}

func (t *Term) resolveCodes(ds *model.Dataset) string {
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
			}
		}
		if !found {
			return fmt.Sprintf("no %s is %q%s", t.Column, v, Suggest(v, sortedValues(t.dim)))
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
		t.lo, t.hi = lo, model.MaxDay
	case ">":
		t.lo, t.hi = hi+1, model.MaxDay
	case "<=":
		t.lo, t.hi = model.MinDay, hi
	case "<":
		t.lo, t.hi = model.MinDay, lo-1
	}
	return ""
}

func (t *Term) resolveExit() string {
	switch t.Op {
	case "=", "!=", "in", "not in":
	default:
		return "exit is a kind (open, disqualified, lost, churned, won): use =, != or in"
	}
	exitNames := model.ExitNames()
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
			return fmt.Sprintf("no exit kind %q%s; kinds are %s", v, Suggest(v, exitNames[:]), strings.Join(exitNames[:], ", "))
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

func (t *Term) resolveStage(ds *model.Dataset) string {
	idx := make([]int, len(t.Values))
	for i, v := range t.Values {
		idx[i] = ds.StageIndex(v)
		if idx[i] < 0 {
			return fmt.Sprintf("no stage %q%s; stages are %s", v, Suggest(v, ds.Stages), strings.Join(ds.Stages, ", "))
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
		return model.DayFromCivil(y, 1, 1), model.DayFromCivil(y+1, 1, 1) - 1, true
	case 2:
		if q := strings.ToUpper(parts[1]); len(q) == 2 && q[0] == 'Q' && q[1] >= '1' && q[1] <= '4' {
			mi := y*12 + int(q[1]-'1')*3
			return model.MonthStart(mi), model.MonthStart(mi+3) - 1, true
		}
		if m, ok = num(parts[1], 1, 12); !ok {
			return 0, 0, false
		}
		mi := y*12 + m - 1
		return model.MonthStart(mi), model.MonthStart(mi+1) - 1, true
	}
	if m, ok = num(parts[1], 1, 12); !ok {
		return 0, 0, false
	}
	if d, ok = num(parts[2], 1, 31); !ok {
		return 0, 0, false
	}
	z := model.DayFromCivil(y, m, d)
	if yy, mm, _ := model.CivilFromDay(z); yy != y || mm != m {
		return 0, 0, false // 2025-02-30
	}
	return z, z, true
}
