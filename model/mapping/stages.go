package mapping

import (
	"fmt"
	"slices"
)

// Kind is what a value of the stage (or outcome) column means.
type Kind int

const (
	KindStage        Kind = iota // an open stage of the funnel
	KindWon                      // the record is won
	KindLost                     // the record is lost
	KindDisqualified             // the record is disqualified (an exit, like lost)
	KindNotStage                 // no stage: the record is open and counts at the first stage
	KindOpen                     // an outcome column's value that is neither won nor lost
)

func (k Kind) String() string {
	return [...]string{"stage", "won", "lost", "disqualified", "not a stage", "open"}[k]
}

// names are the stage-column values that mean stage s: its values, or its
// name when it lists none.
func (s StageMap) names() []string {
	if len(s.Values) > 0 {
		return s.Values
	}
	return []string{s.Name}
}

// Clone is a copy of m that shares nothing with it (nil lists stay nil).
func (m *Mapping) Clone() *Mapping {
	c := *m
	c.Stages = slices.Clone(m.Stages)
	for k := range c.Stages {
		c.Stages[k].Values = slices.Clone(c.Stages[k].Values)
	}
	c.Won, c.Lost, c.Disqualified = slices.Clone(m.Won), slices.Clone(m.Lost), slices.Clone(m.Disqualified)
	c.NotStages, c.Dims = slices.Clone(m.NotStages), slices.Clone(m.Dims)
	c.Segments = slices.Clone(m.Segments)
	for i := range c.Segments {
		c.Segments[i].Values = slices.Clone(c.Segments[i].Values)
	}
	return &c
}

// ValueOf says what value v of the stage or outcome column means, and for
// a stage its index. A value in the won list is won even when it also
// names the won stage (the stage won records reach).
func (m *Mapping) ValueOf(v string) (Kind, int) {
	n := norm(v)
	has := func(list []string) bool {
		return slices.ContainsFunc(list, func(x string) bool { return norm(x) == n })
	}
	switch {
	case has(m.Won):
		return KindWon, -1
	case has(m.Lost):
		return KindLost, -1
	case has(m.Disqualified):
		return KindDisqualified, -1
	case has(m.NotStages):
		return KindNotStage, -1
	}
	for k, s := range m.Stages {
		if has(s.names()) {
			return KindStage, k
		}
	}
	return KindOpen, -1
}

// WonStage is the index of the stage won records reach (the last one,
// when one of its values is a won value or its flag is the won flag), or
// -1.
func (m *Mapping) WonStage() int {
	k := len(m.Stages) - 1
	if k < 0 {
		return -1
	}
	s := m.Stages[k]
	if s.Flag != "" && same(s.Flag, m.WonFlag) || s.Date != "" && same(s.Date, m.WonDate) {
		return k
	}
	for _, v := range s.names() {
		if kind, _ := m.ValueOf(v); kind == KindWon {
			return k
		}
	}
	if len(s.Values) > 0 && slices.ContainsFunc(m.Won, func(x string) bool { return norm(x) == norm(s.Name) }) {
		return k
	}
	return -1
}

// MoveStage moves stage k one place up (delta -1) or down (+1). The won
// stage stays last.
func (m *Mapping) MoveStage(k, delta int) error {
	j := k + delta
	if k < 0 || k >= len(m.Stages) || j < 0 || j >= len(m.Stages) {
		return fmt.Errorf("no stage to swap with")
	}
	if w := m.WonStage(); w >= 0 && (k == w || j == w) {
		return fmt.Errorf("%s is where won records end: it stays the last stage", m.Stages[w].Name)
	}
	m.Stages[k], m.Stages[j] = m.Stages[j], m.Stages[k]
	return nil
}

// Mark makes value v of the stage or outcome column mean kind: won, lost
// or disqualified (an exit), not a stage, a stage (placed before the won
// stage, or last), or open (on no list: for an outcome column's value).
// A stage left with no value is dropped unless a date or flag column
// still marks it; the last stage is never dropped.
func (m *Mapping) Mark(v string, kind Kind) error {
	if was, _ := m.ValueOf(v); was == kind {
		return nil
	}
	if kind == KindStage {
		if k := m.stageNamed(v); k >= 0 && len(m.Stages[k].Values) == 0 {
			m.unlist(v)
			return nil // its own stage, once off the exit lists
		}
	}
	if err := m.unstage(v); err != nil {
		return err
	}
	m.unlist(v)
	switch kind {
	case KindWon:
		m.Won = append(m.Won, v)
	case KindLost:
		m.Lost = append(m.Lost, v)
	case KindDisqualified:
		m.Disqualified = append(m.Disqualified, v)
	case KindNotStage:
		m.NotStages = append(m.NotStages, v)
	case KindStage:
		at := len(m.Stages)
		if w := m.WonStage(); w >= 0 {
			at = w
		}
		m.Stages = slices.Insert(m.Stages, at, StageMap{Name: m.freeName(v), Values: []string{v}})
		if m.Stages[at].Name == v {
			m.Stages[at].Values = nil // named after its one value
		}
	}
	return nil
}

// stageNamed is the stage whose name is v, or -1.
func (m *Mapping) stageNamed(v string) int {
	return slices.IndexFunc(m.Stages, func(s StageMap) bool { return norm(s.Name) == norm(v) })
}

// unlist takes v off the outcome and not-a-stage lists.
func (m *Mapping) unlist(v string) {
	drop := func(list []string) []string {
		return slices.DeleteFunc(list, func(x string) bool { return norm(x) == norm(v) })
	}
	m.Won, m.Lost, m.Disqualified, m.NotStages = drop(m.Won), drop(m.Lost), drop(m.Disqualified), drop(m.NotStages)
}

// unstage takes v out of the stages it names, dropping a stage it was
// the last value of.
func (m *Mapping) unstage(v string) error {
	for k := len(m.Stages) - 1; k >= 0; k-- {
		s := &m.Stages[k]
		if !slices.ContainsFunc(s.names(), func(x string) bool { return norm(x) == norm(v) }) {
			continue
		}
		if len(s.Values) > 0 {
			s.Values = slices.DeleteFunc(s.Values, func(x string) bool { return norm(x) == norm(v) })
			if len(s.Values) > 0 {
				continue
			}
		}
		if s.Date != "" || s.Flag != "" {
			s.Values = []string{} // kept by its column; no value names it
			continue
		}
		if len(m.Stages) == 1 {
			return fmt.Errorf("%s is the only stage left: the funnel needs one", s.Name)
		}
		m.Stages = slices.Delete(m.Stages, k, k+1)
	}
	return nil
}
