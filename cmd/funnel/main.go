// Command funnel explores lead and deal funnels from CRM and spreadsheet
// exports in the terminal.
package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target heap growth. The data is a
// few large columns without pointers, alive for the whole run: marking
// them costs next to nothing, so collecting at 10% growth rather than
// Go's 100% keeps the peak memory near what the data needs (a third less
// at a million leads) for no more CPU (fewer fresh pages to fault in).
// GOGC in the environment overrides it.
const gcPercent = 10

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1:], defaultIO()))
}
