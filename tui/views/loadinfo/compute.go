package loadinfo

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/format"
)

// reportLines are the load report of ds as text: files, the row
// arithmetic, the loader's decisions and the skipped rows.
func reportLines(ds *model.Dataset) []string {
	ld := ds.Load
	lines := []string{fmt.Sprintf("Files: %s", format.Clean(strings.Join(ld.Files, ", "))),
		fmt.Sprintf("Rows read %s = used %s + skipped %s", format.Count(ld.Read), format.Count(ld.Used), format.Count(ld.Skipped))}
	for _, n := range ld.Notes {
		lines = append(lines, "Note: "+format.Clean(n))
	}
	if ds.DatesInferred {
		lines = append(lines, "Stage dates were inferred from each record's current stage, not read from the file.")
	}
	if !ds.HasDates {
		lines = append(lines, "The file has no stage dates: counts and breakdowns work; views over time stay empty.")
	}
	if len(ld.Columns) > 0 {
		lines = append(lines, "", "Press C for the column screen: each column's type and role, to change them, see the funnel recomputed and save a mapping file.")
	}
	lines = append(lines, "", "Decisions:")
	if len(ld.Decisions) == 0 {
		lines = append(lines, "  none")
	}
	for _, d := range ld.Decisions {
		lines = append(lines, "  "+format.Clean(d))
	}
	lines = append(lines, "", fmt.Sprintf("Skipped rows (%d listed):", len(ld.Problems)))
	for _, p := range ld.Problems {
		lines = append(lines, "  "+format.Clean(p.String()))
	}
	if ld.Skipped > len(ld.Problems) {
		lines = append(lines, fmt.Sprintf("  … %d more skipped rows not listed", ld.Skipped-len(ld.Problems)))
	}
	return lines
}
