package mapping

import (
	"fmt"
	"slices"
	"strings"
)

// Role is what a column is read as. A column has one role in a mapping
// (the stage column may also be a dimension; that is not a role of its own).
type Role string

// The roles the column screen offers, in its order.
const (
	RoleID           Role = "id"
	RoleEntryDate    Role = "entry date"
	RoleStageDate    Role = "stage date"
	RoleCurrentStage Role = "current stage"
	RoleOutcome      Role = "outcome"
	RoleWonFlag      Role = "won flag"
	RoleClosedFlag   Role = "closed flag"
	RoleCloseDate    Role = "close date"
	RoleModified     Role = "last modified"
	RoleAmount       Role = "amount"
	RoleCurrency     Role = "currency"
	RoleProbability  Role = "probability"
	RoleChannel      Role = "channel"
	RoleOwner        Role = "owner"
	RoleReason       Role = "reason"
	RoleDimension    Role = "dimension"
	RoleIgnore       Role = "ignore"
)

// Roles a mapping can give that the screen shows but does not offer (a
// preset, a mapping file or the loader sets them).
const (
	RoleStageFlag  Role = "stage flag"
	RoleChangeTime Role = "change time" // a stage-change log's timestamp
	RoleWonDate    Role = "won date"
	RoleLostDate   Role = "lost date"
	RoleEmail      Role = "email"
	RoleAccount    Role = "account"
	RoleLeadRef    Role = "lead reference"
)

// Offered lists the roles a user picks from, in order.
func Offered() []Role {
	return []Role{RoleID, RoleEntryDate, RoleStageDate, RoleCurrentStage, RoleOutcome, RoleWonFlag, RoleClosedFlag,
		RoleCloseDate, RoleModified, RoleAmount, RoleCurrency, RoleProbability, RoleChannel, RoleOwner, RoleReason, RoleDimension, RoleIgnore}
}

// same says whether a mapping's column name h names column col (headers
// match case-insensitively, as the loader matches them).
func same(h, col string) bool {
	return h != "" && strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(col))
}

// single is a role held by one column, with the field that holds it.
func (m *Mapping) single(r Role) *string {
	switch r {
	case RoleID:
		return &m.ID
	case RoleEntryDate:
		return &m.Created
	case RoleCurrentStage:
		return &m.StageColumn
	case RoleOutcome:
		return &m.Status
	case RoleWonFlag:
		return &m.WonFlag
	case RoleClosedFlag:
		return &m.ClosedFlag
	case RoleCloseDate:
		return &m.CloseDate
	case RoleModified:
		return &m.Modified
	case RoleAmount:
		return &m.Amount
	case RoleCurrency:
		return &m.Currency
	case RoleProbability:
		return &m.Probability
	case RoleChannel:
		return &m.Channel
	case RoleOwner:
		return &m.Owner
	case RoleReason:
		return &m.Reason
	case RoleChangeTime:
		return &m.Timestamp
	case RoleWonDate:
		return &m.WonDate
	case RoleLostDate:
		return &m.LostDate
	case RoleEmail:
		return &m.Email
	case RoleAccount:
		return &m.Account
	case RoleLeadRef:
		return &m.LeadRef
	}
	return nil
}

// singles are the one-column roles in the order RoleOf tries them (the
// order the loader names roles in).
var singles = [...]Role{RoleID, RoleCurrentStage, RoleChangeTime, RoleWonFlag, RoleClosedFlag, RoleOutcome, RoleEntryDate,
	RoleWonDate, RoleLostDate, RoleCloseDate, RoleModified, RoleAmount, RoleCurrency, RoleProbability, RoleChannel, RoleOwner,
	RoleReason, RoleEmail, RoleAccount, RoleLeadRef}

// RoleOf is column col's role (RoleIgnore when the mapping does not use
// it) and, for a stage date or flag, the stage it dates (else -1).
func (m *Mapping) RoleOf(col string) (Role, int) {
	for _, r := range singles {
		if same(*m.single(r), col) {
			return r, -1
		}
	}
	for k, s := range m.Stages {
		if same(s.Date, col) {
			return RoleStageDate, k
		}
		if same(s.Flag, col) {
			return RoleStageFlag, k
		}
	}
	for _, d := range m.Dims {
		if same(d, col) {
			return RoleDimension, -1
		}
	}
	return RoleIgnore, -1
}

// Holder is the column that holds one-column role r ("" when none does
// or r is not such a role).
func (m *Mapping) Holder(r Role) string {
	if p := m.single(r); p != nil {
		return *p
	}
	return ""
}

// clear takes column col out of every role.
func (m *Mapping) clear(col string) {
	for _, r := range singles {
		if p := m.single(r); same(*p, col) {
			*p = ""
		}
	}
	m.Dims = slices.DeleteFunc(m.Dims, func(d string) bool { return same(d, col) })
	dated := m.Shape == ShapeStageDates || m.Shape == ShapeFlags
	for k := len(m.Stages) - 1; k >= 0; k-- {
		s := &m.Stages[k]
		if !same(s.Date, col) && !same(s.Flag, col) {
			continue
		}
		if same(s.Date, col) {
			s.Date = ""
		}
		if same(s.Flag, col) {
			s.Flag = ""
		}
		// A date or flag stage without its column is gone with it.
		if dated && s.Date == "" && s.Flag == "" && len(m.Stages) > 1 && (k > 0 || m.Created == "") {
			m.Stages = slices.Delete(m.Stages, k, k+1)
		}
	}
}

// SetRole gives column col role r and returns the column that lost r to
// it ("" when none did): a one-column role moves to col, and the column
// that had it is no longer used. Making col the current stage reads the
// stages from its values (most frequent first; the loader's order is
// lost, so reorder them) unless it already was; for a stage date or flag
// use SetStageDate. Taking the stage column away leaves a funnel of its
// dated stages, if it has any.
func (m *Mapping) SetRole(col string, r Role, values []string) (string, error) {
	if r == RoleStageDate || r == RoleStageFlag {
		return "", fmt.Errorf("a stage date needs its stage (SetStageDate)")
	}
	was, _ := m.RoleOf(col)
	if was == r && r != RoleCurrentStage {
		return "", nil
	}
	if was == RoleCurrentStage && r != RoleCurrentStage {
		m.dropStageColumn()
	}
	m.clear(col)
	switch r {
	case RoleIgnore:
		return "", nil
	case RoleDimension:
		m.Dims = append(m.Dims, col)
		return "", nil
	case RoleCurrentStage:
		if was != RoleCurrentStage {
			m.readStagesFrom(values)
		}
	}
	p := m.single(r)
	if p == nil {
		return "", fmt.Errorf("%q is not a role", r)
	}
	old := *p
	if old != "" {
		m.clear(old)
	}
	*p = col
	if r == RoleCurrentStage && m.Shape != ShapeHistory {
		m.Shape = ShapeCurrentStage
	}
	return old, nil
}

// dropStageColumn turns a current-stage mapping whose stage column goes
// into one of the stages that have a date column (or a flag), if any.
func (m *Mapping) dropStageColumn() {
	if m.Shape != ShapeCurrentStage {
		return
	}
	var kept []StageMap
	for k, s := range m.Stages {
		if s.Date != "" || s.Flag != "" || k == 0 && m.Created != "" {
			s.Values = nil
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		return // the mapping now fails Check: it says a stage column is missing
	}
	m.Stages = kept
	m.Shape = ShapeStageDates
	if flags(kept) {
		m.Shape = ShapeFlags
	}
}

func flags(st []StageMap) bool {
	for _, s := range st {
		if s.Date != "" {
			return false
		}
	}
	return true
}

// readStagesFrom makes the stages those of a new stage column's values:
// a stage of the old list that one of them names keeps its place (and
// date); outcome values and values that are no stage stay out.
func (m *Mapping) readStagesFrom(values []string) {
	exit := map[string]bool{}
	for _, v := range slices.Concat(m.Won, m.Lost, m.Disqualified, m.NotStages) {
		exit[norm(v)] = true
	}
	in := map[string]bool{}
	for _, v := range values {
		in[norm(v)] = true
	}
	var out []StageMap
	placed := map[string]bool{}
	for _, s := range m.Stages {
		if names := s.names(); slices.ContainsFunc(names, func(v string) bool { return in[norm(v)] }) {
			out = append(out, s)
			for _, v := range names {
				placed[norm(v)] = true
			}
		}
	}
	for _, v := range values {
		if n := norm(v); n != "" && !exit[n] && !placed[n] {
			placed[n] = true
			out = append(out, StageMap{Name: v})
		}
	}
	m.Stages = out
}

// SetStageDate makes column col the date of stage k (a flag when flag is
// set, for a yes/no column); k out of range adds a stage named after the
// column, last but for the won stage. It returns the column that dated
// the stage before ("" when none did), which is no longer used.
func (m *Mapping) SetStageDate(col string, k int, flag bool) string {
	if k >= 0 && k < len(m.Stages) {
		// taking col from the stage it dated may drop that stage
		name := m.Stages[k].Name
		m.clear(col)
		k = slices.IndexFunc(m.Stages, func(s StageMap) bool { return s.Name == name })
	} else {
		m.clear(col)
		k = -1
	}
	if k < 0 {
		k = len(m.Stages)
		if w := m.WonStage(); w >= 0 {
			k = w // won records end at the won stage: it stays last
		}
		m.Stages = slices.Insert(m.Stages, k, StageMap{Name: m.freeName(StageName(col))})
		if m.Shape == ShapeCurrentStage && m.StageColumn == "" {
			m.Shape = ShapeStageDates
		}
	}
	s := &m.Stages[k]
	old := s.Date
	if flag {
		old, s.Flag = s.Flag, col
	} else {
		s.Date = col
	}
	return old // it dated this stage only: it is no longer used
}

// StageName names a stage after its date or flag column: "mql_date" is
// "mql", "IsConverted" "Converted", "Demo Booked At" "Demo Booked".
func StageName(col string) string {
	w := strings.FieldsFunc(col, func(r rune) bool { return r == '_' || r == ' ' || r == '-' || r == '.' })
	for len(w) > 1 {
		switch strings.ToLower(w[len(w)-1]) {
		case "date", "at", "on", "time", "day", "datetime", "timestamp":
			w = w[:len(w)-1]
			continue
		}
		break
	}
	if len(w) > 1 && strings.EqualFold(w[0], "is") {
		w = w[1:]
	}
	name := strings.Join(w, " ")
	if len(w) == 1 && len(name) > 2 && strings.HasPrefix(name, "Is") && name[2] >= 'A' && name[2] <= 'Z' {
		name = name[2:]
	}
	if name == "" {
		return col
	}
	return name
}

// freeName is name, or name (2), (3)… when a stage has it.
func (m *Mapping) freeName(name string) string {
	taken := func(n string) bool {
		return slices.ContainsFunc(m.Stages, func(s StageMap) bool { return strings.EqualFold(s.Name, n) })
	}
	out := name
	for i := 2; taken(out); i++ {
		out = fmt.Sprintf("%s (%d)", name, i)
	}
	return out
}

// Norm folds a stage or outcome value the way the loader compares them:
// lower case, letters and digits only, so "Closed Won", "closedwon" and
// "closed-won" are one value.
func Norm(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func norm(s string) string { return Norm(s) }
