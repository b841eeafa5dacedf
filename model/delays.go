package model

// Delays is a histogram of whole-day delays between two stages: quantiles
// come from counts, with no list of delays to sort (a million records
// have a few hundred distinct delays).
type Delays struct {
	counts []int // counts[d] records took d days
	n      int
}

// StepDelays counts, over the records where both days are known and to is
// not before from (and, unless asOf is NoDay, to is on or before asOf),
// the days from from to to.
func StepDelays(from, to []int32, asOf int32) Delays {
	var d Delays
	for i, b := range to {
		a := from[i]
		if a == NoDay || b == NoDay || b < a || (asOf != NoDay && b > asOf) {
			continue
		}
		d.Add(b - a)
	}
	return d
}

// Len is how many delays were counted.
func (d Delays) Len() int { return d.n }

// At returns the i-th smallest delay (0-based, i < Len).
func (d Delays) At(i int) int32 {
	for x, c := range d.counts {
		if i < c {
			return int32(x)
		}
		i -= c
	}
	return int32(len(d.counts) - 1)
}

// Add counts one delay (d ≥ 0).
func (d *Delays) Add(x int32) {
	if int(x) >= len(d.counts) {
		d.counts = append(d.counts, make([]int, int(x)+1-len(d.counts)+len(d.counts)/2)...)
	}
	d.counts[x]++
	d.n++
}

// Merge adds o's delays.
func (d *Delays) Merge(o Delays) {
	if len(o.counts) > len(d.counts) {
		d.counts = append(d.counts, make([]int, len(o.counts)-len(d.counts))...)
	}
	for x, c := range o.counts {
		d.counts[x] += c
	}
	d.n += o.n
}
