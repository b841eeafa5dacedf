package records

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/tabular"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// setTable gives the table a column per field, the first pinned.
func (r *Model) setTable() {
	ds := r.common.Data()
	fs := fields(ds)
	cols := make([]widgets.Column, len(fs))
	for i, f := range fs {
		cols[i] = widgets.Column{Title: f.title, Max: 40}
		if f.kind != tabular.KindText {
			cols[i].Align = widgets.AlignRight
		}
	}
	cols[0].Pin = true
	r.table.SetColumns(cols...)
	r.table.SetRows(len(r.rows), func(row, col int) string { return fs[col].value(ds, int(r.rows[row])) })
}

func (r *Model) View() string {
	st := r.common.Styles
	lines := []string{st.Muted.Render(format.Truncate(format.Count(len(r.rows))+" records", r.width))}
	if len(r.rows) == 0 {
		empty := "No records."
		if r.Empty != "" {
			empty = r.Empty
		}
		lines = append(lines, "")
		lines = append(lines, widgets.WrapStyled(st.Muted, format.Clean(empty), r.width)...)
		return strings.Join(lines, "\n")
	}
	lo, hi := r.list.Window()
	r.table.Styles = r.common.TableStyles()
	lines = append(lines, r.table.Lines(lo, hi, r.list.Cursor())...)
	foot := fmt.Sprintf("row %s of %s", format.Count(r.list.Cursor()+1), format.Count(len(r.rows)))
	if n := r.table.HiddenNote(); n != "" {
		foot += " · " + n
	}
	switch {
	case r.finding:
		foot = r.find.View() + st.Muted.Render("  (enter to search, esc to stop)")
	case r.note != "":
		foot = r.note
	}
	lines = append(lines, st.Muted.Render(format.Truncate(foot, r.width)))
	return strings.Join(lines, "\n")
}
