package loaders

import (
	"fmt"
	"strings"
)

// Preset names accepted by Options.Preset / --preset.
const (
	PresetHubSpotContacts = "hubspot-contacts"
	PresetHubSpotDeals    = "hubspot-deals"
	PresetSalesforceLeads = "salesforce-leads"
	PresetSalesforceOpps  = "salesforce-opportunities"
	PresetPipedriveDeals  = "pipedrive-deals"
	PresetStageDates      = "stage-dates" // generic: one date column per stage
	PresetHistory         = "history"     // generic: id, stage, timestamp per row
)

type preset struct {
	name   string
	needs  []string // headers that must all be present to detect it
	build  func(h headerSet) *Mapping
	shapes string
}

// Presets lists the preset names, for help text and errors.
func Presets() []string {
	out := make([]string, 0, len(presets)+2)
	for _, p := range presets {
		out = append(out, p.name)
	}
	return append(out, PresetStageDates, PresetHistory)
}

// headerSet looks headers up case-insensitively and returns the first present.
type headerSet map[string]string

func newHeaderSet(h []string) headerSet {
	s := headerSet{}
	for _, v := range h {
		s[strings.ToLower(v)] = v
	}
	return s
}

func (s headerSet) pick(names ...string) string {
	for _, n := range names {
		if v, ok := s[strings.ToLower(n)]; ok {
			return v
		}
	}
	return ""
}

func (s headerSet) all(names ...string) []string {
	var out []string
	for _, n := range names {
		if v := s.pick(n); v != "" {
			out = append(out, v)
		}
	}
	return out
}

var presets = []preset{
	{name: PresetHubSpotContacts, needs: []string{"Contact ID|Record ID", "Create Date", "Lifecycle Stage|Became a Lead Date|Became a Marketing Qualified Lead Date"}, build: hubspotContacts},
	{name: PresetHubSpotDeals, needs: []string{"Deal ID|Record ID", "Deal Stage", "Deal Name"}, build: hubspotDeals},
	{name: PresetSalesforceLeads, needs: []string{"Lead ID", "Lead Status", "Created Date"}, build: salesforceLeads},
	{name: PresetSalesforceOpps, needs: []string{"Opportunity ID|Opportunity Name", "Stage", "Close Date"}, build: salesforceOpps},
	{name: PresetPipedriveDeals, needs: []string{"Deal - Title", "Deal - Stage", "Deal - Status"}, build: pipedriveDeals},
}

// presetFits reports whether the headers have what a preset needs to be
// detected (generic presets always fit).
func presetFits(name string, h headerSet) bool {
	for _, p := range presets {
		if p.name != name {
			continue
		}
		for _, alt := range p.needs {
			if h.pick(strings.Split(alt, "|")...) == "" {
				return false
			}
		}
	}
	return true
}

// presetMapping builds the named preset's mapping for these headers.
func presetMapping(name string, h headerSet, header []string) (*Mapping, error) {
	for _, p := range presets {
		if p.name == name {
			m := p.build(h)
			m.Preset = name
			return m, nil
		}
	}
	switch name {
	case PresetStageDates:
		return genericStageDates(header), nil
	case PresetHistory:
		if m := genericHistory(h, header); m != nil {
			return m, nil
		}
		return nil, errorf("", 1, 0, "", strings.Join(header, ", "), "an id, a stage and a date/timestamp column", "not a stage-history log")
	}
	return nil, fmt.Errorf("unknown preset %q: expected one of %s", name, strings.Join(Presets(), ", "))
}

func hubspotContacts(h headerSet) *Mapping {
	m := &Mapping{Shape: ShapeStageDates, ID: h.pick("Contact ID", "Record ID"), Email: h.pick("Email"),
		Account: h.pick("Company Name", "Associated Company"), Created: h.pick("Create Date"),
		Status: h.pick("Lead Status"), Disqualified: []string{"Unqualified", "Bad Timing", "Disqualified"},
		Channel: h.pick("Original Source"),
		Dims:    h.all("Original Source Drill-Down 1", "Original Source Drill-Down 2", "Contact owner", "Lifecycle Stage", "Country/Region", "Industry")}
	for _, s := range []struct{ name, col string }{
		{"Lead", "Became a Lead Date"}, {"MQL", "Became a Marketing Qualified Lead Date"},
		{"SQL", "Became a Sales Qualified Lead Date"}, {"Opportunity", "Became an Opportunity Date"},
		{"Customer", "Became a Customer Date"}} {
		if c := h.pick(s.col); c != "" || s.name == "Lead" {
			m.Stages = append(m.Stages, StageMap{Name: s.name, Date: c})
		}
	}
	return m
}

func hubspotDeals(h headerSet) *Mapping {
	return &Mapping{Shape: ShapeCurrentStage, ID: h.pick("Deal ID", "Record ID"), StageColumn: h.pick("Deal Stage"),
		Created: h.pick("Create Date"), CloseDate: h.pick("Close Date"), Reason: h.pick("Closed Lost Reason"),
		Amount: h.pick("Amount"), Currency: h.pick("Currency", "Deal Currency Code"),
		LeadRef: h.pick("Associated Contact IDs", "Associated Contact ID", "Associated Contact"),
		Account: h.pick("Associated Company", "Associated Company IDs"), Channel: h.pick("Original Source", "Original Source Type"),
		Dims: h.all("Pipeline", "Deal owner", "Deal Type"),
		Stages: []StageMap{
			{Name: "Appointment Scheduled", Values: []string{"appointmentscheduled"}},
			{Name: "Qualified To Buy", Values: []string{"qualifiedtobuy"}},
			{Name: "Presentation Scheduled", Values: []string{"presentationscheduled"}},
			{Name: "Decision Maker Bought-In", Values: []string{"decisionmakerboughtin"}},
			{Name: "Contract Sent", Values: []string{"contractsent"}},
			{Name: "Won", Values: []string{"Closed Won", "closedwon"}},
		},
		Won: []string{"Closed Won"}, Lost: []string{"Closed Lost", "closedlost"}}
}

func salesforceLeads(h headerSet) *Mapping {
	conv := StageMap{Name: "Converted", Date: h.pick("Converted Date"), Flag: h.pick("Converted")}
	m := &Mapping{Shape: ShapeStageDates, ID: h.pick("Lead ID"), Email: h.pick("Email"),
		Account: h.pick("Company / Account", "Company"), Created: h.pick("Created Date"),
		Status:       h.pick("Lead Status"),
		Disqualified: []string{"Closed - Not Converted", "Unqualified", "Disqualified", "Junk"},
		Channel:      h.pick("Lead Source"), Dims: h.all("Lead Owner", "Rating", "Industry", "Lead Status"),
		Stages: []StageMap{{Name: "Lead"}, conv}}
	if conv.Date == "" && conv.Flag != "" {
		m.Shape = ShapeFlags
	}
	return m
}

func salesforceOpps(h headerSet) *Mapping {
	return &Mapping{Shape: ShapeCurrentStage, ID: h.pick("Opportunity ID", "Opportunity Name"), StageColumn: h.pick("Stage"),
		Account: h.pick("Account Name"), Created: h.pick("Created Date"), CloseDate: h.pick("Close Date"),
		Amount: h.pick("Amount"), Currency: h.pick("Opportunity Currency", "Amount Currency"),
		Probability: h.pick("Probability (%)", "Probability"),
		Channel:     h.pick("Lead Source"), Reason: h.pick("Loss Reason", "Closed Lost Reason"),
		Dims: h.all("Opportunity Owner", "Type", "Fiscal Period"),
		Stages: []StageMap{
			{Name: "Prospecting"}, {Name: "Qualification"}, {Name: "Needs Analysis"}, {Name: "Value Proposition"},
			{Name: "Id. Decision Makers"}, {Name: "Perception Analysis"}, {Name: "Proposal/Price Quote"},
			{Name: "Negotiation/Review"}, {Name: "Won", Values: []string{"Closed Won"}},
		},
		Won: []string{"Closed Won"}, Lost: []string{"Closed Lost"}}
}

func pipedriveDeals(h headerSet) *Mapping {
	return &Mapping{Shape: ShapeCurrentStage, ID: h.pick("Deal - ID"), StageColumn: h.pick("Deal - Stage"),
		Status: h.pick("Deal - Status"), Won: []string{"won"}, Lost: []string{"lost"},
		Created: h.pick("Deal - Deal created", "Deal - Add time"), WonDate: h.pick("Deal - Won time"),
		LostDate: h.pick("Deal - Lost time"), CloseDate: h.pick("Deal - Expected close date"),
		Reason: h.pick("Deal - Lost reason"), Amount: h.pick("Deal - Value"), Currency: h.pick("Deal - Currency"),
		Account: h.pick("Deal - Organization", "Organization - Name"), Email: h.pick("Person - Email"),
		LeadRef: h.pick("Person - ID", "Deal - Contact person"),
		Channel: h.pick("Deal - Source", "Deal - Source channel", "Deal - Lead source"),
		Dims:    h.all("Deal - Pipeline", "Deal - Owner", "Deal - Title"),
		Stages: []StageMap{
			{Name: "Qualified"}, {Name: "Contact Made"}, {Name: "Demo Scheduled"}, {Name: "Proposal Made"},
			{Name: "Negotiations Started"}, {Name: "Won"},
		}}
}

// genericHistory recognises a stage-change log: an id, a stage and a timestamp column.
func genericHistory(h headerSet, header []string) *Mapping {
	id := h.pick("record_id", "lead_id", "deal_id", "id", "contact_id", "Record ID")
	stage := h.pick("stage", "to_stage", "new_stage", "new value", "stage_name")
	ts := h.pick("timestamp", "changed_at", "changed", "date", "entered_at", "at", "edit date", "modified")
	if id == "" || stage == "" || ts == "" || len(header) > 8 {
		return nil
	}
	return &Mapping{Preset: PresetHistory, Shape: ShapeHistory, ID: id, StageColumn: stage, Timestamp: ts,
		Lost: []string{"lost", "closed lost"}, Disqualified: []string{"disqualified", "dq", "unqualified"},
		Won: []string{"won", "closed won"}, Reason: h.pick("reason", "lost_reason"),
		Dims: h.all("channel", "source", "owner")}
}
