package loaders

import (
	"bytes"
	"sort"
	"strconv"
)

// rowProb reads a probability field as percent (-1 when blank or unreadable).
func rowProb(v []byte, frac bool) float32 {
	v = bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(v), []byte("%")))
	if isNull(v) {
		return -1
	}
	x, err := strconv.ParseFloat(string(v), 64)
	if err != nil {
		return -1
	}
	if frac {
		x *= 100
	}
	return float32(x)
}

// orderStages orders a log's stage values (not its exits) when no known
// CRM order fits: by the log's probability column (lowest first) when
// every stage has one, else by the order records first reach them
// (each pair of stages ranked by how many records reach one before the
// other), else by how many records reach each. It says which it used.
func (b *histBuilder) orderStages(names []string, reach map[string]int) string {
	code := map[string]int{}
	for c, v := range b.stage.d.Values {
		code[norm(v)] = c
	}
	if b.prob != nil {
		sum, cnt := map[string]float64{}, map[string]int{}
		for i, c := range b.stage.codes {
			if pr := b.prob[i]; pr >= 0 {
				v := norm(b.stage.d.Values[c])
				sum[v] += float64(pr)
				cnt[v]++
			}
		}
		all := true
		for _, s := range names {
			all = all && cnt[norm(s)] > 0
		}
		if all {
			sort.SliceStable(names, func(i, j int) bool {
				a, c := norm(names[i]), norm(names[j])
				return sum[a]/float64(cnt[a]) < sum[c]/float64(cnt[c])
			})
			return "the " + b.p.header[b.p.prob] + " column (lowest first)"
		}
	}
	// First-reach order per record, in time order.
	pos := map[string]int{}
	for k, s := range names {
		pos[norm(s)] = k
	}
	n := len(names)
	before := make([][]int, n) // before[a][b]: records reaching a before b
	for i := range before {
		before[i] = make([]int, n)
	}
	order := make([]int, len(b.rec))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		a, c := order[x], order[y]
		if b.rec[a] != b.rec[c] {
			return b.rec[a] < b.rec[c]
		}
		if b.ts.vals[a] != b.ts.vals[c] {
			return b.ts.vals[a] < b.ts.vals[c]
		}
		return b.secs[a] < b.secs[c]
	})
	pairs := 0
	for i := 0; i < len(order); {
		r := b.rec[order[i]]
		var seen []int
		got := map[int]bool{}
		for ; i < len(order) && b.rec[order[i]] == r; i++ {
			k, ok := pos[norm(b.stage.d.Values[b.stage.codes[order[i]]])]
			if ok && !got[k] {
				got[k] = true
				for _, e := range seen {
					before[e][k]++
					pairs++
				}
				seen = append(seen, k)
			}
		}
	}
	if pairs > 0 {
		score := make([]float64, n)
		for a := 0; a < n; a++ {
			for c := 0; c < n; c++ {
				switch {
				case before[a][c] > before[c][a]:
					score[a]++
				case before[a][c] == before[c][a] && a != c:
					score[a] += 0.5
				}
			}
		}
		idx := make([]int, n)
		for i := range idx {
			idx[i] = pos[norm(names[i])]
		}
		sorted := append([]string(nil), names...)
		sort.SliceStable(sorted, func(i, j int) bool {
			si, sj := score[pos[norm(sorted[i])]], score[pos[norm(sorted[j])]]
			if si != sj {
				return si > sj
			}
			return reach[norm(sorted[i])] > reach[norm(sorted[j])]
		})
		copy(names, sorted)
		return "the order records move through them in the log"
	}
	sort.SliceStable(names, func(i, j int) bool { return reach[norm(names[i])] > reach[norm(names[j])] })
	return "how many records reach each stage"
}
