package plan

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Target is what the plan must deliver per period: customers, or revenue
// (cents) which the deal value turns into customers. Set one.
type Target struct {
	Customers float64 `json:"customers,omitempty"`
	Revenue   float64 `json:"revenue,omitempty"`
	// Period names the period the target is per: "month" (also ""),
	// "quarter", "year" or "week".
	Period string `json:"period,omitempty"`
}

// String is the target as ParseTarget reads it: "30 customers per
// quarter", "250000 revenue per month" (whole currency units).
func (t Target) String() string {
	period := t.Period
	if period == "" {
		period = "month"
	}
	if t.Revenue > 0 {
		return strconv.FormatFloat(t.Revenue/100, 'f', -1, 64) + " revenue per " + period
	}
	what := " customers per "
	if t.Customers == 1 {
		what = " customer per "
	}
	return strconv.FormatFloat(t.Customers, 'f', -1, 64) + what + period
}

// Months is the length of the target's period in months (the planner's
// models are per month).
func (t Target) Months() (float64, error) {
	switch t.Period {
	case "", "month":
		return 1, nil
	case "quarter":
		return 3, nil
	case "year":
		return 12, nil
	case "week":
		return 12.0 / 52, nil
	}
	return 0, fmt.Errorf("target period %q: use month, quarter, year or week", t.Period)
}

// ParseTarget reads a planner target: a number, what it counts and the
// period, in any order: "30 customers", "250000 revenue per quarter",
// "$250k revenue/quarter", "40 per month", "400 customers a year". A bare
// number counts customers; the period defaults to month. Revenue is in whole currency units (the
// plan's money is in cents).
func ParseTarget(s string) (Target, error) {
	t := Target{Period: "month"}
	var num float64
	haveNum, revenue := false, false
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '/' || r == '\t' })
	for _, f := range fields {
		switch f {
		case "customers", "customer", "cust", "deals", "deal", "won", "wins":
			revenue = false
			continue
		case "revenue", "rev", "bookings", "arr", "mrr":
			revenue = true
			continue
		case "per", "a", "each", "every", "in":
			continue
		case "month", "months", "monthly", "mo", "m":
			t.Period = "month"
			continue
		case "quarter", "quarters", "quarterly", "q", "qtr":
			t.Period = "quarter"
			continue
		case "year", "years", "yearly", "annual", "annually", "yr", "y", "pa":
			t.Period = "year"
			continue
		case "week", "weeks", "weekly", "wk", "w":
			t.Period = "week"
			continue
		}
		v, isMoney, err := parseAmount(f)
		if err != nil {
			return Target{}, fmt.Errorf("target %q: %q is not a number, customers, revenue, or a period (month, quarter, year, week)", s, f)
		}
		if haveNum {
			return Target{}, fmt.Errorf("target %q: more than one number", s)
		}
		num, haveNum = v, true
		revenue = revenue || isMoney
	}
	if !haveNum || !(num > 0) || math.IsInf(num, 1) {
		return Target{}, fmt.Errorf("target %q: give a positive number, e.g. \"30 customers\" or \"250000 revenue per quarter\"", s)
	}
	if revenue {
		t.Revenue = num * 100
	} else {
		t.Customers = num
	}
	return t, nil
}

// parseAmount reads 30, 1,500, 2.5k, 1m, $250k (a currency sign makes it money).
func parseAmount(f string) (float64, bool, error) {
	isMoney := false
	for _, sign := range []string{"$", "€", "£", "¥"} {
		if strings.HasPrefix(f, sign) {
			f, isMoney = strings.TrimPrefix(f, sign), true
		}
	}
	f = strings.ReplaceAll(f, ",", "")
	mult := 1.0
	switch {
	case strings.HasSuffix(f, "k"):
		f, mult = strings.TrimSuffix(f, "k"), 1e3
	case strings.HasSuffix(f, "m"):
		f, mult = strings.TrimSuffix(f, "m"), 1e6
	}
	v, err := strconv.ParseFloat(f, 64)
	if err != nil {
		return 0, false, err
	}
	return v * mult, isMoney, nil
}
