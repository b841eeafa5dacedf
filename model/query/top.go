package query

import "sort"

// Top ranks the result's groups by records, most first (ties by key), and
// keeps the first n (n <= 0: 10). The others are summed into rest, keyed
// OtherGroup (records, no-stage and per stage reached, marked, implied and
// exits; conversions recomputed; no reasons or trend); merged is how many
// groups it holds (0 and a nil rest when none).
func (r *Result) Top(n int) (top []Slice, rest *Slice, merged int) {
	if n <= 0 {
		n = 10
	}
	groups := append([]Slice(nil), r.Groups...)
	sort.SliceStable(groups, func(a, b int) bool {
		if groups[a].Records != groups[b].Records {
			return groups[a].Records > groups[b].Records
		}
		return groups[a].Key < groups[b].Key
	})
	if len(groups) <= n {
		return groups, nil, 0
	}
	s := Slice{Key: OtherGroup, Stages: make([]StageStats, len(r.Stages))}
	for k, name := range r.Stages {
		s.Stages[k].Name = name
	}
	for _, g := range groups[n:] {
		s.Records += g.Records
		s.NoStage += g.NoStage
		for k, st := range g.Stages {
			sum := &s.Stages[k]
			sum.Reached += st.Reached
			sum.Marked += st.Marked
			sum.Implied += st.Implied
			sum.Unknown += st.Unknown
			l := &sum.Left
			l.Open, l.Disqualified, l.Lost = l.Open+st.Left.Open, l.Disqualified+st.Left.Disqualified, l.Lost+st.Left.Lost
			l.Churned, l.Won = l.Churned+st.Left.Churned, l.Won+st.Left.Won
		}
	}
	stepsOf(s.Stages)
	return groups[:n], &s, len(groups) - n
}
