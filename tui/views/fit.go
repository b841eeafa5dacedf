package views

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/widgets"
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

// Shown says which of a list's items are on screen when not all are:
// "18–24 of 24" ("" when all are).
func Shown(list widgets.Scroll) string {
	from, to := list.Window()
	if from == 0 && to >= list.Len() {
		return ""
	}
	return fmt.Sprintf("%s–%s of %s", format.Count(from+1), format.Count(to), format.Count(list.Len()))
}
