package views

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/tui/format"
)

// Fit keeps what fits of lines in height and, when some do not, gives the
// last line to saying so: nothing is cut from a view without a word.
func Fit(c Common, lines []string, width, height int) string {
	if height <= 0 || len(lines) <= height {
		return strings.Join(lines, "\n")
	}
	hidden := len(lines) - height + 1
	return strings.Join(append(lines[:height-1:height-1], MoreLine(c, hidden, width)), "\n")
}

// MoreLine says n lines below did not fit.
func MoreLine(c Common, n, width int) string {
	return c.Styles.Muted.Render(format.Truncate(fmt.Sprintf("↓ %s below: a taller window shows them",
		format.Plural(n, "more line", "more lines")), width))
}
