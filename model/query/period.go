package query

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// Period is a calendar bucket for trends and cohorts.
type Period uint8

const (
	PeriodNone Period = iota
	PeriodWeek
	PeriodMonth
	PeriodQuarter
	PeriodYear
)

var periodNames = [...]string{"none", "week", "month", "quarter", "year"}
var changeNames = [...]string{"", "WoW", "MoM", "QoQ", "YoY"}

func (p Period) String() string {
	if int(p) < len(periodNames) {
		return periodNames[p]
	}
	return fmt.Sprintf("period(%d)", p)
}

// ChangeName is the usual name of the change against the previous period
// (WoW, MoM, QoQ, YoY); "" for PeriodNone.
func (p Period) ChangeName() string {
	if int(p) < len(changeNames) {
		return changeNames[p]
	}
	return ""
}

// ParsePeriod reads "week", "month", "quarter", "year" (or w, m, q, y, and
// "none"/"" for no periods).
func ParsePeriod(s string) (Period, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "none", "all":
		return PeriodNone, nil
	case "w", "week", "weekly", "wow":
		return PeriodWeek, nil
	case "m", "month", "monthly", "mom":
		return PeriodMonth, nil
	case "q", "quarter", "quarterly", "qoq":
		return PeriodQuarter, nil
	case "y", "year", "yearly", "annual", "yoy":
		return PeriodYear, nil
	}
	return PeriodNone, fmt.Errorf("unknown period %q: expected week, month, quarter or year", s)
}

// TimeZoneNote is stated in every result: day numbers carry no time zone.
const TimeZoneNote = "none: dates are taken as written in the file, no time zone conversion"

// PeriodInfo describes one calendar period of a result.
type PeriodInfo struct {
	Label string `json:"label"`
	Start string `json:"start"`
	End   string `json:"end"`
	Days  int    `json:"days"`
	// Partial is true when the period runs past the as-of date (still in
	// progress) or starts before the first date in the data.
	Partial bool `json:"partial,omitempty"`

	start, end int32
}

// StartDay is the period's first day number.
func (p PeriodInfo) StartDay() int32 { return p.start }

// EndDay is the period's last day number.
func (p PeriodInfo) EndDay() int32 { return p.end }

// periodStart returns the first day of the period holding z.
func periodStart(p Period, z int32, weekStart int) int32 {
	switch p {
	case PeriodWeek:
		if weekStart < 1 || weekStart > 7 {
			weekStart = 1
		}
		return z - int32((model.ISOWeekday(z)-weekStart+7)%7)
	case PeriodMonth:
		return model.MonthStart(model.MonthIndex(z))
	case PeriodQuarter:
		mi := model.MonthIndex(z)
		return model.MonthStart(mi - mi%3)
	case PeriodYear:
		y, _, _ := model.CivilFromDay(z)
		return model.DayFromCivil(y, 1, 1)
	}
	return z
}

// periodNext returns the first day of the period after the one starting at s.
func periodNext(p Period, s int32) int32 {
	switch p {
	case PeriodWeek:
		return s + 7
	case PeriodMonth:
		return model.MonthStart(model.MonthIndex(s) + 1)
	case PeriodQuarter:
		return model.MonthStart(model.MonthIndex(s) + 3)
	case PeriodYear:
		y, _, _ := model.CivilFromDay(s)
		return model.DayFromCivil(y+1, 1, 1)
	}
	return s + 1
}

func periodLabel(p Period, s int32) string {
	y, m, _ := model.CivilFromDay(s)
	switch p {
	case PeriodWeek:
		return "wk " + model.DayString(s)
	case PeriodMonth:
		return fmt.Sprintf("%04d-%02d", y, m)
	case PeriodQuarter:
		return fmt.Sprintf("%04d-Q%d", y, (m-1)/3+1)
	case PeriodYear:
		return fmt.Sprintf("%04d", y)
	}
	return model.DayString(s)
}

// periodTable buckets day numbers lo..hi into calendar periods: idx[d-lo] is
// the period index of day d.
type periodTable struct {
	lo, hi  int32
	idx     []int32
	periods []PeriodInfo
}

// newPeriodTable covers lo..hi (inclusive); dataLo is the first day in the
// data and asOf the last day counted (both mark partial periods). When last
// > 0 only the most recent `last` periods are kept; earlier days map to -1.
func newPeriodTable(p Period, weekStart int, lo, hi, dataLo, asOf int32, last int) *periodTable {
	t := &periodTable{lo: lo, hi: hi}
	if p == PeriodNone || hi < lo {
		return t
	}
	var starts []int32
	for s := periodStart(p, lo, weekStart); s <= hi; s = periodNext(p, s) {
		starts = append(starts, s)
	}
	skip := 0
	if last > 0 && len(starts) > last {
		skip = len(starts) - last
	}
	t.idx = make([]int32, hi-lo+1)
	for i := range t.idx {
		t.idx[i] = -1
	}
	for j := skip; j < len(starts); j++ {
		s := starts[j]
		e := periodNext(p, s) - 1
		pi := int32(j - skip)
		for d := max(s, lo); d <= min(e, hi); d++ {
			t.idx[d-lo] = pi
		}
		t.periods = append(t.periods, PeriodInfo{
			Label: periodLabel(p, s), Start: model.DayString(s), End: model.DayString(e), Days: int(e - s + 1),
			Partial: e > asOf || s < dataLo, start: s, end: e,
		})
	}
	return t
}
