package model

// Codes is a column of dictionary codes kept at the narrowest width its
// values need: one byte a record while every code is below 256, two below
// 65,536, four beyond. A channel or owner column then costs a byte a lead,
// not four. The zero Codes is empty and one byte wide.
type Codes struct {
	u8  []uint8
	u16 []uint16
	u32 []uint32
}

// CodesOf packs c at the narrowest width that holds codes below card (the
// dictionary size); c is not kept.
func CodesOf(c []uint32, card int) Codes {
	var out Codes
	switch {
	case card <= 1<<8:
		out.u8 = make([]uint8, len(c))
		for i, v := range c {
			out.u8[i] = uint8(v)
		}
	case card <= 1<<16:
		out.u16 = make([]uint16, len(c))
		for i, v := range c {
			out.u16[i] = uint16(v)
		}
	default:
		out.u32 = append([]uint32(nil), c...)
	}
	return out
}

// MakeCodes returns n zero codes wide enough for a dictionary of card values.
func MakeCodes(n, card int) Codes {
	var out Codes
	switch {
	case card <= 1<<8:
		out.u8 = make([]uint8, n)
	case card <= 1<<16:
		out.u16 = make([]uint16, n)
	default:
		out.u32 = make([]uint32, n)
	}
	return out
}

// Len is the number of records.
func (c Codes) Len() int { return len(c.u8) + len(c.u16) + len(c.u32) }

// Width is the bytes a record takes (1, 2 or 4).
func (c Codes) Width() int {
	switch {
	case c.u32 != nil:
		return 4
	case c.u16 != nil:
		return 2
	}
	return 1
}

// At returns record i's code.
func (c Codes) At(i int) uint32 {
	switch {
	case c.u8 != nil:
		return uint32(c.u8[i])
	case c.u16 != nil:
		return uint32(c.u16[i])
	}
	return c.u32[i]
}

// Set sets record i's code, widening the column if v needs it.
func (c *Codes) Set(i int, v uint32) {
	c.fit(v)
	switch {
	case c.u32 != nil:
		c.u32[i] = v
	case c.u16 != nil:
		c.u16[i] = uint16(v)
	default:
		c.u8[i] = uint8(v)
	}
}

// Append adds a record, widening the column if v needs it.
func (c *Codes) Append(v uint32) {
	c.fit(v)
	switch {
	case c.u32 != nil:
		c.u32 = append(c.u32, v)
	case c.u16 != nil:
		c.u16 = append(c.u16, uint16(v))
	default:
		c.u8 = append(c.u8, uint8(v))
	}
}

// fit widens the column so that it can hold v.
func (c *Codes) fit(v uint32) {
	switch {
	case v >= 1<<16 && c.u32 == nil:
		c.u32 = c.Uint32()
		c.u8, c.u16 = nil, nil
	case v >= 1<<8 && c.u16 == nil && c.u32 == nil: // one byte wide (or empty)
		w := make([]uint16, len(c.u8), max(cap(c.u8), 8))
		for i, x := range c.u8 {
			w[i] = uint16(x)
		}
		c.u8, c.u16 = nil, w
	}
}

// Uint32 returns the codes widened to four bytes (a copy).
func (c Codes) Uint32() []uint32 {
	out := make([]uint32, c.Len())
	c.Read(0, out)
	return out
}

// Read widens the codes of records lo, lo+1, … into dst.
func (c Codes) Read(lo int, dst []uint32) {
	switch {
	case c.u8 != nil:
		for j, v := range c.u8[lo : lo+len(dst)] {
			dst[j] = uint32(v)
		}
	case c.u16 != nil:
		for j, v := range c.u16[lo : lo+len(dst)] {
			dst[j] = uint32(v)
		}
	default:
		copy(dst, c.u32[lo:lo+len(dst)])
	}
}

// PickCodes returns the codes of the given records, at the same width.
func PickCodes[I int | int32](c Codes, rows []I) Codes {
	var out Codes
	switch {
	case c.u32 != nil:
		out.u32 = make([]uint32, len(rows))
		for j, i := range rows {
			out.u32[j] = c.u32[i]
		}
	case c.u16 != nil:
		out.u16 = make([]uint16, len(rows))
		for j, i := range rows {
			out.u16[j] = c.u16[i]
		}
	default:
		out.u8 = make([]uint8, len(rows))
		for j, i := range rows {
			out.u8[j] = c.u8[i]
		}
	}
	return out
}

// Clone returns a copy.
func (c Codes) Clone() Codes {
	return Codes{u8: append([]uint8(nil), c.u8...), u16: append([]uint16(nil), c.u16...), u32: append([]uint32(nil), c.u32...)}
}

// Lookup sets dst[j] = table[code of record lo+j], specialised per width:
// the inner loop of breakdowns and filters.
func Lookup[T any](c Codes, lo int, table []T, dst []T) {
	switch {
	case c.u8 != nil:
		for j, v := range c.u8[lo : lo+len(dst)] {
			dst[j] = table[v]
		}
	case c.u16 != nil:
		for j, v := range c.u16[lo : lo+len(dst)] {
			dst[j] = table[v]
		}
	default:
		for j, v := range c.u32[lo : lo+len(dst)] {
			dst[j] = table[v]
		}
	}
}

// Histogram counts the records of each code into counts (len ≥ dictionary size).
func (c Codes) Histogram(counts []int) {
	switch {
	case c.u8 != nil:
		for _, v := range c.u8 {
			counts[v]++
		}
	case c.u16 != nil:
		for _, v := range c.u16 {
			counts[v]++
		}
	default:
		for _, v := range c.u32 {
			counts[v]++
		}
	}
}

// AndLookup clears sel[j] where table[code of record lo+j] is 0 (a filter
// on the column: table is 1 for the codes it allows).
func AndLookup(c Codes, lo int, table []uint8, sel []uint8) {
	switch {
	case c.u8 != nil:
		for j, v := range c.u8[lo : lo+len(sel)] {
			sel[j] &= table[v]
		}
	case c.u16 != nil:
		for j, v := range c.u16[lo : lo+len(sel)] {
			sel[j] &= table[v]
		}
	default:
		for j, v := range c.u32[lo : lo+len(sel)] {
			sel[j] &= table[v]
		}
	}
}

// CodesFrom wraps codes a loader wrote at their final width, without
// copying them.
func CodesFrom[T uint8 | uint16 | uint32](c []T) Codes {
	switch c := any(c).(type) {
	case []uint8:
		return Codes{u8: c}
	case []uint16:
		return Codes{u16: c}
	case []uint32:
		return Codes{u32: c}
	}
	return Codes{}
}
