package filter

import "github.com/funnel-cli/funnel/model"

// ParseEach parses expressions given one by one (repeated --where flags)
// as one filter. Every term must hold, except that column=value terms on
// one column given in separate expressions are alternatives, as if written
// column in (value1,value2): `--where channel=chat --where channel=email`
// keeps both channels. An error is the *Error of the expression at fault.
func ParseEach(exprs []string, ds *model.Dataset) (Filter, error) {
	var all []Term
	for _, e := range exprs {
		f, err := Parse(e, ds)
		if err != nil {
			return Filter{}, err
		}
		all = append(all, f.Terms...)
	}
	// Equal terms on one column, by column: merged into the first when
	// they come from more than one term.
	eq := map[string][]int{}
	for i, t := range all {
		if t.Op == "=" && len(t.Values) == 1 && t.kind != KindEntry && t.kind != KindStageDate {
			eq[t.Column] = append(eq[t.Column], i)
		}
	}
	merged := false
	var terms []Term
	for i, t := range all {
		if at := eq[t.Column]; len(at) > 1 && t.Op == "=" && len(t.Values) == 1 {
			if at[0] != i {
				continue
			}
			in := Term{Column: t.Column, Op: "in"}
			for _, j := range at {
				in.Values = append(in.Values, all[j].Values[0])
			}
			t, merged = in, true
		}
		terms = append(terms, t)
	}
	f := Filter{Terms: terms}
	if !merged {
		return f, nil
	}
	return Parse(f.String(), ds) // resolves the merged terms
}
