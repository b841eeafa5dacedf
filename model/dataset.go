// Package model is the dataset: records held as columns (stage days, exit
// kinds, dictionary-encoded dimensions in narrow code columns, string
// arenas), civil day numbers, and what a loader says about a load
// (LoadInfo, Problem). It holds storage only: every number is counted by
// the engine in model/query, filters are parsed by model/query/filter.
// It does no I/O and knows nothing of terminals.
//
// Layering inside model: stats and plan are leaves; model (this package)
// comes next; query (and its filter) above it; insight and money above
// query. The test in layers_test.go enforces it.
package model

import (
	"fmt"
	"math"
	"math/bits"
	"strings"
	"unsafe"
)

// NoDay marks a stage that was not reached, or reached on an unknown date.
const NoDay int32 = math.MinInt32

// ExitKind says how a record left the funnel, if it did.
type ExitKind uint8

const (
	ExitOpen         ExitKind = iota // still in play (or never marked)
	ExitDisqualified                 // disqualified / unqualified / junk at a lead stage
	ExitLost                         // closed-lost deal
	ExitChurned                      // a customer who left
	ExitWon                          // closed-won (the last stage)
)

var exitNames = [...]string{"open", "disqualified", "lost", "churned", "won"}

// ExitNames lists the exit kinds' names in ExitKind order (a copy).
func ExitNames() []string { return append([]string(nil), exitNames[:]...) }

func (k ExitKind) String() string {
	if int(k) < len(exitNames) {
		return exitNames[k]
	}
	return fmt.Sprintf("exit(%d)", k)
}

// MaxStages is the most stages a funnel may have (the reached mask is 16 bits).
const MaxStages = 16

// Dataset is n records held as columns. Build it with a loader or the demo
// generator; after that treat it as read-only (queries share it freely).
type Dataset struct {
	// Stages are the ordered stage names, top of the funnel first.
	Stages []string
	// Days holds, per stage, each record's day of reaching it (days since
	// 1970-01-01 in the calendar the file was written in) or NoDay.
	Days [][]int32
	// Reached is a per-record bitmask of the stages the data says were
	// reached (bit k = stage k), whether or not a date is known.
	Reached []uint16
	// Dims are the dictionary-encoded dimension columns (channel, owner, ...).
	Dims []*Dim
	// Account names the dimension that holds each record's account
	// (company, customer, organisation) when the loader found one: the
	// money view rolls records up by it. "" when none is known.
	Account string
	// Exit is how each record left, ExitDay when (NoDay if unknown), and
	// Reason why (a dimension; code 0 is "").
	Exit    []ExitKind
	ExitDay []int32
	Reason  *Dim
	// Amount is the deal value in units of 10^-AmountDecimals of its
	// currency (cents unless the data has finer amounts); nil when the data
	// has none. Sum in these units and convert the sum with Cents: each
	// amount rounded to cents first would not add up to the data's total.
	Amount []int64
	// AmountDecimals is the decimals Amount keeps: 3 or 4 when the data's
	// amounts have them, else 2 (0 means 2, for data made without a loader).
	AmountDecimals int
	// Currency is the ISO code of every amount when the file has one currency;
	// Currencies holds a per-record code when a file mixes them (nil otherwise).
	Currency   string
	Currencies *Dim
	// Probability is a deal's win probability in percent (0..100; 255 unknown),
	// nil when the data has none. TermMonths is the contract term (0 unknown),
	// nil when absent.
	Probability []uint8
	TermMonths  []uint16
	// StageUnknown marks the records whose data does not say how far they
	// got past their deepest stage (nil when none): a closed deal whose
	// current-stage column says only Closed Lost counts at the first
	// stage, but may have been lost at any stage before won. The step out
	// of that stage leaves them out. Pick copies it.
	StageUnknown []bool
	// IDs are the record ids and Emails the contact emails (empty when the
	// data has none), kept for drill-down, joins and masking.
	IDs    Strings
	Emails Strings

	// HasDates is false when stages come from yes/no flags without dates:
	// counts work, views that need time say why they are empty.
	HasDates bool
	// DatesInferred is true when stage dates were inferred from the current
	// stage (a CRM report with one stage column), not read.
	DatesInferred bool

	// Load describes where the data came from and what the loader did.
	Load LoadInfo

	// dayRange is DayRange as a loader worked it out while writing Days
	// (nil: computed on each call). It holds only for the Days it saw.
	dayRange *dayRangeMemo
}

type dayRangeMemo struct {
	cols   []*int32 // the Days columns it was worked out for
	n      int
	lo, hi int32
}

// AmountUnit is how many of Amount's units make a cent: 1, or 10 or 100
// for amounts kept to 3 or 4 decimals.
func (d *Dataset) AmountUnit() int64 {
	switch d.AmountDecimals {
	case 3:
		return 10
	case 4:
		return 100
	}
	return 1
}

// Cents converts an amount or a sum of amounts in Amount's units to
// cents, rounding once, half away from zero: the one place the model's
// amounts become the cents every result and display holds.
func (d *Dataset) Cents(v int64) int64 {
	u := d.AmountUnit()
	if u == 1 {
		return v
	}
	if v < 0 {
		return -((-v + u/2) / u)
	}
	return (v + u/2) / u
}

// Len is the number of records.
func (d *Dataset) Len() int { return len(d.Reached) }

// StageIndex returns the index of the stage with that name (case-insensitive), or -1.
func (d *Dataset) StageIndex(name string) int {
	for i, s := range d.Stages {
		if strings.EqualFold(s, name) {
			return i
		}
	}
	return -1
}

// Dim returns the dimension with that name (case-insensitive), or nil.
func (d *Dataset) Dim(name string) *Dim {
	for _, dm := range d.Dims {
		if strings.EqualFold(dm.Name, name) {
			return dm
		}
	}
	return nil
}

// DimNames lists the dimension names in column order.
func (d *Dataset) DimNames() []string {
	out := make([]string, len(d.Dims))
	for i, dm := range d.Dims {
		out[i] = dm.Name
	}
	return out
}

// Deepest returns the index of the deepest stage the record reached, or -1.
func (d *Dataset) Deepest(i int) int { return bits.Len16(d.Reached[i]) - 1 }

// DayRange returns the first and last known day over all stage dates.
func (d *Dataset) DayRange() (lo, hi int32, ok bool) {
	if m := d.dayRange; m != nil && m.holds(d) {
		return m.lo, m.hi, m.lo <= m.hi
	}
	lo, hi = math.MaxInt32, math.MinInt32
	for _, col := range d.Days {
		for _, v := range col {
			if v == NoDay {
				continue
			}
			if v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
		}
	}
	return lo, hi, lo <= hi
}

// LatestDay is the last day anything in the data happened: a stage date
// or a close (won, lost, disqualified). It is the default as-of date of
// every number (the engine, the insights, money and the views share it).
func (d *Dataset) LatestDay() (int32, bool) {
	_, hi, ok := d.DayRange()
	if !d.HasDates {
		return hi, ok
	}
	for _, x := range d.ExitDay {
		if x != NoDay && (!ok || x > hi) {
			hi, ok = x, true
		}
	}
	return hi, ok
}

// SetDayRange records DayRange for the current Days, so that it costs
// nothing later (a loader works it out while writing the columns). It
// lapses if the Days columns are replaced.
func (d *Dataset) SetDayRange(lo, hi int32) {
	m := &dayRangeMemo{n: d.Len(), lo: lo, hi: hi}
	for _, c := range d.Days {
		m.cols = append(m.cols, unsafe.SliceData(c))
	}
	d.dayRange = m
}

func (m *dayRangeMemo) holds(d *Dataset) bool {
	if m.n != d.Len() || len(m.cols) != len(d.Days) {
		return false
	}
	for k, c := range d.Days {
		if unsafe.SliceData(c) != m.cols[k] {
			return false
		}
	}
	return true
}

// Validate checks that the columns line up; loaders call it before returning.
func (d *Dataset) Validate() error {
	n := len(d.Reached)
	if len(d.Stages) == 0 {
		return fmt.Errorf("dataset has no stages")
	}
	if len(d.Stages) > MaxStages {
		return fmt.Errorf("dataset has %d stages; at most %d are supported", len(d.Stages), MaxStages)
	}
	if len(d.Days) != len(d.Stages) {
		return fmt.Errorf("dataset has %d stage date columns for %d stages", len(d.Days), len(d.Stages))
	}
	for k, col := range d.Days {
		if len(col) != n {
			return fmt.Errorf("stage %q has %d dates for %d records", d.Stages[k], len(col), n)
		}
	}
	for _, dm := range d.Dims {
		if dm.Codes.Len() != n {
			return fmt.Errorf("dimension %q has %d values for %d records", dm.Name, dm.Codes.Len(), n)
		}
	}
	if len(d.Exit) != n || len(d.ExitDay) != n {
		return fmt.Errorf("exit columns have %d/%d values for %d records", len(d.Exit), len(d.ExitDay), n)
	}
	if d.Reason != nil && d.Reason.Codes.Len() != n {
		return fmt.Errorf("reason column has %d values for %d records", d.Reason.Codes.Len(), n)
	}
	if d.Amount != nil && len(d.Amount) != n {
		return fmt.Errorf("amount column has %d values for %d records", len(d.Amount), n)
	}
	if d.AmountDecimals != 0 && (d.AmountDecimals < 2 || d.AmountDecimals > 4) {
		return fmt.Errorf("amounts keep %d decimals; 2 to 4 are supported", d.AmountDecimals)
	}
	if d.Currencies != nil && d.Currencies.Codes.Len() != n {
		return fmt.Errorf("currency column has %d values for %d records", d.Currencies.Codes.Len(), n)
	}
	if d.StageUnknown != nil && len(d.StageUnknown) != n {
		return fmt.Errorf("stage-unknown column has %d values for %d records", len(d.StageUnknown), n)
	}
	if d.Probability != nil && len(d.Probability) != n {
		return fmt.Errorf("probability column has %d values for %d records", len(d.Probability), n)
	}
	if d.TermMonths != nil && len(d.TermMonths) != n {
		return fmt.Errorf("term column has %d values for %d records", len(d.TermMonths), n)
	}
	if d.IDs.Len() != 0 && d.IDs.Len() != n {
		return fmt.Errorf("id column has %d values for %d records", d.IDs.Len(), n)
	}
	return nil
}
