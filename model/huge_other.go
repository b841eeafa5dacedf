//go:build !linux

package model

func adviseHugeRange(p, size uintptr) {}
