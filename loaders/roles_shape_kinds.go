package loaders

// The shapes other than a current-stage column: a stage-change log, a
// date per stage, yes/no step flags.

import (
	"fmt"
	"sort"
	"strings"
)

// historyEvidence says whether a file with a repeating key, a stage and a
// timestamp is a stage-change log: a from/previous stage column, a file
// named like a log, or keys whose rows change stage.
func (in *inference) historyEvidence() bool {
	for _, c := range in.cols {
		if hasAny(c.words, wordSet("from", "prev", "previous", "old")) && hasAny(c.words, wordSet("stage", "status", "phase")) {
			return true
		}
	}
	base := fileBase(in.file)
	for _, w := range []string{"history", "histories", "log", "changes", "events", "audit", "transitions", "movements", "historial", "verlauf"} {
		if strings.Contains(base, w) {
			return true
		}
	}
	stages := map[string]map[string]bool{}
	for _, r := range in.rows {
		k := string(trimB(r[in.key]))
		if stages[k] == nil {
			stages[k] = map[string]bool{}
		}
		stages[k][string(trimB(r[in.stage]))] = true
	}
	multi, changed := 0, 0
	for _, s := range stages {
		if len(s) > 1 {
			changed++
		}
		multi++
	}
	// Changes alone are weak evidence: an object file with its own unique
	// id or outcome flags is not a log.
	return multi > 0 && changed*10 >= multi && in.wonFlag < 0 && in.closedFlag < 0 && (in.id < 0 || !in.cols[in.id].Unique())
}

func fileBase(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		p = p[i+1:]
	}
	if i := strings.LastIndex(p, "__"); i >= 0 {
		p = p[i+2:]
	}
	return strings.ToLower(p)
}

// stageFlagWords are yes/no column names that mark a funnel step.
var stageFlagWords = wordSet("qualified", "contacted", "converted", "demo", "meeting", "trial", "mql", "sql", "sal", "opportunity",
	"proposal", "onboarded", "activated", "signed", "replied", "done", "completed", "scheduled", "held", "sent", "accepted",
	"engaged", "visited", "responded", "interested", "closed", "won", "paid", "subscribed", "purchased", "reached")

// stageFlags lists the yes/no columns that look like funnel steps.
func (in *inference) stageFlags() []flagCol {
	var out []flagCol
	for _, c := range in.cols {
		if c.Type != TypeBool || in.taken(c.Index) || c.Index == in.wonFlag || c.Index == in.closedFlag || c.True == 0 {
			continue
		}
		if hasAny(c.words, notOutcome) || flagClass(c.words) == "lost" || flagClass(c.words) == "dq" || flagClass(c.words) == "result" {
			continue
		}
		if !hasAny(core(c.words), stageFlagWords) {
			continue
		}
		out = append(out, flagCol{col: c.Index, header: c.Name, set: c.True})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].set > out[j].set })
	return out
}

// dateStages lists the date columns that date a stage in a file with no
// stage column: every date that is not the entry, won/lost/close date or
// an ignored kind, in file order.
func (in *inference) dateStages(_ []string) []*ColumnProfile {
	var out []*ColumnProfile
	for _, c := range in.cols {
		if !isDate(c) || in.taken(c.Index) && in.role[c.Index] != "won date" {
			continue
		}
		if len(dateStage(c)) == 0 {
			continue
		}
		out = append(out, c)
	}
	return out
}

// stageDatesShape builds one stage per date column, under a top stage
// dated by the entry date.
func (in *inference) stageDatesShape() {
	m := in.m
	m.Shape = ShapeStageDates
	m.Stages = nil
	for _, c := range in.dateStages(nil) {
		name := dateStageName(dateStage(c))
		if in.role[c.Index] == "won date" {
			m.WonDate, name = "", "Won"
		}
		m.Stages = append(m.Stages, StageMap{Name: name, Date: c.Name})
		in.set(c.Index, "date of stage "+name, 0.7)
	}
	top := in.topName()
	if top == "Record" {
		top = "Lead"
	}
	if m.Created != "" && (len(m.Stages) == 0 || !strings.EqualFold(m.Stages[0].Name, top) && m.Stages[0].Name != "Lead") {
		m.Stages = append([]StageMap{{Name: top}}, m.Stages...)
	}
	if m.Created == "" && len(m.Stages) > 0 && m.Stages[0].Date == "" {
		m.Stages[0].Date = m.Stages[0].Name
	}
	in.order = "one stage per date column, in file order"
}

// dateStageName turns a date column's stage words into a stage name:
// "marketing qualified lead" is MQL, "kickoff" Kickoff.
func dateStageName(w []string) string {
	name := strings.Join(w, " ")
	for _, v := range vocabs {
		if k := v.stageIndex(name); k >= 0 {
			return v.stages[k]
		}
	}
	switch norm(name) {
	case "created", "create", "lead":
		return "Lead"
	case "mql", "sql", "sal", "pql", "poc":
		return strings.ToUpper(name)
	case "customer":
		return "Customer"
	}
	if name == "" {
		return "Stage"
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

func stageList(s []StageMap) string {
	var n []string
	for _, x := range s {
		n = append(n, x.Name)
	}
	return strings.Join(n, " > ")
}

// flagsShape builds a yes/no funnel: a top stage, the step flags (most set
// first) and the won flag.
func (in *inference) flagsShape() {
	m := in.m
	m.Shape = ShapeFlags
	flags := in.stageFlags()
	if len(flags) > 14 {
		flags = flags[:14]
	}
	if len(flags) == 0 || flags[0].set < len(in.rows) {
		m.Stages = append(m.Stages, StageMap{Name: in.topName()})
	}
	for _, f := range flags {
		m.Stages = append(m.Stages, StageMap{Name: flagStageName(f.header), Flag: f.header})
		in.set(f.col, "stage flag", 0.6)
	}
	if in.wonFlag >= 0 {
		name := flagStageName(in.header[in.wonFlag])
		if len(name) < 3 || in.result >= 0 && flagClass(nameWords(name)) == "result" {
			name = "Won"
		}
		m.Stages = append(m.Stages, StageMap{Name: name, Flag: in.header[in.wonFlag]})
	}
	seen := map[string]bool{}
	for k := range m.Stages {
		for n := 2; seen[strings.ToLower(m.Stages[k].Name)]; n++ {
			m.Stages[k].Name = fmt.Sprintf("%s (%d)", m.Stages[k].Name, n)
		}
		seen[strings.ToLower(m.Stages[k].Name)] = true
	}
	// A lost or disqualified yes/no column gives the exit.
	for _, c := range in.cols {
		if c.Type != TypeBool || in.taken(c.Index) || in.status >= 0 {
			continue
		}
		switch flagClass(c.words) {
		case "lost":
			m.Status, m.Lost = c.Name, trueWords
		case "dq":
			m.Status, m.Disqualified = c.Name, trueWords
		default:
			continue
		}
		in.set(c.Index, "exit when yes", 0.8)
		break
	}
	if len(flags) == 0 {
		in.order = "no stages in the file: a two-stage funnel from the outcome"
	} else {
		in.order = "yes/no stage columns, ordered by how many rows have each set"
	}
}

// historyShape reads a stage-change log keyed by the repeating id.
func (in *inference) historyShape(ts int) {
	m := in.m
	for _, f := range []*string{&m.Created, &m.CloseDate, &m.WonDate, &m.LostDate} {
		if *f == in.header[ts] {
			*f = ""
		}
	}
	m.Timestamp = in.header[ts]
	in.set(ts, "time of the stage change", 0.8)
	m.Shape, m.ID, m.StageColumn = ShapeHistory, in.header[in.key], in.header[in.stage]
	in.set(in.key, "record key of the stage log", 0.8)
	col := in.cols[in.stage]
	in.addOutcomeValues(col)
	if v, _ := matchVocab(col.values()); v != nil {
		for _, s := range v.stages {
			if in.stageCount(col, StageMap{Name: s, Values: v.valuesOf(s, col)}) == 0 {
				continue // a log lists the stages it has
			}
			sm := StageMap{Name: s}
			for _, vc := range col.values() {
				if k := v.stageIndex(vc.Value); k >= 0 && v.stages[k] == s && norm(vc.Value) != norm(s) {
					sm.Values = append(sm.Values, vc.Value)
				}
			}
			m.Stages = append(m.Stages, sm)
		}
		for _, vc := range col.values() {
			if valueOutcome(vc.Value) == outNone && v.stageIndex(vc.Value) < 0 {
				m.Stages = append(m.Stages, StageMap{Name: vc.Value})
			}
		}
		var won []string
		for _, vc := range col.values() {
			if valueOutcome(vc.Value) == outWon {
				won = append(won, vc.Value)
			}
		}
		wonName := v.wonName
		if len(won) > 0 && !v.isOutcome(won[0]) {
			wonName = won[0]
		}
		m.Stages = append(m.Stages, StageMap{Name: wonName, Values: won})
		m.Won = appendNew(m.Won, wonName)
		m.Lost, m.Disqualified = append(m.Lost, v.lost...), append(m.Disqualified, v.dq...)
		in.order = v.name + " order"
	} else {
		in.order = "see below"
	}
	in.set(in.stage, "stage changed to", 0.8)
}
