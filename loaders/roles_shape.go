package loaders

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

// pickShape decides how the file lays out the funnel and builds the stages.
func (in *inference) pickShape() error {
	ts := in.historyTimestamp()
	switch {
	case in.stage >= 0 && in.key >= 0 && ts >= 0 && in.historyEvidence():
		in.historyShape(ts)
	case in.stage >= 0:
		in.currentShape(in.stage, true)
	case len(in.dateStages(nil)) > 0 || in.m.Created != "" && in.status < 0 && in.wonFlag < 0 && len(in.stageFlags()) == 0:
		in.stageDatesShape()
	case in.status >= 0:
		in.currentShape(in.status, false)
	case in.wonFlag >= 0 || len(in.stageFlags()) > 0:
		in.flagsShape()
	default:
		return errorf(in.file, 1, 0, "", strings.Join(in.header, ","), "at least one stage date column (created, mql_date, ...), a stage or status column, or a yes/no outcome; for other files write a mapping with `funnel init`", "no stage columns")
	}
	in.outcome()
	if m := in.m; m.WonFlag == "" && m.ClosedFlag == "" && m.Status == "" && len(m.Won)+len(m.Lost)+len(m.Disqualified) == 0 {
		in.unsure = append(in.unsure, "no outcome (won/lost) column found")
	}
	return nil
}

// outcome sets the mapping's outcome columns and says how the outcome is read.
func (in *inference) outcome() {
	m := in.m
	var how []string
	if in.wonFlag >= 0 {
		m.WonFlag = in.header[in.wonFlag]
		in.set(in.wonFlag, "outcome: won when yes", 0.9)
		how = append(how, in.header[in.wonFlag])
	}
	if in.closedFlag >= 0 {
		m.ClosedFlag = in.header[in.closedFlag]
		in.set(in.closedFlag, "outcome: closed when yes", 0.9)
		how = append(how, in.header[in.closedFlag])
	}
	if in.result >= 0 && m.Status == "" {
		m.Status, m.Won, m.Lost = in.header[in.result], trueWords, falseWords
		how = []string{in.header[in.result] + " (yes = won, no = lost)"}
	}
	if in.status >= 0 && m.Status == "" {
		m.Status = in.header[in.status]
		in.addOutcomeValues(in.cols[in.status])
		in.set(in.status, "outcome (status)", 0.8)
		how = append(how, in.header[in.status])
	}
	if in.result >= 0 {
		in.say("%s read as the outcome: yes is won, no is lost", in.header[in.result])
	}
}

var falseWords = []string{"0", "no", "n", "false", "f"}

// addOutcomeValues lists a column's won, lost and disqualified values.
func (in *inference) addOutcomeValues(c *ColumnProfile) {
	m := in.m
	for _, vc := range c.values() {
		switch valueOutcome(vc.Value) {
		case outWon:
			m.Won = appendNew(m.Won, vc.Value)
		case outLost, outClosed:
			m.Lost = appendNew(m.Lost, vc.Value)
		case outDQ:
			m.Disqualified = appendNew(m.Disqualified, vc.Value)
		}
	}
}

func appendNew(s []string, v string) []string {
	for _, x := range s {
		if norm(x) == norm(v) {
			return s
		}
	}
	return append(s, v)
}

// currentShape builds a current-stage mapping from column c's values:
// a known CRM's order, else a sort-order or probability column, else
// counts; outcome values are exits, not stages.
func (in *inference) currentShape(c int, isStage bool) {
	m := in.m
	col := in.cols[c]
	m.Shape, m.StageColumn = ShapeCurrentStage, in.header[c]
	vals := col.values()
	var open, won []string
	for _, vc := range vals {
		switch valueOutcome(vc.Value) {
		case outNone:
			open = append(open, vc.Value)
		case outOpen:
			if isStage {
				open = append(open, vc.Value)
			}
		case outWon:
			won = append(won, vc.Value)
		}
	}
	in.addOutcomeValues(col)
	wonName := "Won"
	v, _ := matchVocab(vals)
	switch {
	case !isStage:
		var vs []string
		for _, vc := range vals {
			if valueOutcome(vc.Value) == outOpen || valueOutcome(vc.Value) == outNone {
				vs = append(vs, vc.Value)
			}
		}
		m.Stages = []StageMap{{Name: in.topName(), Values: vs}}
		in.order = "the outcome column has no stages: a two-stage funnel"
		in.set(c, "outcome (no stages)", 0.8)
	case v != nil:
		wonName = v.wonName
		for _, s := range v.stages {
			m.Stages = append(m.Stages, StageMap{Name: s})
		}
		var extra []string
		for _, o := range open {
			if v.isOutcome(o) {
				continue // the vocabulary's won, lost or disqualified value
			}
			if k := v.stageIndex(o); k >= 0 {
				if norm(o) != norm(v.stages[k]) {
					m.Stages[k].Values = appendNew(m.Stages[k].Values, o)
				}
			} else {
				extra = append(extra, o)
			}
		}
		for _, x := range v.won {
			won = appendNew(won, x)
		}
		for _, o := range open {
			if v.isOutcome(o) && containsNorm(v.won, o) {
				won = appendNew(won, o)
			}
		}
		for _, x := range v.lost {
			m.Lost = appendNew(m.Lost, x)
		}
		for _, x := range v.dq {
			m.Disqualified = appendNew(m.Disqualified, x)
		}
		for _, e := range extra {
			m.Stages = append(m.Stages, StageMap{Name: e})
		}
		in.order = v.name + " order"
		if len(extra) > 0 {
			in.order += fmt.Sprintf("; %s not in it, placed after %s", quoteList(extra), v.stages[len(v.stages)-1])
		}
		in.set(c, "current stage", 0.9)
	default:
		in.orderUnknown(c, open)
		in.set(c, "current stage", 0.6)
	}
	if len(won) > 0 || in.wonFlag >= 0 {
		if in.wonFlag >= 0 && !isStage && len(won) == 0 {
			wonName = flagStageName(in.header[in.wonFlag])
		}
		m.Stages = append(m.Stages, StageMap{Name: wonName, Values: won})
		m.Won = appendNew(m.Won, wonName)
		for _, w := range won {
			m.Won = appendNew(m.Won, w)
		}
	}
	in.attachStageDates()
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
