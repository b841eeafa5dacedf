package columns

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model/mapping"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// picker is the list of roles a column can be given (enter on a column):
// every role, a stage date once per stage and once for a new stage.
type picker struct {
	f       int
	c       int
	choices []choice
	list    widgets.Scroll
	keys    pickKeys
}

type choice struct {
	role  mapping.Role
	stage int // a stage date's stage (-1: a new one)
	label string
}

// openPicker opens the role list of the column under the cursor, on its
// current role.
func (m *Model) openPicker(r row) {
	f := &m.files[r.f]
	col := f.cols[r.c]
	cur, curStage := f.m.RoleOf(col.Name)
	what := "date"
	if col.Type == "yes/no" {
		what = "flag"
	}
	p := &picker{f: r.f, c: r.c, list: widgets.NewList(), keys: defaultPickKeys()}
	p.list.KeyMap = m.keys.Rows
	at := 0
	for _, role := range mapping.Offered() {
		if role != mapping.RoleStageDate {
			if role == cur {
				at = len(p.choices)
			}
			p.choices = append(p.choices, choice{role: role, stage: -1, label: string(role)})
			continue
		}
		for k, s := range f.m.Stages {
			if !datelike(col.Type) && cur != mapping.RoleStageDate && cur != mapping.RoleStageFlag {
				break // a stage per line only for columns that can date one
			}
			if (cur == mapping.RoleStageDate || cur == mapping.RoleStageFlag) && k == curStage {
				at = len(p.choices)
			}
			p.choices = append(p.choices, choice{role: role, stage: k, label: fmt.Sprintf("stage %s of %s", what, format.Clean(s.Name))})
		}
		p.choices = append(p.choices, choice{role: role, stage: -1,
			label: fmt.Sprintf("stage %s of a new stage, %q", what, format.Clean(mapping.StageName(col.Name)))})
	}
	p.list.SetLen(len(p.choices))
	p.list.SetHeight(max(1, m.height-2))
	p.list.SetCursor(at)
	m.pick = p
	m.cycle = nil
}

// datelike says whether a column of this type can date or flag a stage.
func datelike(typ string) bool {
	switch typ {
	case "date", "datetime", "yes/no", "empty":
		return true
	}
	return false
}

// pickKey moves through the role list; enter gives the role, esc keeps
// the one the column has.
func (m *Model) pickKey(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	p := m.pick
	switch {
	case key.Matches(km, p.keys.Cancel):
		m.pick = nil
	case key.Matches(km, p.keys.Choose):
		m.pick = nil
		ch := p.choices[p.list.Cursor()]
		f := &m.files[p.f]
		col := f.cols[p.c]
		edited := f.m.Clone()
		note, err := give(edited, f, col, ch.role, ch.stage)
		if err != nil {
			m.say(format.Clean(err.Error()), true)
			return nil
		}
		f.m = edited
		return m.changed(p.f, col.Name, note)
	default:
		p.list.Update(km)
	}
	return nil
}

// pickView draws the role list, as a table of one column.
func (m *Model) pickView() string {
	p := m.pick
	st := m.common.Styles
	col := m.files[p.f].cols[p.c]
	t := widgets.NewTable(m.common.TableStyles(), widgets.Column{Title: "Role of " + col.Name})
	t.SetRows(len(p.choices), func(r, _ int) string { return p.choices[r].label })
	t.SetWidth(m.width)
	from, to := p.list.Window()
	lines := append([]string{st.Muted.Render(format.Truncate("↑/↓ choose · enter gives the role · esc keeps it", m.width))},
		t.Lines(from, to, p.list.Cursor())...)
	return strings.Join(lines, "\n")
}
