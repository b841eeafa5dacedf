//go:build !linux

package model

const hugePages = false

func adviseHugeRange(p, size uintptr) {}
