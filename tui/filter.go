package tui

import (
	"fmt"
	"slices"
	"strings"

	"funnel/model"
	"funnel/tui/widgets"
)

// filterOps are the comparison operators of the filter language, longest first.
var filterOps = []string{"!=", ">=", "<=", "=", ">", "<", " in "}

// validateFilter checks that every term names a known column.
func validateFilter(ds *model.Dataset, expr string) error {
	for _, term := range splitTerms(expr) {
		name, _, ok := cutOp(term)
		if !ok {
			return fmt.Errorf("%q: expected column=value, column!=value, column>=date or column in (a,b)", term)
		}
		if ds.Dim(name) == nil && ds.StageIndex(name) < 0 && !strings.EqualFold(name, "created") {
			return fmt.Errorf("no column %q; columns: %s", widgets.Clean(name), strings.Join(columnNames(ds), ", "))
		}
	}
	return nil
}

// splitTerms splits on spaces outside parentheses.
func splitTerms(expr string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range expr + " " {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth--
		case r == ' ' && depth <= 0:
			if t := strings.TrimSpace(expr[start:i]); t != "" && !strings.EqualFold(t, "in") {
				out = append(out, t)
			} else if strings.EqualFold(t, "in") && len(out) > 0 {
				// "owner in (a,b)": glue the pieces back together
				out[len(out)-1] += " in"
			}
			start = i + 1
		}
	}
	// re-join "owner in" with its list
	var joined []string
	for _, t := range out {
		if n := len(joined); n > 0 && strings.HasSuffix(joined[n-1], " in") {
			joined[n-1] += " " + t
			continue
		}
		joined = append(joined, t)
	}
	return joined
}

func cutOp(term string) (name, op string, ok bool) {
	for _, o := range filterOps {
		if i := strings.Index(term, o); i > 0 {
			return strings.TrimSpace(term[:i]), strings.TrimSpace(o), true
		}
	}
	return "", "", false
}

func columnNames(ds *model.Dataset) []string {
	names := []string{}
	for _, d := range ds.Dims {
		names = append(names, widgets.Clean(d.Name))
	}
	for _, s := range ds.Stages {
		names = append(names, strings.ToLower(widgets.Clean(s)))
	}
	return names
}

// completions returns whole-line suggestions for what has been typed: the
// last word completes to a column name, or after "column=" to its values.
func completions(ds *model.Dataset, typed string) []string {
	head, last := "", typed
	if i := strings.LastIndexByte(typed, ' '); i >= 0 {
		head, last = typed[:i+1], typed[i+1:]
	}
	var cands []string
	if name, op, ok := cutOp(last); ok && (op == "=" || op == "!=") {
		if d := ds.Dim(name); d != nil {
			prefix := name + op
			for _, v := range d.Values {
				if v != "" && len(cands) < 200 {
					cands = append(cands, prefix+quoteValue(widgets.Clean(v)))
				}
			}
		}
	} else {
		for _, n := range columnNames(ds) {
			cands = append(cands, n+"=")
		}
	}
	slices.Sort(cands)
	out := make([]string, 0, len(cands))
	for _, c := range cands {
		if strings.HasPrefix(strings.ToLower(c), strings.ToLower(last)) {
			out = append(out, head+c)
		}
	}
	return out
}

func quoteValue(v string) string {
	if strings.ContainsAny(v, " ()") {
		return `"` + v + `"`
	}
	return v
}
