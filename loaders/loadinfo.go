package loaders

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// setup settles what the plan takes from the profiles: whether the
// probability column holds fractions, and (for a join) which columns to
// keep for matching files by value.
func (p *plan) setup(profiles []*ColumnProfile, join bool) {
	if p.prob >= 0 && p.prob < len(profiles) {
		c := profiles[p.prob]
		p.probFrac = numeric(c) && c.Max <= 1 && c.Min >= 0
	}
	if !join || p.m.Shape == ShapeHistory {
		return
	}
	seen := map[int]bool{}
	add := func(c int) {
		if c >= 0 && !seen[c] && len(p.keyCols) < 12 {
			seen[c] = true
			p.keyCols = append(p.keyCols, c)
		}
	}
	add(p.id)
	add(p.email)
	add(p.leadRef)
	for _, c := range profiles {
		switch {
		case c.Type == TypeID, c.Type == TypeEmail, idName(c.words) && c.Type != TypeEmpty:
			add(c.Index)
		}
	}
	add(p.account)
	p.fold = map[int]bool{p.email: true, p.account: true}
	for _, c := range profiles {
		if (c.Type == TypeCategory || c.Type == TypeText) && nameScore(c.words, accountNames) >= 5 {
			add(c.Index)
			p.fold[c.Index] = true
		}
	}
}

// roles names each column's role in the mapping, by header index.
func mappingRoles(m *Mapping, header []string) map[int]string {
	idx := map[string]int{}
	for i, h := range header {
		if _, ok := idx[strings.ToLower(h)]; !ok {
			idx[strings.ToLower(h)] = i
		}
	}
	out := map[int]string{}
	set := func(h, role string) {
		if i, ok := idx[strings.ToLower(strings.TrimSpace(h))]; ok && h != "" {
			if _, taken := out[i]; !taken {
				out[i] = role
			}
		}
	}
	stage := "current stage"
	switch m.Shape {
	case ShapeHistory:
		stage = "stage changed to"
		set(m.ID, "record key (one row per stage change)")
	default:
		set(m.ID, "record id")
	}
	set(m.StageColumn, stage)
	set(m.Timestamp, "time of the stage change")
	set(m.WonFlag, "outcome: won when yes")
	set(m.ClosedFlag, "outcome: closed when yes")
	set(m.Status, "outcome")
	set(m.Created, "entry date")
	for _, s := range m.Stages {
		set(s.Date, "date of stage "+s.Name)
		set(s.Flag, "stage flag: "+s.Name)
	}
	set(m.WonDate, "won date")
	set(m.LostDate, "lost date")
	set(m.CloseDate, "close date (the outcome's date)")
	set(m.Modified, "last modified (the record's last change)")
	set(m.Amount, "amount")
	set(m.Currency, "currency")
	set(m.Probability, "win probability")
	set(m.Channel, "channel")
	set(m.Owner, "owner (dimension)")
	set(m.Reason, "lost reason")
	set(m.Email, "email")
	set(m.Account, "account")
	for _, d := range m.Dims {
		set(d, "dimension")
	}
	set(m.LeadRef, "lead/contact reference")
	for _, d := range m.Dims {
		set(d, "dimension")
	}
	return out
}

// describeLoad fills the load's column list, one-line summary and unsure
// flag from the profiles and the mapping used.
func describeLoad(l *loaded, name string, profiles []*ColumnProfile, inf *inference) {
	ld := &l.ds.Load
	m := l.mapping
	roles := mappingRoles(m, l.header)
	for _, c := range profiles {
		ci := model.ColumnInfo{File: name, Index: c.Index, Name: c.Name, Type: string(c.Type), Format: c.Format,
			Role: roles[c.Index], Rows: c.Rows, Blank: c.Blank, Distinct: c.Distinct, Samples: c.Samples, Top: c.Top, Confidence: 1}
		if inf != nil {
			ci.Confidence = 0.5
			if v, ok := inf.conf[c.Index]; ok {
				ci.Confidence = v
			}
		}
		if ci.Role == "" {
			ci.Confidence = 0
		}
		ld.Columns = append(ld.Columns, ci)
	}
	ld.Summary = summary(m, inf)
	if inf != nil && len(inf.unsure) > 0 {
		ld.Unsure = true
		ld.UnsureWhy = append(ld.UnsureWhy, inf.unsure...)
	}
	ld.Decisions = append([]string{name + ": " + ld.Summary}, ld.Decisions...)
}

// summary says in one line what the main columns were read as.
func summary(m *Mapping, inf *inference) string {
	var parts []string
	order := ""
	if inf != nil && inf.order != "" && inf.order != "see below" {
		order = " (" + inf.order + ")"
	}
	switch m.Shape {
	case ShapeCurrentStage:
		if m.Status == m.StageColumn {
			parts = append(parts, fmt.Sprintf("%s read as the outcome; the file has no stages, so the funnel is %s", m.StageColumn, stageList(m.Stages)))
			break
		}
		parts = append(parts, fmt.Sprintf("%s read as the current stage%s", m.StageColumn, order))
	case ShapeHistory:
		parts = append(parts, fmt.Sprintf("read as a stage-change log: one row per change of %s, record key %s, time %s%s", m.StageColumn, m.ID, m.Timestamp, order))
	case ShapeStageDates:
		parts = append(parts, "stages read from date columns: "+stageList(m.Stages)+order)
	case ShapeFlags:
		parts = append(parts, "stages read from yes/no columns: "+stageList(m.Stages)+order)
	}
	var out []string
	for _, c := range []string{m.WonFlag, m.ClosedFlag, m.Status} {
		if c != "" && c != m.StageColumn && !containsStr(out, c) {
			out = append(out, c)
		}
	}
	if len(out) > 0 {
		parts = append(parts, strings.Join(out, "/")+" as the outcome")
	} else if len(m.Won)+len(m.Lost) > 0 && m.StageColumn != "" && m.StageColumn != m.Status {
		parts = append(parts, "outcome from the stage labels")
	}
	if m.Created != "" {
		parts = append(parts, m.Created+" as the entry date")
	}
	if m.CloseDate != "" {
		parts = append(parts, m.CloseDate+" as the close date")
	}
	if m.Modified != "" {
		parts = append(parts, m.Modified+" as the last change")
	}
	if m.Amount != "" {
		a := m.Amount + " as the amount"
		if m.Currency != "" {
			a += " in " + m.Currency
		}
		parts = append(parts, a)
	}
	if m.Channel != "" {
		parts = append(parts, m.Channel+" as the channel")
	}
	if m.ID != "" && m.Shape != ShapeHistory {
		parts = append(parts, m.ID+" as the id")
	}
	return strings.Join(parts, "; ")
}
