// Package mapping is what a mapping file says: which columns of an export
// a funnel is read from (the record id, the stages and their order, the
// outcome, dates, money, dimensions), in one of four shapes. The loader
// decides one for every file it reads (and reads files with a given one);
// `funnel init` writes it; the explorer's column screen shows and edits it.
// A Mapping is plain data with no I/O: package loaders reads, writes and
// applies it.
package mapping

import (
	"fmt"
	"strings"
)

// Shape is how a file lays out the funnel.
type Shape string

const (
	// ShapeStageDates: one row per record, one date column per stage.
	ShapeStageDates Shape = "stage-dates"
	// ShapeCurrentStage: one row per record holding only its current stage;
	// earlier stages are inferred from the stage order.
	ShapeCurrentStage Shape = "current-stage"
	// ShapeHistory: one row per stage change (record id, stage, timestamp).
	ShapeHistory Shape = "history"
	// ShapeFlags: one yes/no column per stage, no dates.
	ShapeFlags Shape = "flags"
)

// Mapping names the columns a file's funnel comes from. Presets build one
// from known CRM headers; a mapping file (--map funnel.yaml) gives one for
// any CSV. Column names match headers case-insensitively.
type Mapping struct {
	Preset string `yaml:"preset,omitempty" toml:"preset,omitempty" json:"preset,omitempty"`
	Shape  Shape  `yaml:"shape" toml:"shape" json:"shape"`
	// Sheet is the worksheet of an .xlsx workbook (default: the first).
	Sheet string `yaml:"sheet,omitempty" toml:"sheet,omitempty" json:"sheet,omitempty"`
	// Record identity and join keys.
	ID      string `yaml:"id,omitempty" toml:"id,omitempty" json:"id,omitempty"`
	Email   string `yaml:"email,omitempty" toml:"email,omitempty" json:"email,omitempty"`
	Account string `yaml:"account,omitempty" toml:"account,omitempty" json:"account,omitempty"`
	// LeadRef names a column holding the id of the lead/contact a deal
	// belongs to (HubSpot "Associated Contact IDs"), used to join files.
	LeadRef string `yaml:"lead_ref,omitempty" toml:"lead_ref,omitempty" json:"lead_ref,omitempty"`
	// Created is the entry date (the first stage's date when it has none).
	Created string `yaml:"created,omitempty" toml:"created,omitempty" json:"created,omitempty"`
	// Stages in funnel order, top first.
	Stages []StageMap `yaml:"stages" toml:"stages" json:"stages"`
	// StageColumn holds the current stage (current-stage) or the stage
	// changed to (history); Timestamp the change's date (history).
	StageColumn string `yaml:"stage_column,omitempty" toml:"stage_column,omitempty" json:"stage_column,omitempty"`
	Timestamp   string `yaml:"timestamp,omitempty" toml:"timestamp,omitempty" json:"timestamp,omitempty"`
	// Status holds open/won/lost; Won, Lost and Disqualified list the
	// values (of Status or StageColumn) that mean each exit.
	Status       string   `yaml:"status,omitempty" toml:"status,omitempty" json:"status,omitempty"`
	Won          []string `yaml:"won,omitempty" toml:"won,omitempty" json:"won,omitempty"`
	Lost         []string `yaml:"lost,omitempty" toml:"lost,omitempty" json:"lost,omitempty"`
	Disqualified []string `yaml:"disqualified,omitempty" toml:"disqualified,omitempty" json:"disqualified,omitempty"`
	// NotStages lists values of the stage column that are no stage of the
	// funnel (on hold, parked): a record at one is open and counts at the
	// first stage; in a stage-change log a row with one is not a change.
	NotStages []string `yaml:"not_stages,omitempty" toml:"not_stages,omitempty" json:"not_stages,omitempty"`
	// WonFlag is a yes/no column (IsWon, Converted): yes means won,
	// whatever the stage label says. ClosedFlag is a yes/no column
	// (IsClosed): no means still open even at a stage labelled closed
	// (HubSpot's "Closed: abandoned"); yes and not won means lost.
	WonFlag    string `yaml:"won_flag,omitempty" toml:"won_flag,omitempty" json:"won_flag,omitempty"`
	ClosedFlag string `yaml:"closed_flag,omitempty" toml:"closed_flag,omitempty" json:"closed_flag,omitempty"`
	// WonDate, LostDate and CloseDate give the exit day.
	WonDate   string `yaml:"won_date,omitempty" toml:"won_date,omitempty" json:"won_date,omitempty"`
	LostDate  string `yaml:"lost_date,omitempty" toml:"lost_date,omitempty" json:"lost_date,omitempty"`
	CloseDate string `yaml:"close_date,omitempty" toml:"close_date,omitempty" json:"close_date,omitempty"`
	Reason    string `yaml:"reason,omitempty" toml:"reason,omitempty" json:"reason,omitempty"`
	Amount    string `yaml:"amount,omitempty" toml:"amount,omitempty" json:"amount,omitempty"`
	Currency  string `yaml:"currency,omitempty" toml:"currency,omitempty" json:"currency,omitempty"`
	// Probability is a win probability in percent.
	Probability string `yaml:"probability,omitempty" toml:"probability,omitempty" json:"probability,omitempty"`
	// Channel is the acquisition channel (lead source); Dims are more
	// columns to break down by. Both become dimensions.
	Channel string `yaml:"channel,omitempty" toml:"channel,omitempty" json:"channel,omitempty"`
	// Owner is the record owner's column (the sales rep): a dimension,
	// listed before Dims.
	Owner string   `yaml:"owner,omitempty" toml:"owner,omitempty" json:"owner,omitempty"`
	Dims  []string `yaml:"dims,omitempty" toml:"dims,omitempty" json:"dims,omitempty"`
	// Segments are ICP segment rules (first match wins) for the report's
	// segments section; each names a dimension (channel or one of dims).
	Segments []SegmentRule `yaml:"segments,omitempty" toml:"segments,omitempty" json:"segments,omitempty"`

	// Modified is the record's last-modified date, the data's own clock
	// (LastModifiedDate, "Last Modified Date", "Update time"): a record
	// cannot have closed after it was last changed, so a later close date
	// is a planned one and the record counts as closed on its last change.
	Modified string `yaml:"modified,omitempty" toml:"modified,omitempty" json:"modified,omitempty"`
}

// StageMap is one funnel stage: its date column (stage-dates), its yes/no
// column (flags, or alongside a date), and the stage-column values that
// mean it (current-stage, history).
type StageMap struct {
	Name   string   `yaml:"name" toml:"name" json:"name"`
	Date   string   `yaml:"date,omitempty" toml:"date,omitempty" json:"date,omitempty"`
	Flag   string   `yaml:"flag,omitempty" toml:"flag,omitempty" json:"flag,omitempty"`
	Values []string `yaml:"values,omitempty" toml:"values,omitempty" json:"values,omitempty"`
}

// SegmentRule puts a record in an ICP segment when its Column value is one
// of Values (case-insensitive), or when it reads as a number in
// [Min, Max) ("51-200" reads as 51; thousands separators are ignored). The
// mapping file fills a list of these; the first matching rule wins
// (model/money assigns them).
type SegmentRule struct {
	Segment string   `json:"segment" yaml:"segment" toml:"segment"`
	Column  string   `json:"column" yaml:"column" toml:"column"`
	Values  []string `json:"values,omitempty" yaml:"values,omitempty" toml:"values,omitempty"`
	Min     *float64 `json:"min,omitempty" yaml:"min,omitempty" toml:"min,omitempty"`
	Max     *float64 `json:"max,omitempty" yaml:"max,omitempty" toml:"max,omitempty"`
}

// Check reports a mapping that cannot work, saying what is missing.
func (m *Mapping) Check() error {
	switch m.Shape {
	case ShapeStageDates, ShapeCurrentStage, ShapeHistory, ShapeFlags:
	case "":
		return fmt.Errorf("shape is missing: expected one of stage-dates, current-stage, history, flags")
	default:
		return fmt.Errorf("shape %q is unknown: expected one of stage-dates, current-stage, history, flags", m.Shape)
	}
	if len(m.Stages) == 0 {
		return fmt.Errorf("stages is empty: list the funnel stages, top first")
	}
	if len(m.Stages) > 16 {
		return fmt.Errorf("%d stages listed: at most 16 are supported", len(m.Stages))
	}
	seen := map[string]bool{}
	for i, s := range m.Stages {
		if strings.TrimSpace(s.Name) == "" {
			return fmt.Errorf("stage %d has no name", i+1)
		}
		if seen[strings.ToLower(s.Name)] {
			return fmt.Errorf("stage %q is listed twice", s.Name)
		}
		seen[strings.ToLower(s.Name)] = true
		if m.Shape == ShapeStageDates && s.Date == "" && s.Flag == "" && !(i == 0 && m.Created != "") {
			return fmt.Errorf("stage %q has no date column (shape stage-dates)", s.Name)
		}
		if m.Shape == ShapeFlags && s.Flag == "" && s.Date == "" && !(i == 0) {
			return fmt.Errorf("stage %q has no flag column (shape flags)", s.Name)
		}
	}
	if (m.Shape == ShapeCurrentStage || m.Shape == ShapeHistory) && m.StageColumn == "" {
		return fmt.Errorf("stage_column is missing (shape %s)", m.Shape)
	}
	if m.Shape == ShapeHistory && (m.ID == "" || m.Timestamp == "") {
		return fmt.Errorf("history needs id and timestamp columns")
	}
	for i, r := range m.Segments {
		switch {
		case strings.TrimSpace(r.Segment) == "":
			return fmt.Errorf("segments rule %d has no segment name", i+1)
		case strings.TrimSpace(r.Column) == "":
			return fmt.Errorf("segments rule %q has no column", r.Segment)
		case len(r.Values) == 0 && r.Min == nil && r.Max == nil:
			return fmt.Errorf("segments rule %q: give values, or a min and/or max", r.Segment)
		}
	}
	return nil
}
