package model

import "syscall"

const hugePages = true

// adviseHugeRange asks for huge pages over the whole huge pages inside
// [p, p+size) (madvise MADV_HUGEPAGE) before they are first touched. A
// refusal is harmless: the pages stay small.
func adviseHugeRange(p, size uintptr) {
	lo := (p + hugePage - 1) &^ (hugePage - 1)
	hi := (p + size) &^ (hugePage - 1)
	if hi > lo {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, madvHugepage)
	}
}

const madvHugepage = 14 // MADV_HUGEPAGE
