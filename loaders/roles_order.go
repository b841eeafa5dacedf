package loaders

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// orderUnknown orders stage values of no known CRM: by a sort-order
// column, else a probability column, else by how many records are at each.
func (in *inference) orderUnknown(c int, open []string) {
	m := in.m
	rank := map[string]float64{}
	if so := in.sortOrderCol(); so >= 0 {
		rank = in.meanBy(c, so)
		in.order = "order from " + in.header[so]
		in.set(so, "stage order", 0.9)
	} else if m.Probability != "" && in.dependsOnStage(in.colIndex(m.Probability)) >= 0.8 {
		rank = in.meanBy(c, in.colIndex(m.Probability))
		in.order = "order from " + m.Probability + ", lowest first"
	} else if dated := in.datedRank(c, open); dated != nil {
		rank = dated
		in.order = "order from the stage dates each stage's records have"
	} else {
		for _, vc := range in.cols[c].values() {
			rank[vc.Value] = -float64(vc.Count)
		}
		in.order = "the file gives no order: ordered by how many records are at each stage, most first; set the order in a mapping if it is wrong"
		if len(open) > 1 {
			in.unsure = append(in.unsure, "stage order guessed from counts")
		}
	}
	sort.SliceStable(open, func(i, j int) bool { return rank[open[i]] < rank[open[j]] })
	for _, o := range open {
		m.Stages = append(m.Stages, StageMap{Name: o})
	}
	if len(open) == 0 {
		m.Stages = append(m.Stages, StageMap{Name: in.topName()})
	}
}

func (in *inference) colIndex(h string) int {
	for i, x := range in.header {
		if x == h {
			return i
		}
	}
	return -1
}

// meanBy averages numeric column n per value of column c in the sample.
func (in *inference) meanBy(c, n int) map[string]float64 {
	sum, cnt := map[string]float64{}, map[string]int{}
	for _, r := range in.rows {
		v := string(trimB(r[c]))
		x, err := strconv.ParseFloat(strings.TrimSuffix(string(trimB(r[n])), "%"), 64)
		if v == "" || err != nil {
			continue
		}
		sum[v] += x
		cnt[v]++
	}
	out := map[string]float64{}
	for v, s := range sum {
		out[v] = math.Round(s/float64(cnt[v])*1e6) / 1e6 // equal values tie (then count order)
	}
	return out
}

// attachStageDates gives each stage the date column named after it
// ("engage_date" dates "Engaging"); stages before the first one with
// records or a date are dropped when the file dates its stages.
func (in *inference) attachStageDates() {
	m := in.m
	dated := false
	for _, c := range in.cols {
		if !isDate(c) || in.taken(c.Index) {
			continue
		}
		w := dateStage(c)
		if len(w) == 0 {
			continue
		}
		for k := range m.Stages {
			if m.Stages[k].Date == "" && in.stageMatches(m.Stages[k], w) {
				m.Stages[k].Date = c.Name
				in.set(c.Index, "date of stage "+m.Stages[k].Name, 0.7)
				dated = true
				break
			}
		}
	}
	if !dated || in.stage < 0 {
		return
	}
	// Leading stages nobody is at and nothing dates are not part of this funnel.
	col := in.cols[in.stage]
	for len(m.Stages) > 1 && m.Stages[0].Date == "" && in.stageCount(col, m.Stages[0]) == 0 {
		m.Stages = m.Stages[1:]
	}
}

func (in *inference) stageCount(col *ColumnProfile, s StageMap) int {
	n := 0
	for v, k := range col.counts {
		if norm(v) == norm(s.Name) {
			n += k
			continue
		}
		for _, x := range s.Values {
			if norm(x) == norm(v) {
				n += k
			}
		}
	}
	return n
}

// stageMatches says whether a date column's stage words name stage s.
func (in *inference) stageMatches(s StageMap, w []string) bool {
	name := strings.Join(w, " ")
	cands := append([]string{s.Name}, s.Values...)
	for _, x := range cands {
		if norm(x) == norm(name) || stemEq(x, name) && len(w) == 1 {
			return true
		}
		for _, v := range vocabs {
			if k := v.stageIndex(name); k >= 0 && norm(v.stages[k]) == norm(x) {
				return true
			}
		}
	}
	return false
}

// datedRank orders stage values by the stage-date columns their records
// fill: where "engage_date" dates "Engaging", records at Prospecting lack
// it and records at Engaging have it, so Prospecting comes first. Values
// filling the same dates keep their count order. nil when no date column
// dates one of the values.
func (in *inference) datedRank(c int, open []string) map[string]float64 {
	var dcols []int
	for _, col := range in.cols {
		if !isDate(col) || in.taken(col.Index) {
			continue
		}
		w := dateStage(col)
		for _, v := range open {
			if len(w) > 0 && in.stageMatches(StageMap{Name: v}, w) {
				dcols = append(dcols, col.Index)
				break
			}
		}
	}
	if len(dcols) == 0 {
		return nil
	}
	filled, rows := map[string]float64{}, map[string]float64{}
	for _, r := range in.rows {
		v := string(trimB(r[c]))
		rows[v]++
		for _, d := range dcols {
			if !isNull(r[d]) {
				filled[v]++
			}
		}
	}
	rank := map[string]float64{}
	for _, vc := range in.cols[c].values() {
		if rows[vc.Value] > 0 {
			rank[vc.Value] = filled[vc.Value]/rows[vc.Value] - float64(vc.Count)*1e-9
		}
	}
	return rank
}

func containsNorm(list []string, v string) bool {
	for _, x := range list {
		if norm(x) == norm(v) {
			return true
		}
	}
	return false
}
