package planner

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/funnel-cli/funnel/model/plan"
)

// parseTarget reads a planner target: a number, what it counts and the
// period, in any order: "30 customers", "250000 revenue per quarter",
// "$250k revenue/quarter", "40 per month". A bare number counts customers;
// the period defaults to month. Revenue is in whole currency units (the
// plan's money is in cents).
func parseTarget(s string) (plan.Target, error) {
	t := plan.Target{Period: "month"}
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
		case "quarter", "quarters", "quarterly", "q":
			t.Period = "quarter"
			continue
		}
		v, isMoney, err := parseAmount(f)
		if err != nil {
			return plan.Target{}, fmt.Errorf("target %q: %q is not a number, customers, revenue, month or quarter", s, f)
		}
		if haveNum {
			return plan.Target{}, fmt.Errorf("target %q: more than one number", s)
		}
		num, haveNum = v, true
		revenue = revenue || isMoney
	}
	if !haveNum || num <= 0 {
		return plan.Target{}, fmt.Errorf("target %q: give a positive number, e.g. \"30 customers\" or \"250000 revenue per quarter\"", s)
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
