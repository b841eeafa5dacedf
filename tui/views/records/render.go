package records

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/tui/widgets"
)

func (r *Model) View() string {
	st := r.common.Styles
	head := fmt.Sprintf("%s records · id · entered · deepest stage · exit · reason · dimensions · amount", widgets.Count(len(r.rows)))
	lines := []string{st.Muted.Render(widgets.Truncate(head, r.width))}
	if len(r.rows) == 0 {
		lines = append(lines, "", st.Muted.Render("No records."))
		return strings.Join(lines, "\n")
	}
	end := min(len(r.rows), r.offset+r.bodyHeight())
	for p := r.offset; p < end; p++ {
		text := widgets.Fit(r.line(int(r.rows[p])), max(0, r.width-2))
		if p == r.cursor {
			lines = append(lines, st.Selected.Render("▸ "+text))
			continue
		}
		lines = append(lines, "  "+text)
	}
	foot := fmt.Sprintf("row %s of %s", widgets.Count(r.cursor+1), widgets.Count(len(r.rows)))
	switch {
	case r.finding:
		foot = "find: " + widgets.Clean(r.query) + "▏ (enter to search, esc to stop)"
	case r.note != "":
		foot = r.note
	}
	lines = append(lines, st.Muted.Render(widgets.Truncate(foot, r.width)))
	return strings.Join(lines, "\n")
}
