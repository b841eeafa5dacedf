package columns

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mapping"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// The table's columns.
const (
	colName = iota
	colType
	colRole
	colSure
	colSamples
)

// setTable gives the table its columns and the rows' cells.
func (m *Model) setTable() {
	m.table.SetColumns(
		widgets.Column{Title: "Column", Pin: true, Min: 12, Max: 24},
		widgets.Column{Title: "Type", Max: 12, Priority: 1},
		widgets.Column{Title: "Role", Min: 10, Max: 26, Priority: 3},
		widgets.Column{Title: "Sure", Align: widgets.AlignRight, Priority: 2},
		widgets.Column{Title: "Sample values", Grow: true, Min: 10, Max: 60},
	)
	m.table.SetRows(len(m.rows), m.cell)
	m.table.RowStyle = func(r int) lipgloss.Style {
		if m.rows[r].kind == rowColumn {
			if role, _ := m.roleOf(m.rows[r]); role == mapping.RoleIgnore {
				return m.common.Styles.Muted
			}
		}
		return m.common.Styles.Cell
	}
}

// roleOf is a column row's role in the mapping being edited.
func (m *Model) roleOf(r row) (mapping.Role, int) {
	f := &m.files[r.f]
	if f.m == nil {
		return mapping.Role(f.cols[r.c].Role), -1
	}
	return f.m.RoleOf(f.cols[r.c].Name)
}

// cell is the text of row r's column c (the table cleans it).
func (m *Model) cell(r, c int) string {
	rw := m.rows[r]
	f := &m.files[rw.f]
	switch rw.kind {
	case rowColumn:
		return m.columnCell(rw, c)
	case rowStage:
		s := f.m.Stages[rw.k]
		switch c {
		case colName:
			return fmt.Sprintf("  %d. %s", rw.k+1, s.Name)
		case colRole:
			if rw.k == f.m.WonStage() {
				return "won stage"
			}
			return "stage"
		case colSamples:
			var what []string
			if len(s.Values) > 0 && !(len(s.Values) == 1 && s.Values[0] == s.Name) {
				what = append(what, "values "+strings.Join(s.Values, ", "))
			}
			if s.Date != "" {
				what = append(what, "date "+s.Date)
			}
			if s.Flag != "" {
				what = append(what, "flag "+s.Flag)
			}
			return strings.Join(what, " · ")
		}
	case rowValue, rowOutVal:
		switch c {
		case colName:
			return "  " + rw.value
		case colRole:
			if rw.what == mapping.KindOpen && rw.kind == rowValue {
				return "unplaced stage"
			}
			return rw.what.String()
		}
	}
	return ""
}

// columnCell is a column row's cell.
func (m *Model) columnCell(r row, c int) string {
	f := &m.files[r.f]
	ci := f.cols[r.c]
	g := m.guessOf(r)
	switch c {
	case colName:
		return ci.Name
	case colType:
		return ci.Type
	case colRole:
		role, k := m.roleOf(r)
		switch {
		case role == mapping.RoleIgnore:
			return "not used"
		case k >= 0 && k < len(f.m.Stages):
			return fmt.Sprintf("%s: %s", role, f.m.Stages[k].Name)
		}
		return string(role)
	case colSure:
		switch {
		case m.changedRole(r):
			return "you"
		case g.Role == "":
			return ""
		}
		return fmt.Sprintf("%.0f%%", g.Confidence*100)
	case colSamples:
		if m.state.Masked {
			return "(masked)"
		}
		return strings.Join(ci.Samples[:min(3, len(ci.Samples))], " · ")
	}
	return ""
}

// guessOf is what the loader made of a column row's column before any
// change.
func (m *Model) guessOf(r row) model.ColumnInfo {
	f := &m.files[r.f]
	if g, ok := m.guess[f.name+"\x00"+f.cols[r.c].Name]; ok {
		return g.info
	}
	return f.cols[r.c]
}

// chrome is the lines around the rows: the caption, the banner, the
// funnel line, the table's header and the foot.
func (m *Model) chrome() int { return 4 + len(m.banner()) + m.detailLines() }

// detailLines is 1 when there is room for a line about the selected row.
func (m *Model) detailLines() int {
	if m.height >= 14 {
		return 1
	}
	return 0
}

func (m *Model) View() string {
	if m.pick != nil {
		return m.pickView()
	}
	st := m.common.Styles
	m.table.Styles = m.common.TableStyles()
	lines := []string{st.Title.Render(format.Truncate(m.caption(), m.width))}
	for _, b := range m.banner() {
		lines = append(lines, st.Warn.Render(b))
	}
	lines = append(lines, st.Muted.Render(format.Truncate(m.funnelLine(), m.width)))
	if len(m.rows) == 0 {
		lines = append(lines, "")
		lines = append(lines, format.Wrap("This data was not read from a file, so there are no columns to show: "+
			"funnel FILE opens an export here, with every column and what it is read as.", m.width)...)
		return strings.Join(lines, "\n")
	}
	lines = append(lines, m.table.Header())
	from, to := m.list.Window()
	for i := from; i < to; i++ {
		lines = append(lines, m.rowLine(i))
	}
	for len(lines) < m.height-1-m.detailLines() {
		lines = append(lines, "")
	}
	if m.detailLines() > 0 {
		lines = append(lines, st.Muted.Render(format.Truncate(m.detail(), m.width)))
	}
	return strings.Join(append(lines, m.foot()), "\n")
}

// rowLine draws row i: a heading in full width, else a table row.
func (m *Model) rowLine(i int) string {
	rw := m.rows[i]
	st := m.common.Styles
	f := &m.files[rw.f]
	switch rw.kind {
	case rowFile:
		return st.Emphasis.Render(format.Truncate(fmt.Sprintf("▾ %s", m.shownName(rw.f)), m.width))
	case rowStages:
		how := "one date or yes/no column each"
		if f.m.StageColumn != "" {
			how = "from the values of " + format.Clean(f.m.StageColumn)
		}
		return st.Emphasis.Render(format.Truncate(fmt.Sprintf("Stages, top first (%s); K/J move · w won · x lost · n not a stage", how), m.width))
	case rowOutcome:
		return st.Emphasis.Render(format.Truncate(fmt.Sprintf("Values of %s, the outcome: w won · x lost · a open", format.Clean(f.m.Status)), m.width))
	}
	return m.table.Row(i, i == m.list.Cursor())
}

// caption says whose columns these are and how the funnel is read.
func (m *Model) caption() string {
	if len(m.files) == 1 {
		f := m.files[0]
		s := "Columns of " + m.shownName(0)
		if f.m != nil {
			s += " · " + shapeNote(f.m)
		}
		return s
	}
	return fmt.Sprintf("Columns of %d files", len(m.files))
}

func shapeNote(mm *mapping.Mapping) string {
	switch mm.Shape {
	case mapping.ShapeCurrentStage:
		return "one row per record, its current stage in " + format.Clean(mm.StageColumn)
	case mapping.ShapeHistory:
		return "one row per stage change of " + format.Clean(mm.StageColumn)
	case mapping.ShapeFlags:
		return "one yes/no column per stage"
	}
	return "one date column per stage"
}

// shownName is file fi's name as the screen shows it (masked when names are).
func (m *Model) shownName(fi int) string {
	if files := m.common.Data().Load.Files; m.state.Masked && fi < len(files) {
		return format.Clean(files[fi])
	}
	return format.Clean(m.files[fi].name)
}

// banner says, on a screen the root opened because the loader was
// unsure, what it guessed and why it is unsure (at most two lines).
func (m *Model) banner() []string {
	ld := m.src.Load
	if !m.opts.Unsure || !ld.Unsure || m.width <= 0 {
		return nil
	}
	s := fmt.Sprintf("Unsure: %s. Check the roles and the stage order; esc shows the funnel. Guessed: %s.",
		format.Clean(strings.Join(uniq(ld.UnsureWhy), "; ")), format.Clean(ld.Summary))
	lines := format.Wrap(s, m.width)
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = format.Truncate(lines[1]+" …", m.width)
	}
	return lines
}

// uniq keeps the first of each reason (several files give the same one).
func uniq(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// funnelLine is the stage counts of the data on screen, with what they
// were before the last recompute.
func (m *Model) funnelLine() string {
	if m.reloading() {
		p := m.progress
		s := "Reading the files again with this mapping…"
		if p.total > 0 {
			s += fmt.Sprintf(" %d%%", p.done*100/p.total)
		} else if p.done > 0 {
			s += " " + format.Count(int(p.done>>10)) + " kB"
		}
		return s
	}
	if m.funnel == nil {
		return "Funnel: counting…"
	}
	was := map[string]int{}
	for _, s := range m.before {
		was[s.name] = s.reached
	}
	parts := make([]string, len(m.funnel))
	for k, s := range m.funnel {
		parts[k] = fmt.Sprintf("%s %s", format.Clean(s.name), format.Count(s.reached))
		if n, ok := was[s.name]; ok && n != s.reached {
			parts[k] += fmt.Sprintf(" (was %s)", format.Count(n))
		}
	}
	head := "Funnel: "
	if m.before != nil {
		head = "Funnel now: "
	}
	return head + strings.Join(parts, " › ")
}

// detail is a line about the row under the cursor.
func (m *Model) detail() string {
	r, ok := m.current()
	if !ok {
		return ""
	}
	f := &m.files[r.f]
	switch r.kind {
	case rowColumn:
		c := f.cols[r.c]
		typ := c.Type
		if c.Format != "" {
			typ += " " + c.Format
		}
		loader := m.guessOf(r).Role
		if loader == "" {
			loader = "not used"
		}
		return format.Clean(fmt.Sprintf("%s: %s, %d distinct, %d blank of %d sampled · the loader read it as %s",
			c.Name, typ, c.Distinct, c.Blank, c.Rows, loader))
	case rowStage:
		return fmt.Sprintf("Stage %d of %d. K/J move it; w, x or n take its values out of the stages", r.k+1, len(f.m.Stages))
	case rowValue:
		return fmt.Sprintf("%q of %s means %s: w won · x lost · a an open stage · n not a stage", format.Clean(r.value), format.Clean(f.m.StageColumn), r.what)
	case rowOutVal:
		return fmt.Sprintf("%q of %s means %s", format.Clean(r.value), format.Clean(f.m.Status), r.what)
	}
	return ""
}

// foot is the save prompt, or what the last key did, or the keys.
func (m *Model) foot() string {
	st := m.common.Styles
	switch {
	case m.save != nil && m.note == "":
		return format.Truncate(m.save.input.View(), m.width)
	case m.note != "" && m.bad:
		return st.Error.Render(format.Truncate(m.note, m.width))
	case m.note != "":
		return format.Truncate(m.note, m.width)
	}
	return st.Muted.Render(format.Truncate("Each change reads the files again and the funnel follows; S saves the mapping for funnel --map", m.width))
}

// rowAt is the row on line y of the view (-1: none).
func (m *Model) rowAt(y int) int {
	top := 3 + len(m.banner())
	from, to := m.list.Window()
	if i := from + y - top; y >= top && i < to && m.rows[i].selectable() {
		return i
	}
	return -1
}
