package model

import "unsafe"

// Column returns a zeroed slice of n values for a column of a dataset.
// A column of a large file is backed by huge pages where the system lets
// a program ask for them (Linux with transparent huge pages on madvise):
// faulting in a fresh 4 KiB page costs more than filling it, and a load
// of a million records touches a few hundred megabytes of new memory.
func Column[T any](n int) []T {
	s := make([]T, n)
	adviseHuge(s, n)
	return s
}

// ColumnCap is Column with length 0 and capacity n, for appending.
func ColumnCap[T any](n int) []T {
	s := make([]T, 0, n)
	adviseHuge(s[:n], n)
	return s
}

func adviseHuge[T any](s []T, n int) {
	var z T
	if size := uintptr(n) * unsafe.Sizeof(z); size >= hugeMin {
		adviseHugeRange(uintptr(unsafe.Pointer(unsafe.SliceData(s))), size)
	}
}

// hugeMin is the smallest slice worth asking huge pages for: two of them,
// so that at least one whole aligned huge page lies inside.
const hugeMin = 4 << 20
