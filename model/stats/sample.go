package stats

// This file: the one minimum sample and the one ratio every package uses.

// MinSample is the fewest records a rate, a time or a comparison is
// reported on as a finding: below it a number is shown as "too few to
// tell" (flagged Few), and slices are not tested. Every screen, the
// report and the analyses use this one threshold.
const MinSample = 30

// Ratio is a/b, or 0 when b is 0.
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
