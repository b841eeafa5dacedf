package loaders

import (
	"fmt"
	"strings"
)

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
		case outSide:
			m.NotStages = appendNew(m.NotStages, vc.Value)
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
			if o := valueOutcome(vc.Value); o == outOpen || o == outNone || o == outSide {
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
