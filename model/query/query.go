package query

import (
	"math/bits"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// Result is a funnel query's answer: the whole selection, one slice per
// breakdown value, and per-period trends. Its size depends on stages,
// groups and periods, never on the number of records.
type Result struct {
	Total    int    `json:"total_records"` // records in the dataset
	Records  int    `json:"records"`       // records selected (filters, as of)
	AsOf     string `json:"as_of"`
	TimeZone string `json:"time_zone"`
	Filter   string `json:"filter,omitempty"`
	By       string `json:"by,omitempty"`
	Period   string `json:"period,omitempty"`
	// Change names the period comparison (WoW, MoM, QoQ, YoY).
	Change    string       `json:"change,omitempty"`
	WeekStart string       `json:"week_start,omitempty"`
	Periods   []PeriodInfo `json:"periods,omitempty"`
	Stages    []string     `json:"stages"`
	Whole     Slice        `json:"whole"`
	Groups    []Slice      `json:"groups,omitempty"`
	Warnings  []string     `json:"warnings,omitempty"`
}

// Slice is the funnel of one group of records (or of the whole selection).
type Slice struct {
	Key     string `json:"key"`
	Records int    `json:"records"`
	// NoStage counts records that reached no stage. NoPeriod (with periods
	// only) counts records in the totals but in no period: no known stage
	// date, or entered before the first period kept.
	NoStage  int          `json:"no_stage,omitempty"`
	NoPeriod int          `json:"no_period,omitempty"`
	Stages   []StageStats `json:"stages"`
	// Trend has one row per period (Result.Periods).
	Trend    []PeriodRow `json:"trend,omitempty"`
	Warnings []string    `json:"warnings,omitempty"`
}

// StageStats is one stage of a slice.
type StageStats struct {
	Name string `json:"name"`
	// Reached counts records at this stage or any later one; Marked those
	// the data marks at this stage; Implied = Reached - Marked (passed it
	// on the way to a later stage without being marked).
	Reached int `json:"reached"`
	Marked  int `json:"marked"`
	Implied int `json:"implied"`
	// Step is Reached / (previous stage's Reached less its Unknown), 1 at
	// the top; Cumulative is Reached / the top stage's Reached.
	Step       float64 `json:"conversion_from_previous"`
	Cumulative float64 `json:"conversion_from_top"`
	// Unknown counts records whose deepest stage is this one and whose
	// data does not say how far they got past it (model.Dataset's
	// StageUnknown: a deal closed as lost in a current-stage export): the
	// step to the next stage leaves them out.
	Unknown int `json:"stage_unknown,omitempty"`
	// Left counts records whose deepest stage is this one, by how they left
	// (open = still in play at this stage).
	Left    ExitCounts    `json:"left"`
	Reasons []ReasonCount `json:"reasons,omitempty"`
}

// ExitCounts counts records by exit kind.
type ExitCounts struct {
	Open         int `json:"open"`
	Disqualified int `json:"disqualified"`
	Lost         int `json:"lost"`
	Churned      int `json:"churned"`
	Won          int `json:"won"`
}

// Get returns the count of one kind.
func (e ExitCounts) Get(k model.ExitKind) int {
	return [...]int{e.Open, e.Disqualified, e.Lost, e.Churned, e.Won}[min(int(k), 4)]
}

// ReasonCount is how many records left at a stage for one reason.
type ReasonCount struct {
	Reason string `json:"reason"`
	Count  int    `json:"count"`
}

// PeriodRow is one period of a slice's trend.
type PeriodRow struct {
	Period string `json:"period"`
	// Entered is the cohort: records whose entry date is in the period.
	Entered int           `json:"entered"`
	Stages  []PeriodStage `json:"stages"`
}

// PeriodStage is one stage in one period.
type PeriodStage struct {
	// Reached: of the period's entry cohort, how many reached the stage by
	// as-of; Step and Cumulative are its conversions (cohort-based).
	Reached    int     `json:"reached"`
	Step       float64 `json:"conversion_from_previous"`
	Cumulative float64 `json:"conversion_from_top"`
	// Events counts records reaching the stage with a date in the period,
	// whenever they entered ("MQLs this month").
	Events int `json:"events"`
	// Change against the previous period (nil for the first).
	Change *PeriodChange `json:"change,omitempty"`
}

// PeriodChange is the change of each number against the previous period.
type PeriodChange struct {
	Events     Delta `json:"events"`
	Reached    Delta `json:"reached"`
	Step       Delta `json:"conversion_from_previous"`
	Cumulative Delta `json:"conversion_from_top"`
}

// Delta is an absolute change and, when the previous value is not zero, the
// relative one (Abs / previous).
type Delta struct {
	Abs float64  `json:"abs"`
	Rel *float64 `json:"rel,omitempty"`
}

func bitIndex(m uint16) int { return bits.TrailingZeros16(m) }
func deepest(m uint16) int  { return bits.Len16(m) - 1 }

// ReasonShare is reason i's share of the exits at this stage that give a
// reason (Reasons[i].Count over their sum).
func (s StageStats) ReasonShare(i int) float64 {
	total := 0
	for _, rc := range s.Reasons {
		total += rc.Count
	}
	return stats.Ratio(s.Reasons[i].Count, total)
}
