package loadinfo

import (
	"strings"

	"github.com/funnel-cli/funnel/tui/widgets"
)

func (l *Model) View() string {
	end := min(len(l.lines), l.offset+max(0, l.height))
	out := make([]string, 0, end-l.offset)
	for _, s := range l.lines[l.offset:end] {
		out = append(out, widgets.Truncate(s, l.width))
	}
	return strings.Join(out, "\n")
}
