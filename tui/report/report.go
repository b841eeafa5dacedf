// Package report turns a dataset into a headless report (`funnel report`,
// and `funnel FILE` when stdout is not a terminal) and writes it as text,
// markdown, JSON or CSV. It only formats: every number is asked of the
// query engine (Options.Engine, or one Build makes for the dataset) with the
// queries the explorer's views ask, so a report equals the screens for the
// same filter, as-of date, period and breakdown.
//
// A Report is a plain, JSON-tagged struct whose schema is stable: every key
// below is always present; a section that was not asked for (or is not yet
// computed) is null, and the "sections" key lists those that were computed.
// Every section also converts to generic Tables (title, columns, rows,
// footnotes), which the text, markdown and CSV writers render; so a new
// section needs only its struct, its Build step and its Tables method.
//
// JSON schema (schema_version 3; 2 made velocity and median_days_from_previous the engine's
// censored times, filled velocity.stalled and added velocity.open; 3 made those times
// Aalen–Johansen with exits competing (continuous days) and cohort estimates per stage,
// tested sticky points in per-step windows and nested slices against their parent, and added
// the plan section):
//
//	schema_version   int
//	source           {files[], rows_read, rows_used, rows_skipped, problems[], decisions[], notes[]}
//	                   decisions: how the loader read the data (encoding, columns, join rates);
//	                   notes: the decisions that change what the numbers cover (deals left out by
//	                   a join, files read as snapshots), also in the text header
//	demo             bool (the data is funnel's generated demo, not a user's file)
//	window           {from, to, has_dates, dates_inferred}   dates YYYY-MM-DD, "" if none
//	as_of            string YYYY-MM-DD ("" when the data has no dates); --as-of, else the
//	                   last date in the data: stage dates after it are not counted
//	filters          []string ("channel=organic"), [] when none
//	masked           bool (names, emails, companies, owners pseudonymised)
//	denominators     {records, top_stage, top_reached}
//	immature_cohorts []string (entry periods, e.g. YYYY-MM, too young to have converted;
//	                   from the cohort query, by --period)
//	maturity_rule    string (how immaturity was decided)
//	warnings         []string
//	sections         []string (which of the sections below were computed)
//	stages           [{name, reached, implied, previous_reached (the step's base),
//	                   conversion_from_previous, conversion_from_top, stage_unknown (records that
//	                   may have got further, left out of the next step), median_days_from_previous
//	                   (null if unknown), timed_from_previous}]
//	breakdown        {dimension, stages[], min_records, other_values,
//	                   groups[{value, records, reached[], conversion_from_top[], small}]}
//	cohorts          {period, target, stages[], mature_after_days (null if unknown),
//	                   stage_mature_after_days[] (per stage, null at the top), method,
//	                   rows[{cohort, entered, reached[], conversion_from_top[], immature,
//	                   immature_stages[], estimated_conversion[] (per stage: the share estimated to
//	                   reach it eventually, Aalen–Johansen with exits competing), converted, open,
//	                   observed, estimated (estimated_conversion at the target), few}]}
//	trends           {period, change (WoW, MoM, QoQ, YoY), periods[], stages[{name, entries[]}]}
//	velocity         [{from, to, records, open, left, median_days, p75_days, p90_days, stalled}]
//	                   times by the engine (the stage detail's): time to the next stage among the
//	                   records that reach it, Aalen–Johansen over whole days with open records
//	                   censored at their age and exits competing, each day's moves spread over the
//	                   day (median_days etc. to a tenth); stalled: open records at "from" past its
//	                   p90 (null if none moved on)
//	times_note       string: why no step has times, in one line ("" when some does), e.g. stage
//	                   dates inferred from the current stage; text and markdown show it in place
//	                   of an empty Velocity table
//	sticky_points    [{stage, dimension, value, parent ("" or "channel=outbound": a nested slice
//	                   is compared with the rest of its parent, and its lost conversions are part
//	                   of the parent's: never add them up), entered, converted, rate, ci_low,
//	                   ci_high, baseline_rate, lost_conversions, q_value}]; each transition's records
//	                   entered in the window ending at as-of less its p90 time to the next stage
//	money            {currency, deals{currency, opportunity_stage, has_amounts, created, open, won,
//	                   lost, open_pipeline, pipeline_by_stage[{label, deals, amount}],
//	                   pipeline_by_channel[], weighted_pipeline, weighted_deals, won_revenue,
//	                   won_with_amount, asp, acv, acv_deals, win_rate_closed, win_rate_created,
//	                   sales_cycle_median_days, cycle_deals, lost_value, lost_by_reason[]},
//	                   unit_economics (null without a spend table) {currency, by, window_from,
//	                   window_to, as_of, groups[{name, spend, leads, cost_per_stage[{stage, reached,
//	                   cost_per}], customers, cac, pipeline, pipeline_per_cost, first_year_bookings,
//	                   roi, payback_months, monthly_churn, churn_events, ltv, ltv_to_cac}], total,
//	                   join{by, matches[], unmatched[], total, matched, currency}, undated, notes},
//	                   by_currency[{currency, records, amount, won}], notes[]}
//	                   amounts are minor units (cents); optional money keys are omitted when unknown
//	customers        {currency, as_of, churn{as_of, customers, churned, months[{month,
//	                   customers_at_start, lost, rate, new}], monthly_rate, customer_months},
//	                   retention{currency, as_of, type_column, expansion_revenue, total_revenue,
//	                   expansion_share, by_channel[], by_cohort[], unlinked_expansion}, notes[]}
//	                   each group {group, customers, active, retained, churned, customer_months,
//	                   monthly_churn, new_revenue, expansion_revenue, expansion_share}
//	segments         {currency, rules[{segment, column, values[], min, max}], stages[],
//	                   segments[{segment, records, reached[], won, won_revenue, win_rate_from_top,
//	                   pipeline, pipeline_deals, open_pipeline, open_deals}], economics (null without
//	                   spend) {currency, window_from, window_to, as_of, groups[] (as unit_economics),
//	                   spend, allocated, unallocated, method, undated}, notes[]}
//	plan             {as_of, currency, target{customers|revenue, period}, target_text, target_default,
//	                   reverse (null when it cannot be worked back) {target, customers,
//	                   stages[{stage, needed, low, high}] (low/high: the 95% interval), leads, budget,
//	                   budget_low, budget_high, cost_known, interval_method, channels[same, per
//	                   channel], notes[]}, dimension, months, models[{name, stages[], top, rates[],
//	                   rate_low[], rate_high[], entered[], converted[], top_count, deal_value,
//	                   cost_per_lead, cost_known}], now{counts[], customers, revenue, cost, cost_known,
//	                   cac}, levers[{lever, label, outcome, delta_customers, delta_revenue,
//	                   delta_cost, delta_cac, cost_per_extra_customer}], ranking[{name, leads,
//	                   customers, revenue, cost, cost_known, lead_to_customer, cac, roi, rank_*}],
//	                   rank_from, rank_to, notes[]}; with --target, or --sections plan (the
//	                   planner's first target then: a fifth more customers a month than now)
//
// Rates are fractions (0.25 is 25%); each carries its denominator in the
// same object (previous_reached, records, entered).
package report

// SchemaVersion is bumped when a key changes meaning or disappears.
const SchemaVersion = 3

// Section names, in report order.
const (
	SecStages       = "stages"
	SecBreakdown    = "breakdown"
	SecCohorts      = "cohorts"
	SecTrends       = "trends"
	SecVelocity     = "velocity"
	SecStickyPoints = "sticky_points"
	SecMoney        = "money"
	SecCustomers    = "customers"
	SecSegments     = "segments"
	SecPlan         = "plan"
)

// AllSections lists every section name in report order.
var AllSections = []string{SecStages, SecBreakdown, SecCohorts, SecTrends, SecVelocity, SecStickyPoints, SecMoney, SecCustomers, SecSegments, SecPlan}

// Report is everything `funnel report` prints.
type Report struct {
	SchemaVersion int    `json:"schema_version"`
	Source        Source `json:"source"`
	// Demo is true when the data is funnel's generated demo dataset (no
	// file was given), never a user's.
	Demo            bool         `json:"demo"`
	Window          Window       `json:"window"`
	AsOf            string       `json:"as_of"`
	Filters         []string     `json:"filters"`
	Masked          bool         `json:"masked"`
	Denominators    Denominators `json:"denominators"`
	ImmatureCohorts []string     `json:"immature_cohorts"`
	MaturityRule    string       `json:"maturity_rule"`
	Warnings        []string     `json:"warnings"`
	Sections        []string     `json:"sections"`

	Stages    []Stage    `json:"stages"`
	Breakdown *Breakdown `json:"breakdown"`
	Cohorts   *Cohorts   `json:"cohorts"`
	Trends    *Trends    `json:"trends"`
	Velocity  []Velocity `json:"velocity"`
	// TimesNote says why no step has times ("" when some does).
	TimesNote    string           `json:"times_note"`
	StickyPoints []StickyPoint    `json:"sticky_points"`
	Money        *Money           `json:"money"`
	Customers    *Customers       `json:"customers"`
	Segments     *SegmentsSection `json:"segments"`
	Plan         *Plan            `json:"plan"`
}

// Source says where the data came from: rows read = used + skipped.
type Source struct {
	Files     []string  `json:"files"`
	Read      int       `json:"rows_read"`
	Used      int       `json:"rows_used"`
	Skipped   int       `json:"rows_skipped"`
	Problems  []Problem `json:"problems"`
	Decisions []string  `json:"decisions"`
	Notes     []string  `json:"notes"`
}

// Problem is one skipped row or located issue, already formatted.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// Window is the time span the numbers cover.
type Window struct {
	From          string `json:"from"`
	To            string `json:"to"`
	HasDates      bool   `json:"has_dates"`
	DatesInferred bool   `json:"dates_inferred"`
}

// Denominators are the bases of the rates in the report.
type Denominators struct {
	// Records is the number of records after filters.
	Records int `json:"records"`
	// TopStage and TopReached are the base of every conversion_from_top.
	TopStage   string `json:"top_stage"`
	TopReached int    `json:"top_reached"`
}

// Stage is one row of the stages section.
type Stage struct {
	Name    string `json:"name"`
	Reached int    `json:"reached"`
	Implied int    `json:"implied"`
	// PreviousReached is the step's base: the previous stage's reached less
	// its stage_unknown.
	PreviousReached        int     `json:"previous_reached"`
	ConversionFromPrevious float64 `json:"conversion_from_previous"`
	// StageUnknown counts the records whose deepest stage is this one and
	// whose data does not say how far they got (a deal closed as lost in a
	// current-stage export): the step to the next stage leaves them out.
	StageUnknown      int     `json:"stage_unknown"`
	ConversionFromTop float64 `json:"conversion_from_top"`
	// MedianDaysFromPrevious is the median days from the previous stage's
	// date to this one's, over TimedFromPrevious records with both dates;
	// null at the top or when no record has both.
	MedianDaysFromPrevious *float64 `json:"median_days_from_previous"`
	TimedFromPrevious      int      `json:"timed_from_previous"`
}

// Breakdown is the funnel split by the values of one dimension.
type Breakdown struct {
	Dimension string   `json:"dimension"`
	Stages    []string `json:"stages"`
	// MinRecords: groups with fewer records are marked small (their rates
	// are not findings).
	MinRecords int `json:"min_records"`
	// OtherValues is how many values were folded into the "(other)" group.
	OtherValues int     `json:"other_values"`
	Groups      []Group `json:"groups"`
}

// Group is one value of a breakdown.
type Group struct {
	Value string `json:"value"`
	// Records is the group's size; Reached[0] is the base of ConversionFromTop.
	Records           int       `json:"records"`
	Reached           []int     `json:"reached"`
	ConversionFromTop []float64 `json:"conversion_from_top"`
	Small             bool      `json:"small"`
}

// Cohorts follows entry cohorts through the stages (filled by the engine).
type Cohorts struct {
	Period string   `json:"period"`
	Target string   `json:"target"`
	Stages []string `json:"stages"`
	// MatureAfterDays is the p90 entry-to-target time among the records
	// that reach the target (null when none did); StageMatureAfterDays the
	// same per stage (null at the top); Method states the estimate.
	MatureAfterDays      *int        `json:"mature_after_days"`
	StageMatureAfterDays []*int      `json:"stage_mature_after_days"`
	Method               string      `json:"method"`
	Rows                 []CohortRow `json:"rows"`
	// Undated counts the records in no cohort for want of an entry date.
	Undated     int    `json:"undated"`
	UndatedNote string `json:"-"`
}

// CohortRow is one entry cohort.
type CohortRow struct {
	Cohort            string    `json:"cohort"`
	Entered           int       `json:"entered"`
	Reached           []int     `json:"reached"`
	ConversionFromTop []float64 `json:"conversion_from_top"`
	Immature          bool      `json:"immature"`
	// ImmatureStages says per stage whether the cohort is too young to
	// judge it; EstimatedConversion is per stage the estimated share that
	// reaches it eventually (Aalen–Johansen, exits competing: Method).
	ImmatureStages      []bool    `json:"immature_stages"`
	EstimatedConversion []float64 `json:"estimated_conversion"`
	// Converted reached the target (Observed = Converted / Entered); Open
	// are still in play short of it; Estimated is the estimated eventual
	// conversion to the target; Few marks a small cohort.
	Converted int     `json:"converted"`
	Open      int     `json:"open"`
	Observed  float64 `json:"observed"`
	Estimated float64 `json:"estimated"`
	Few       bool    `json:"few"`
}

// Trends counts entries into each stage per period.
type Trends struct {
	Period string `json:"period"`
	// Change names the period-over-period comparison (WoW, MoM, QoQ, YoY).
	Change  string       `json:"change"`
	Periods []string     `json:"periods"`
	Stages  []TrendStage `json:"stages"`
}

// TrendStage is one stage's entries per period (same order as Periods).
type TrendStage struct {
	Name    string `json:"name"`
	Entries []int  `json:"entries"`
}

// Velocity is the time between two consecutive stages, as the engine
// estimates it (query.Engine.Velocity, the explorer's stage detail).
type Velocity struct {
	From string `json:"from"`
	To   string `json:"to"`
	// Records is how many were seen to take the step (both dates, in
	// order, by as-of); Open how many are still open at From (censored at
	// their age); Left how many left at From (competing).
	Records int `json:"records"`
	Open    int `json:"open"`
	Left    int `json:"left"`
	// MedianDays, P75Days and P90Days are among the records that take the
	// step (VelocityMethod); null when none did.
	MedianDays *float64 `json:"median_days"`
	P75Days    *float64 `json:"p75_days"`
	P90Days    *float64 `json:"p90_days"`
	// Stalled counts the open records in From longer than P90Days; null
	// when no record has moved on (none can be called stalled).
	Stalled *int `json:"stalled"`
}

// StickyPoint is a transition where one slice converts worse than the rest
// (filled from model/insight).
type StickyPoint struct {
	Stage           string  `json:"stage"`
	Dimension       string  `json:"dimension"`
	Value           string  `json:"value"`
	Parent          string  `json:"parent"`
	Entered         int     `json:"entered"`
	Converted       int     `json:"converted"`
	Rate            float64 `json:"rate"`
	CILow           float64 `json:"ci_low"`
	CIHigh          float64 `json:"ci_high"`
	BaselineRate    float64 `json:"baseline_rate"`
	LostConversions float64 `json:"lost_conversions"`
	QValue          float64 `json:"q_value"`
}
