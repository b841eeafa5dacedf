package columns

import (
	"slices"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mapping"
)

// file is one input file's part of the screen: its columns as profiled,
// the mapping being edited and the one the data on screen was read with.
type file struct {
	name string // as in Load.Files of the data as read
	cols []model.ColumnInfo
	m    *mapping.Mapping // being edited (a copy); nil when the load recorded none
	orig *mapping.Mapping // what the data on screen was read with
	// latest names the latest snapshot when this file is an earlier one of
	// a series: the funnel is read with the latest's stages, not these.
	latest string
}

// filesOf splits the data's column list by file, each with a copy of its
// mapping to edit.
func filesOf(ds *model.Dataset) []file {
	ld := ds.Load
	next := map[string]string{}
	for _, st := range ld.Snapshots {
		next[st.From] = st.To
	}
	var out []file
	for i, name := range ld.Files {
		f := file{name: name}
		for at, n := name, 0; n < len(ld.Snapshots); n++ { // the end of the series
			to, ok := next[at]
			if !ok {
				break
			}
			f.latest, at = to, to
		}
		if i < len(ld.Mappings) && ld.Mappings[i] != nil {
			f.orig = ld.Mappings[i]
			f.m = f.orig.Clone()
		}
		for _, c := range ld.Columns {
			if c.File == name {
				f.cols = append(f.cols, c)
			}
		}
		out = append(out, f)
	}
	return out
}

// col is column name's profile in f (nil when f has none).
func (f *file) col(name string) *model.ColumnInfo {
	for i := range f.cols {
		if mappingSame(f.cols[i].Name, name) {
			return &f.cols[i]
		}
	}
	return nil
}

// mappingSame says whether a mapping's column name a names header b (the
// loader matches headers without case, trimmed).
func mappingSame(a, b string) bool {
	return a != "" && strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// values are the stage or outcome column's values: the ones sampled, most
// frequent first, then those the mapping names that the sample did not
// show (when the sample saw every value, only those it saw).
func (f *file) values(col string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(v string) {
		if n := mapping.Norm(v); n != "" && !seen[n] {
			seen[n] = true
			out = append(out, v)
		}
	}
	c := f.col(col)
	complete := false
	if c != nil {
		for _, vc := range c.Top {
			add(vc.Value)
		}
		complete = len(c.Top) > 0 && len(c.Top) == c.Distinct
	}
	if f.m == nil || complete {
		return out
	}
	for _, s := range f.m.Stages {
		if len(s.Values) == 0 {
			add(s.Name)
		}
		for _, v := range s.Values {
			add(v)
		}
	}
	for _, v := range slices.Concat(f.m.Won, f.m.Lost, f.m.Disqualified, f.m.NotStages) {
		add(v)
	}
	return out
}

// rowKind is what a line of the screen is.
type rowKind uint8

const (
	rowFile    rowKind = iota // a file's heading (several files)
	rowColumn                 // a column of the file
	rowStages                 // the heading of a file's stage list
	rowStage                  // a stage, top first
	rowValue                  // a stage-column value that is no open stage (won, lost, not a stage)
	rowOutcome                // the heading of an outcome column's values
	rowOutVal                 // a value of the outcome column
)

// row is one line of the list.
type row struct {
	kind  rowKind
	f     int          // the file
	c     int          // rowColumn: the column in the file's list
	k     int          // rowStage: the stage
	value string       // rowValue, rowOutVal: the value
	what  mapping.Kind // rowValue, rowOutVal: what the value means
}

// selectable says whether the cursor stops on a row (not on headings).
func (r row) selectable() bool {
	return r.kind != rowFile && r.kind != rowStages && r.kind != rowOutcome
}

// buildRows lists every file's columns, then its stages and the values
// of its stage and outcome columns that are not open stages.
func buildRows(files []file) []row {
	var out []row
	for fi := range files {
		f := &files[fi]
		if len(files) > 1 {
			out = append(out, row{kind: rowFile, f: fi})
		}
		for c := range f.cols {
			out = append(out, row{kind: rowColumn, f: fi, c: c})
		}
		m := f.m
		if m == nil {
			continue
		}
		out = append(out, row{kind: rowStages, f: fi})
		if f.latest != "" { // an earlier snapshot: its stages are the latest's
			continue
		}
		for k := range m.Stages {
			out = append(out, row{kind: rowStage, f: fi, k: k})
		}
		if m.StageColumn != "" && (m.Shape == mapping.ShapeCurrentStage || m.Shape == mapping.ShapeHistory) {
			for _, v := range f.values(m.StageColumn) {
				if what, _ := m.ValueOf(v); what != mapping.KindStage {
					out = append(out, row{kind: rowValue, f: fi, value: v, what: what})
				}
			}
		}
		if m.Status != "" && !mappingSame(m.Status, m.StageColumn) {
			out = append(out, row{kind: rowOutcome, f: fi})
			for _, v := range f.values(m.Status) {
				what, _ := m.ValueOf(v)
				if what == mapping.KindStage {
					what = mapping.KindOpen
				}
				out = append(out, row{kind: rowOutVal, f: fi, value: v, what: what})
			}
		}
	}
	return out
}

// belowWhat names the parts of the list below the window: the stage
// order and the values, which a short window hides first.
func (m *Model) belowWhat() string {
	_, to := m.list.Window()
	var parts []string
	for _, r := range m.rows[min(to, len(m.rows)):] {
		switch {
		case r.kind == rowStages && !slices.Contains(parts, "the stage order"):
			parts = append(parts, "the stage order")
		case (r.kind == rowValue || r.kind == rowOutVal) && !slices.Contains(parts, "what the values mean"):
			parts = append(parts, "what the values mean")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, " and ") + " among them"
}
