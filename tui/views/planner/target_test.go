package planner

import (
	"testing"

	"github.com/funnel-cli/funnel/model/plan"
)

func TestParseTarget(t *testing.T) {
	for in, want := range map[string]plan.Target{
		"30 customers":              {Customers: 30, Period: "month"},
		"30":                        {Customers: 30, Period: "month"},
		"250000 revenue":            {Revenue: 25_000_000, Period: "month"},
		"250,000 revenue / quarter": {Revenue: 25_000_000, Period: "quarter"},
		"$250k per quarter":         {Revenue: 25_000_000, Period: "quarter"},
		"revenue 1.5m a month":      {Revenue: 150_000_000, Period: "month"},
		"40 customers/quarter":      {Customers: 40, Period: "quarter"},
	} {
		got, err := parseTarget(in)
		if err != nil || got != want {
			t.Errorf("parseTarget(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "customers", "0", "-5", "30 widgets", "30 40", "1e400"} {
		if _, err := parseTarget(bad); err == nil {
			t.Errorf("parseTarget(%q): want an error", bad)
		}
	}
}
