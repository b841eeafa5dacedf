package model

import (
	"fmt"
	"time"
)

// Day numbers are days since 1970-01-01 in the proleptic Gregorian calendar,
// with no time zone: a date is taken as written in the file.

// MinDay and MaxDay bound every day number but NoDay: a range up to MaxDay
// has no end, one from MinDay no start.
const (
	MinDay int32 = NoDay + 1
	MaxDay int32 = 1<<31 - 1
)

// DayFromCivil converts a calendar date to a day number.
func DayFromCivil(y, m, d int) int32 {
	// Howard Hinnant's days_from_civil.
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468)
}

// CivilFromDay converts a day number to a calendar date.
func CivilFromDay(z int32) (y, m, d int) {
	zz := int(z) + 719468
	era := zz / 146097
	if zz < 0 && zz%146097 != 0 {
		era = (zz - 146096) / 146097
	}
	doe := zz - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// DayOf returns the day number of t's calendar date.
func DayOf(t time.Time) int32 { return DayFromCivil(t.Year(), int(t.Month()), t.Day()) }

// DayString formats a day number as YYYY-MM-DD ("" for NoDay).
func DayString(z int32) string {
	if z == NoDay {
		return ""
	}
	y, m, d := CivilFromDay(z)
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// MonthIndex returns y*12+(m-1) for a day number: consecutive months differ by 1.
func MonthIndex(z int32) int {
	y, m, _ := CivilFromDay(z)
	return y*12 + m - 1
}

// MonthLabel formats a month index as YYYY-MM.
func MonthLabel(mi int) string { return fmt.Sprintf("%04d-%02d", mi/12, mi%12+1) }

// MonthStart returns the day number of the first day of a month index.
func MonthStart(mi int) int32 { return DayFromCivil(mi/12, mi%12+1, 1) }

var weekdayNames = [...]string{"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// WeekdayName names an ISO weekday (1 Monday … 7 Sunday; 0 means Monday).
func WeekdayName(iso int) string {
	if iso < 1 || iso > 7 {
		iso = 1
	}
	return weekdayNames[iso]
}

// ISOWeekday returns 1 (Monday) … 7 (Sunday) for a day number.
func ISOWeekday(z int32) int {
	// 1970-01-01 was a Thursday (4).
	w := int((int64(z)%7+7+3)%7) + 1
	return w
}
