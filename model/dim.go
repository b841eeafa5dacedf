package model

// Dim is a dictionary-encoded string column: Values[Codes[i]] is record i's
// value. Code 0 is always the empty value ("").
type Dim struct {
	Name   string
	Values []string
	Codes  Codes
	index  map[string]uint32
}

// NewDim returns an empty dimension whose code 0 is "".
func NewDim(name string, capacity int) *Dim {
	return &Dim{Name: name, Values: []string{""}, Codes: Codes{u8: make([]uint8, 0, capacity)}, index: map[string]uint32{"": 0}}
}

// Intern returns the code for v, adding it to the dictionary if new.
func (d *Dim) Intern(v string) uint32 {
	if c, ok := d.index[v]; ok {
		return c
	}
	if d.index == nil {
		d.index = make(map[string]uint32, len(d.Values))
		for i, s := range d.Values {
			d.index[s] = uint32(i)
		}
		if c, ok := d.index[v]; ok {
			return c
		}
	}
	c := uint32(len(d.Values))
	d.Values = append(d.Values, v)
	d.index[v] = c
	return c
}

// Append interns v and appends its code as the next record.
func (d *Dim) Append(v string) { d.Codes.Append(d.Intern(v)) }

// Value returns record i's value.
func (d *Dim) Value(i int) string { return d.Values[d.Codes.At(i)] }

// Code returns the code of v and whether it is in the dictionary.
func (d *Dim) Code(v string) (uint32, bool) {
	if d.index == nil {
		for i, s := range d.Values {
			if s == v {
				return uint32(i), true
			}
		}
		return 0, false
	}
	c, ok := d.index[v]
	return c, ok
}

// Cardinality is the number of distinct values, "" included.
func (d *Dim) Cardinality() int { return len(d.Values) }

// Strings is an append-only arena of strings: one byte slice and end offsets,
// so a million ids cost one allocation rather than a million.
type Strings struct {
	data []byte
	ends []uint32
}

// StringsFrom wraps concatenated string bytes and their end offsets (as a
// loader builds them) without copying.
func StringsFrom(data []byte, ends []uint32) Strings { return Strings{data: data, ends: ends} }

// Append adds s.
func (s *Strings) Append(v string) {
	s.data = append(s.data, v...)
	s.ends = append(s.ends, uint32(len(s.data)))
}

// At returns the i-th string.
func (s *Strings) At(i int) string {
	start := uint32(0)
	if i > 0 {
		start = s.ends[i-1]
	}
	return string(s.data[start:s.ends[i]])
}

// Len is the number of strings.
func (s *Strings) Len() int { return len(s.ends) }

// Bytes is the memory the arena holds.
func (s *Strings) Bytes() int { return cap(s.data) + 4*cap(s.ends) }

// Freeze drops the lookup map built while loading; Code still works (by a
// linear scan) and the memory goes back to the heap.
func (d *Dim) Freeze() { d.index = nil }
