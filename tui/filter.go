package tui

import (
	"errors"
	"slices"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// filterOps are the comparison operators of the filter language, longest first.
var filterOps = []string{"!=", ">=", "<=", "=", ">", "<", " in "}

// validateFilter checks the expression with the engine's parser, so the
// prompt shows exactly the error a query would give (position, unknown
// column or value, the closest suggestion).
func validateFilter(ds *model.Dataset, expr string) error {
	if _, err := filter.Parse(expr, ds); err != nil {
		return errors.New(widgets.Clean(err.Error()))
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
	return append(names, filter.ColCreated, filter.ColStage, filter.ColExit, filter.ColReason)
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
		prefix := name + op
		for _, v := range filter.Values(ds, name) {
			if v != "" && len(cands) < 200 {
				cands = append(cands, prefix+quoteValue(widgets.Clean(v)))
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
