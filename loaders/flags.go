package loaders

import (
	"fmt"
	"slices"
	"strings"
)

// flagCol is a column whose sampled values all read as yes/no.
type flagCol struct {
	col    int
	header string
	set    int // sampled rows with the flag set
}

// flagRows is what a flag inference looked at: the sampled rows with as
// many fields as the header.
func flagRows(header []string, sm *sample) [][][]byte {
	var rows [][][]byte
	for _, r := range sm.rows {
		if len(r) == len(header) && !blank(r) {
			rows = append(rows, r)
		}
	}
	return rows
}

// detectFlags returns the columns whose sampled values are all yes/no
// (1/0, Yes/No, Y/N, TRUE/FALSE, x/blank, …) with at least one set, in file
// order. Columns with another role (id, email, dates, status, amount…) are
// not flags.
func detectFlags(header []string, rows [][][]byte) []flagCol {
	var out []flagCol
	for c, h := range header {
		if classify(h) != roleDim || idLike(h) || len(rows) == 0 {
			continue
		}
		fc, ok := flagCol{col: c, header: h}, true
		for _, r := range rows {
			v, isBool := parseBool(r[c])
			if !isBool {
				ok = false
				break
			}
			if v {
				fc.set++
			}
		}
		if ok && fc.set > 0 {
			out = append(out, fc)
		}
	}
	return out
}

// idLike says whether a header names a record id ("Lead ID", "deal_id", "Id").
func idLike(h string) bool {
	if classify(h) == roleID {
		return true
	}
	n := strings.ToLower(strings.TrimSpace(h))
	return n == "id" || n == "key" || n == "ref" || n == "reference" ||
		strings.HasSuffix(n, " id") || strings.HasSuffix(n, "_id") || strings.HasSuffix(n, "-id") ||
		camelID(strings.TrimSpace(h))
}

// camelID matches "LeadId" and "dealID" (not "PAID").
func camelID(h string) bool {
	if len(h) < 3 || !(strings.HasSuffix(h, "Id") || strings.HasSuffix(h, "ID")) {
		return false
	}
	c := h[len(h)-3]
	return c >= 'a' && c <= 'z'
}

// lostFlag says whether a yes/no column means an exit rather than a stage.
func lostFlag(h string) (dq, ok bool) {
	switch norm(h) {
	case "lost", "islost", "closedlost", "isclosedlost":
		return false, true
	case "disqualified", "isdisqualified", "dq", "unqualified", "junk":
		return true, true
	}
	return false, false
}

// trueWords are the set values of parseBool, for a status column that is
// itself a yes/no flag.
var trueWords = []string{"1", "yes", "y", "true", "t", "x", "✓", "checked"}

// flagsMapping builds a flags-shape mapping from a file's yes/no columns:
// one stage per flag, ordered by how many sampled rows have it set (more
// set, earlier stage), under a top stage every record reaches unless the
// most-set flag is set on every row. A Lost/Disqualified flag becomes the
// exit instead of a stage. It returns nil when there is no flag column;
// flags lists the stages' columns with their counts.
func flagsMapping(header []string, rows [][][]byte) (m *Mapping, flags []flagCol) {
	found := detectFlags(header, rows)
	if len(found) == 0 {
		return nil, nil
	}
	m = genericStageDates(header)
	m.Preset, m.Shape, m.Stages = "", ShapeFlags, nil
	isFlag := map[string]bool{}
	for _, f := range found {
		if dq, ok := lostFlag(f.header); ok {
			if m.Status != "" {
				continue // a status column already gives the exit: a dim
			}
			m.Status, m.Won, m.Lost, m.Disqualified = f.header, nil, nil, nil
			if dq {
				m.Disqualified = trueWords
			} else {
				m.Lost = trueWords
			}
			isFlag[f.header] = true
			continue
		}
		flags = append(flags, f)
	}
	if len(flags) == 0 {
		return nil, nil
	}
	if m.Status == "" {
		m.Won, m.Lost, m.Disqualified = nil, nil, nil // no column to read them from
	}
	// Stable: ties keep file order.
	slices.SortStableFunc(flags, func(a, b flagCol) int { return b.set - a.set })
	const maxFlags = 15 // the top stage makes 16
	if len(flags) > maxFlags {
		flags = flags[:maxFlags]
	}
	if flags[0].set < len(rows) {
		m.Stages = append(m.Stages, StageMap{Name: topStageName(m.ID, header)})
	}
	seen := map[string]bool{}
	if len(m.Stages) > 0 {
		seen[strings.ToLower(m.Stages[0].Name)] = true
	}
	for _, f := range flags {
		isFlag[f.header] = true
		name := flagStageName(f.header)
		for i := 2; seen[strings.ToLower(name)]; i++ {
			name = fmt.Sprintf("%s (%d)", f.header, i)
		}
		seen[strings.ToLower(name)] = true
		m.Stages = append(m.Stages, StageMap{Name: name, Flag: f.header})
	}
	dims := m.Dims[:0:0]
	for _, d := range m.Dims {
		switch {
		case isFlag[d]:
		case m.ID == "" && idLike(d):
			m.ID = d
		default:
			dims = append(dims, d)
		}
	}
	m.Dims = dims
	return m, flags
}

// topStageName names the stage every record is at: "Lead" for a "Lead ID"
// column, "Opportunity" for "Opportunity Id", else "Record".
func topStageName(id string, header []string) string {
	if id == "" {
		for _, h := range header {
			if idLike(h) {
				id = h
				break
			}
		}
	}
	n := strings.TrimSpace(id)
	for _, suf := range []string{" id", "_id", "-id", "id"} {
		if len(n) > len(suf) && strings.EqualFold(n[len(n)-len(suf):], suf) {
			return stageName(strings.TrimSpace(n[:len(n)-len(suf)]))
		}
	}
	return "Record"
}

// flagStageName turns "IsClosed", "is_won" or "has demo" into "Closed",
// "Won" and "Demo".
func flagStageName(h string) string {
	n := strings.TrimSpace(h)
	for _, pre := range []string{"is_", "is ", "has_", "has "} {
		if len(n) > len(pre) && strings.EqualFold(n[:len(pre)], pre) {
			n = n[len(pre):]
		}
	}
	for _, pre := range []string{"Is", "Has"} {
		if len(n) > len(pre) && strings.HasPrefix(n, pre) && n[len(pre)] >= 'A' && n[len(pre)] <= 'Z' {
			n = n[len(pre):]
		}
	}
	n = strings.TrimSpace(strings.ReplaceAll(n, "_", " "))
	if n == "" {
		return h
	}
	return strings.ToUpper(n[:1]) + n[1:]
}

// autoFlags loads a file no preset fits and that has no date columns as
// stage flags, when it has an id-like column and two or more yes/no
// columns. It returns the mapping and the decision to report, or nil.
func autoFlags(name string, header []string, sm *sample) (*Mapping, string) {
	rows := flagRows(header, sm)
	m, flags := flagsMapping(header, rows)
	if m == nil || len(flags) < 2 || m.ID == "" {
		return nil, ""
	}
	var parts []string
	for _, f := range flags {
		parts = append(parts, fmt.Sprintf("%s (%d set)", f.header, f.set))
	}
	why := fmt.Sprintf("%s: no preset fits and there are no date columns; read as yes/no stage flags (flags shape), stages ordered by how many of the first %d rows have each set: %s; `funnel init` writes this as a mapping to edit",
		name, len(rows), strings.Join(parts, ", "))
	if m.Status != "" {
		why += fmt.Sprintf("; %q marks the exit", m.Status)
	}
	return m, why
}

// flagNote lists the yes/no columns of a file that already has date
// stages, for the starter mapping's comments.
func flagNote(header []string, rows [][][]byte) string {
	var names []string
	for _, f := range detectFlags(header, rows) {
		names = append(names, f.header)
	}
	if len(names) == 0 {
		return ""
	}
	return "# Yes/no columns (add as a stage with flag: COLUMN, or keep as dims): " +
		strings.ReplaceAll(strings.Join(names, ", "), "\n", " ") + "\n"
}
