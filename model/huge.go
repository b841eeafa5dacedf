package model

import "unsafe"

// Column returns a zeroed slice of n values for a column of a dataset.
// A large column is backed by huge pages where the system lets a program
// ask for them (Linux with transparent huge pages on madvise): faulting
// in a fresh 4 KiB page costs more than filling it, and a load of a
// million records touches a few hundred megabytes of new memory. The
// slice then starts on a huge-page boundary (up to one huge page of
// address space is left unused before it, never touched, so it costs no
// memory).
func Column[T any](n int) []T {
	s := columnOf[T](n)
	if s == nil {
		return make([]T, n)
	}
	return s
}

// ColumnCap is Column with length 0 and capacity n, for appending.
func ColumnCap[T any](n int) []T {
	s := columnOf[T](n)
	if s == nil {
		return make([]T, 0, n)
	}
	return s[:0]
}

// columnOf is a huge-page column of n values, or nil when n values are
// too few, or the platform has no huge pages to ask for.
func columnOf[T any](n int) []T {
	var z T
	es := int(unsafe.Sizeof(z))
	if !hugePages || es == 0 || hugePage%es != 0 || n*es < hugeMin {
		return nil
	}
	s := make([]T, n+hugePage/es)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	off := int(((p+hugePage-1)&^(hugePage-1) - p) / uintptr(es))
	s = s[off : off+n : off+n]
	adviseHugeRange(p+uintptr(off*es), uintptr(n*es))
	return s
}

const (
	hugePage = 2 << 20
	// hugeMin is the smallest column worth a huge page.
	hugeMin = hugePage
)
