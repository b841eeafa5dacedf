package query

import (
	"fmt"
	"math/bits"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// referenceFunnel counts every stage and its monthly entries in one plain
// pass, independently of the engine: the cross-check of Compute.
func referenceFunnel(ds *model.Dataset, opt FunnelOptions) Funnel {
	ns := len(ds.Stages)
	f := Funnel{Records: ds.Len(), Stages: make([]StageCount, ns)}
	deepest := make([]int, ns+1) // index deepest+1 (0 = reached nothing)
	explicit := make([]int, ns)
	for _, mask := range ds.Reached {
		deepest[bits.Len16(mask)]++
		for m := mask; m != 0; m &= m - 1 {
			explicit[bits.TrailingZeros16(m)]++
		}
	}
	run := 0
	for k := ns - 1; k >= 0; k-- {
		run += deepest[k+1]
		f.Stages[k] = StageCount{Name: ds.Stages[k], Reached: run, Implied: run - explicit[k]}
	}
	for k := range f.Stages {
		s := &f.Stages[k]
		s.ConversionFromPrevious, s.ConversionFromTop = 1, 1
		if k > 0 {
			s.ConversionFromPrevious = stats.Ratio(s.Reached, f.Stages[k-1].Reached)
			s.ConversionFromTop = stats.Ratio(s.Reached, f.Stages[0].Reached)
			if explicit[k] > explicit[k-1] {
				f.Warnings = append(f.Warnings, fmt.Sprintf(
					"%d records are marked %s but only %d %s: stage order or data may be off",
					explicit[k], ds.Stages[k], explicit[k-1], ds.Stages[k-1]))
			}
		}
	}
	if !ds.HasDates {
		return f
	}
	asOf := opt.AsOf
	if asOf == model.NoDay {
		_, hi, ok := ds.DayRange()
		if !ok {
			return f
		}
		asOf = hi
	}
	months := opt.Months
	if months <= 0 {
		months = 12
	}
	f.AsOf = model.DayString(asOf)
	last := model.MonthIndex(asOf)
	first := last - months + 1
	for mi := first; mi <= last; mi++ {
		f.Months = append(f.Months, model.MonthLabel(mi))
	}
	lo, hi := model.MonthStart(first), asOf
	idx := monthTable(lo, hi)
	for k, col := range ds.Days {
		counts := make([]int, months)
		for _, d := range col {
			if d >= lo && d <= hi {
				counts[idx[d-lo]]++
			}
		}
		f.Stages[k].Monthly = counts
	}
	return f
}

// monthTable maps day-lo to the month offset from lo's month.
func monthTable(lo, hi int32) []uint16 {
	t := make([]uint16, hi-lo+1)
	base := model.MonthIndex(lo)
	for d := lo; d <= hi; d++ {
		t[d-lo] = uint16(model.MonthIndex(d) - base)
	}
	return t
}
