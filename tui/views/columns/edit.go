package columns

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mapping"
	"github.com/funnel-cli/funnel/tui/format"
)

// cycle is r/R going through the roles of one column: each step is a
// role given to the mapping as it was before the first step, so passing
// a role on the way (the current stage, say) changes nothing for good.
type cycle struct {
	f    int
	col  string
	base *mapping.Mapping
	at   int // the role shown, in mapping.Offered
}

// editKey runs the key that changes the mapping (or opens the role list
// or the save prompt) on the row under the cursor.
func (m *Model) editKey(km tea.KeyPressMsg) tea.Cmd {
	r, ok := m.current()
	if !ok {
		return nil
	}
	if key.Matches(km, m.keys.Save) {
		return m.openSave(r.f)
	}
	if r.f >= len(m.files) || m.files[r.f].m == nil {
		m.say("this data was not read with a mapping: nothing to change", true)
		return nil
	}
	switch {
	case key.Matches(km, m.keys.NextRole), key.Matches(km, m.keys.PrevRole):
		step := 1
		if key.Matches(km, m.keys.PrevRole) {
			step = -1
		}
		return m.cycleRole(r, step)
	case key.Matches(km, m.keys.PickRole):
		if r.kind == rowColumn {
			m.openPicker(r)
		}
		return nil
	case key.Matches(km, m.keys.StageUp):
		return m.moveStage(r, -1)
	case key.Matches(km, m.keys.StageDown):
		return m.moveStage(r, 1)
	case key.Matches(km, m.keys.Won):
		return m.mark(r, mapping.KindWon)
	case key.Matches(km, m.keys.Lost):
		return m.mark(r, mapping.KindLost)
	case key.Matches(km, m.keys.Open):
		return m.mark(r, mapping.KindStage)
	case key.Matches(km, m.keys.Other):
		return m.mark(r, mapping.KindNotStage)
	}
	return nil
}

// cycleRole gives the column the next (step 1) or previous role.
func (m *Model) cycleRole(r row, step int) tea.Cmd {
	if r.kind != rowColumn {
		m.say("r and R change a column's role: move to a column", true)
		return nil
	}
	f := &m.files[r.f]
	col := f.cols[r.c]
	roles := mapping.Offered()
	if m.cycle == nil || m.cycle.f != r.f || m.cycle.col != col.Name {
		cur, _ := f.m.RoleOf(col.Name)
		m.cycle = &cycle{f: r.f, col: col.Name, base: f.m.Clone(), at: slices.Index(roles, cur)}
		if m.cycle.at < 0 && step < 0 {
			m.cycle.at = 0 // a role not offered (email, lead reference): R starts from the end
		}
	}
	m.cycle.at = ((m.cycle.at+step)%len(roles) + len(roles)) % len(roles)
	edited := m.cycle.base.Clone()
	note, err := give(edited, f, col, roles[m.cycle.at], -1)
	if err != nil {
		m.say(err.Error(), true)
		return nil
	}
	f.m = edited
	return m.changed(r.f, col.Name, note)
}

// give gives column col of f role r in mapping mm (a stage date: of stage
// k, or of a new stage when k is out of range) and says what changed.
func give(mm *mapping.Mapping, f *file, col model.ColumnInfo, r mapping.Role, k int) (string, error) {
	name := format.Clean(col.Name)
	var old string
	switch r {
	case mapping.RoleStageDate:
		old = mm.SetStageDate(col.Name, k, col.Type == "yes/no")
		_, at := mm.RoleOf(col.Name)
		r = mapping.Role(fmt.Sprintf("the date of stage %s", format.Clean(mm.Stages[at].Name)))
		if col.Type == "yes/no" {
			r = mapping.Role(fmt.Sprintf("the flag of stage %s", format.Clean(mm.Stages[at].Name)))
		}
	default:
		var values []string
		if r == mapping.RoleCurrentStage {
			values = f.values(col.Name)
		}
		var err error
		if old, err = mm.SetRole(col.Name, r, values); err != nil {
			return "", err
		}
	}
	note := fmt.Sprintf("%s read as %s", name, r)
	if r == mapping.RoleIgnore {
		note = name + " not used"
	}
	if old != "" {
		note += fmt.Sprintf("; %s no longer used", format.Clean(old))
	}
	return note, nil
}

// moveStage moves the stage under the cursor, and the cursor with it.
func (m *Model) moveStage(r row, delta int) tea.Cmd {
	if r.kind != rowStage {
		m.say("K and J move a stage: move to one in the stage list", true)
		return nil
	}
	f := &m.files[r.f]
	if err := f.m.MoveStage(r.k, delta); err != nil {
		m.say(format.Clean(err.Error()), true)
		return nil
	}
	m.list.SetCursor(m.list.Cursor() + delta)
	return m.changed(r.f, stagesKey, fmt.Sprintf("%s moved %s", format.Clean(f.m.Stages[r.k+delta].Name), map[int]string{-1: "up", 1: "down"}[delta]))
}

// stagesKey marks the stage list as changed by the user.
const stagesKey = "\x00stages"

// mark makes the value under the cursor (or every value of the stage
// under it) mean what.
func (m *Model) mark(r row, what mapping.Kind) tea.Cmd {
	f := &m.files[r.f]
	var values []string
	switch r.kind {
	case rowStage:
		s := f.m.Stages[r.k]
		if f.m.StageColumn == "" {
			m.say(fmt.Sprintf("%s is read from a date or yes/no column: give that column another role to take it out", format.Clean(s.Name)), true)
			return nil
		}
		if what == mapping.KindStage {
			m.say(format.Clean(s.Name)+" is an open stage already", false)
			return nil
		}
		values = s.Values
		if len(values) == 0 {
			values = []string{s.Name}
		}
	case rowValue:
		values = []string{r.value}
	case rowOutVal:
		switch what {
		case mapping.KindNotStage:
			m.say("a value of the outcome column means won, lost or open (a)", true)
			return nil
		case mapping.KindStage:
			what = mapping.KindOpen
		}
		values = []string{r.value}
	default:
		m.say("w, x, a and n say what a stage value means: move to a stage or a value below the columns", true)
		return nil
	}
	for _, v := range values {
		if err := f.m.Mark(v, what); err != nil {
			m.say(format.Clean(err.Error()), true)
			return nil
		}
	}
	label := what.String()
	if what == mapping.KindStage {
		label = "an open stage"
	}
	return m.changed(r.f, stagesKey, fmt.Sprintf("%s means %s", quoteList(values), label))
}

func quoteList(vs []string) string {
	out := ""
	for i, v := range vs {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprintf("%q", format.Clean(v))
	}
	return out
}

// changed lists the rows again after the user changed what of file fi
// (a column, or the stages) and reads the files again with the mapping.
func (m *Model) changed(fi int, what, note string) tea.Cmd {
	if what == stagesKey {
		m.cycle = nil
	}
	m.setRows()
	m.list.SetCursor(m.nextSelectable(m.list.Cursor(), 1))
	return m.recompute(note)
}

// say puts a line in the foot of the screen.
func (m *Model) say(s string, bad bool) { m.note, m.bad = s, bad }

// changedRole says whether a column row's role is not the loader's.
func (m *Model) changedRole(r row) bool {
	f := &m.files[r.f]
	g, ok := m.guess[f.name+"\x00"+f.cols[r.c].Name]
	if !ok || f.m == nil {
		return false
	}
	role, k := f.m.RoleOf(f.cols[r.c].Name)
	return role != g.role || stageName(f.m, k) != g.stageName
}
