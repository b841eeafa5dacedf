package loadinfo

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/tui/format"
)

func (l *Model) View() string {
	from, to := l.pager.Window()
	out := make([]string, 0, to-from)
	for _, s := range l.lines[from:to] {
		out = append(out, format.Truncate(s, l.width))
	}
	if more := l.pager.Below(); more > 0 && len(out) > 1 {
		out[len(out)-1] = l.common.Styles.Muted.Render(format.Truncate(fmt.Sprintf("↓ %s (j, pgdn)",
			format.Plural(more+1, "more line", "more lines")), l.width))
	}
	return strings.Join(out, "\n")
}
