package loaders

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// inference assigns each column a role from its name, type and values
// together, and builds the mapping the file is loaded with.
type inference struct {
	file   string
	header []string
	cols   []*ColumnProfile
	rows   [][][]byte // the sample the profiles come from
	m      *Mapping
	role   map[int]string  // column → role, in words
	conf   map[int]float64 // column → confidence 0..1
	notes  []string        // what was decided, in words
	unsure []string        // why the guess is weak (empty: sure)

	id, key, stage, status      int // key: a history log's record key
	wonFlag, closedFlag, result int
	order                       string // how the stage order was found
}

func (in *inference) col(name string) *ColumnProfile {
	for _, c := range in.cols {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func (in *inference) set(c int, role string, conf float64) {
	in.role[c], in.conf[c] = role, conf
}

func (in *inference) taken(c int) bool { _, ok := in.role[c]; return ok }

// objectWords name the kind of record and are dropped before matching a
// header ("Deal Stage" is a stage, "Opportunity Amount" an amount).
var objectWords = map[string]bool{"deal": true, "deals": true, "opportunity": true, "opp": true, "oppty": true, "lead": true,
	"contact": true, "record": true, "is": true, "has": true, "was": true, "the": true, "a": true, "an": true, "of": true}

// core drops object words, keeping the words that say what a column is.
func core(words []string) []string {
	var out []string
	for _, w := range words {
		if !objectWords[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return words
	}
	return out
}

func phrase(words []string) string { return strings.Join(words, " ") }

// nameScore scores a column's words against phrases: an exact phrase
// scores its weight, a phrase contained in the name its weight times the
// share of the name's words it covers.
func nameScore(words []string, phrases map[string]float64) float64 {
	w := core(words)
	p := phrase(w)
	if s, ok := phrases[p]; ok {
		return s
	}
	best := 0.0
	for ph, s := range phrases {
		pw := strings.Fields(ph)
		if containsRun(w, pw) {
			best = max(best, s*float64(len(pw))/float64(len(w)))
		}
	}
	return best
}

// containsRun says whether words holds sub as consecutive words.
func containsRun(words, sub []string) bool {
	for i := 0; i+len(sub) <= len(words); i++ {
		ok := true
		for j := range sub {
			if words[i+j] != sub[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// inferMapping decides the columns' roles and the funnel's shape.
func inferMapping(file string, header []string, cols []*ColumnProfile, rows [][][]byte) (*inference, error) {
	in := &inference{file: file, header: header, cols: cols, rows: rows, m: &Mapping{},
		role: map[int]string{}, conf: map[int]float64{},
		id: -1, key: -1, stage: -1, status: -1, wonFlag: -1, closedFlag: -1, result: -1}
	in.pickStatus()
	in.pickStage()
	in.pickLooseStatus()
	in.pickOutcomeFlags()
	in.pickIDs()
	in.pickMeasures()
	in.pickDates()
	if err := in.pickShape(); err != nil {
		return nil, err
	}
	in.pickModified()
	in.pickDims()
	if in.id >= 0 && in.m.ID == "" {
		in.m.ID = in.header[in.id]
	}
	dedupeStages(in.m)
	// A log with no known vocabulary orders its stages when read (history.go).
	if in.m.Shape == ShapeHistory && len(in.m.Stages) == 0 {
		return in, nil
	}
	if err := in.m.Check(); err != nil {
		return nil, errorf(file, 1, 0, "", strings.Join(header, ","), "columns a funnel can be read from; write a mapping with `funnel init`", "cannot read the funnel: "+err.Error())
	}
	return in, nil
}

// stem lowercases and drops a file's extension and CRM prefixes, for
// naming the top stage after the kind of record ("opportunities.xlsx").
func fileObject(file string) string {
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)))
	if i := strings.LastIndex(base, "__"); i >= 0 {
		base = base[i+2:]
	}
	words := nameWords(base)
	for i := len(words) - 1; i >= 0; i-- {
		switch words[i] {
		case "opportunity", "opportunities", "opps":
			return "Opportunity"
		case "deal", "deals":
			return "Deal"
		case "lead", "leads":
			return "Lead"
		case "contact", "contacts":
			return "Contact"
		case "signup", "signups":
			return "Signup"
		case "trial", "trials":
			return "Trial"
		}
	}
	return ""
}

// topName names the stage every record is at when the file gives none.
func (in *inference) topName() string {
	if in.id >= 0 {
		for _, w := range in.cols[in.id].words {
			switch w {
			case "opportunity", "deal", "lead", "contact", "account", "customer", "prospect", "signup", "trial":
				return strings.ToUpper(w[:1]) + w[1:]
			}
		}
		if n := topStageName(in.header[in.id], in.header); n != "Record" && len(n) > 2 {
			return n
		}
	}
	if n := fileObject(in.file); n != "" {
		return n
	}
	return "Record"
}

// say records a decision in words.
func (in *inference) say(format string, a ...any) {
	in.notes = append(in.notes, fmt.Sprintf(format, a...))
}

// describe lists the roles in file order ("StageName: current stage").
func (in *inference) describe() []string {
	var cs []int
	for c := range in.role {
		cs = append(cs, c)
	}
	sort.Ints(cs)
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s (%s): %s", in.header[c], in.cols[c], in.role[c]))
	}
	return out
}

// dedupeStages keeps stage names unique (a value may name two stages).
func dedupeStages(m *Mapping) {
	seen := map[string]bool{}
	for k := range m.Stages {
		for n := 2; seen[strings.ToLower(m.Stages[k].Name)]; n++ {
			m.Stages[k].Name = fmt.Sprintf("%s (%d)", m.Stages[k].Name, n)
		}
		seen[strings.ToLower(m.Stages[k].Name)] = true
	}
}
