package loadinfo

import (
	"strings"

	"github.com/funnel-cli/funnel/tui/format"
)

func (l *Model) View() string {
	from, to := l.pager.Window()
	out := make([]string, 0, to-from)
	for _, s := range l.lines[from:to] {
		out = append(out, format.Truncate(s, l.width))
	}
	return strings.Join(out, "\n")
}
