package loaders

import (
	"strings"
)

// column roles in a generic date-per-stage file
type role int

const (
	roleDim role = iota
	roleID
	roleEmail
	roleStage
	roleStatus
	roleStatusDate
	roleReason
	roleAmount
)

func classify(h string) role {
	n := strings.ToLower(strings.TrimSpace(h))
	switch {
	case n == "id" || n == "lead_id" || n == "record_id" || n == "contact_id" || n == "deal_id":
		return roleID
	case strings.Contains(n, "email"):
		return roleEmail
	case n == "status" || n == "exit" || n == "outcome":
		return roleStatus
	case n == "status_date" || n == "exit_date" || n == "closed_date" || n == "lost_date":
		return roleStatusDate
	case strings.Contains(n, "reason"):
		return roleReason
	case n == "amount" || n == "value" || n == "deal_value" || n == "deal_amount":
		return roleAmount
	case n == "created" || n == "created_at" || n == "create_date" || n == "created_date" ||
		strings.HasSuffix(n, "_date") || strings.HasSuffix(n, " date") || strings.HasSuffix(n, "_at"):
		return roleStage
	}
	return roleDim
}

// stageName turns "mql_date" into "MQL" and "opportunity_date" into "Opportunity".
func stageName(h string) string {
	n := strings.ToLower(strings.TrimSpace(h))
	for _, suf := range []string{"_date", " date", "_at"} {
		n = strings.TrimSuffix(n, suf)
	}
	switch n {
	case "created", "create", "lead":
		return "Lead"
	case "mql", "sql", "sal", "pql", "poc":
		return strings.ToUpper(n)
	}
	n = strings.ReplaceAll(n, "_", " ")
	if n == "" {
		return h
	}
	return strings.ToUpper(n[:1]) + n[1:]
}

// Default exit words for generic files.
var (
	defaultWon   = []string{"won", "closed won", "closed-won", "customer"}
	defaultLost  = []string{"lost", "closed lost", "closed-lost"}
	defaultDQ    = []string{"disqualified", "dq", "unqualified", "junk"}
	defaultChurn = []string{"churned", "churn"}
)

// genericStageDates maps a file with one date column per stage, in file order.
func genericStageDates(header []string) *Mapping {
	m := &Mapping{Preset: PresetStageDates, Shape: ShapeStageDates, Won: defaultWon, Lost: defaultLost, Disqualified: defaultDQ}
	for _, h := range header {
		switch classify(h) {
		case roleID:
			if m.ID == "" {
				m.ID = h
				continue
			}
		case roleEmail:
			if m.Email == "" {
				m.Email = h
				continue
			}
		case roleStage:
			m.Stages = append(m.Stages, StageMap{Name: stageName(h), Date: h})
			continue
		case roleStatus:
			if m.Status == "" {
				m.Status = h
				continue
			}
		case roleStatusDate:
			if m.CloseDate == "" {
				m.CloseDate = h
				continue
			}
		case roleReason:
			if m.Reason == "" {
				m.Reason = h
				continue
			}
		case roleAmount:
			if m.Amount == "" {
				m.Amount = h
				continue
			}
		}
		if strings.EqualFold(h, "channel") || strings.EqualFold(h, "source") || strings.EqualFold(h, "lead_source") {
			if m.Channel == "" {
				m.Channel = h
				continue
			}
		}
		m.Dims = append(m.Dims, h)
	}
	return m
}
