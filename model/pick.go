package model

// Pick returns a new dataset holding the given records of d, in that order
// (rows are d's record indexes). Dictionaries are shared with d; every
// column is copied, so the copy may be changed without touching d.
func (d *Dataset) Pick(rows []int32) *Dataset {
	out := *d
	out.Days = make([][]int32, len(d.Days))
	for k, col := range d.Days {
		out.Days[k] = pick(col, rows)
	}
	out.Reached = pick(d.Reached, rows)
	out.Exit = pick(d.Exit, rows)
	out.ExitDay = pick(d.ExitDay, rows)
	out.Amount = pick(d.Amount, rows)
	out.Probability = pick(d.Probability, rows)
	out.TermMonths = pick(d.TermMonths, rows)
	out.StageUnknown = pick(d.StageUnknown, rows)
	out.Dims = make([]*Dim, len(d.Dims))
	for j, dm := range d.Dims {
		out.Dims[j] = dm.Pick(rows)
	}
	out.Reason = d.Reason.Pick(rows)
	out.Currencies = d.Currencies.Pick(rows)
	out.IDs, out.Emails = d.IDs.Pick(rows), d.Emails.Pick(rows)
	return &out
}

func pick[T any](col []T, rows []int32) []T {
	if col == nil {
		return nil
	}
	out := make([]T, len(rows))
	for j, i := range rows {
		out[j] = col[i]
	}
	return out
}

// Pick copies the given strings of the arena into a new one, sized once.
func (s *Strings) Pick(rows []int32) Strings {
	if s.Len() == 0 {
		return Strings{}
	}
	span := func(i int32) (uint32, uint32) {
		if i == 0 {
			return 0, s.ends[0]
		}
		return s.ends[i-1], s.ends[i]
	}
	n := 0
	for _, i := range rows {
		a, b := span(i)
		n += int(b - a)
	}
	out := Strings{data: make([]byte, 0, n), ends: make([]uint32, 0, len(rows))}
	for _, i := range rows {
		a, b := span(i)
		out.data = append(out.data, s.data[a:b]...)
		out.ends = append(out.ends, uint32(len(out.data)))
	}
	return out
}

// Pick returns the dimension of the given records: the same dictionary
// (shared, frozen), the codes copied. nil for a nil dimension.
func (d *Dim) Pick(rows []int32) *Dim {
	if d == nil {
		return nil
	}
	return &Dim{Name: d.Name, Values: d.Values, Codes: PickCodes(d.Codes, rows)}
}
