package plan

import "testing"

func TestParseTarget(t *testing.T) {
	for in, want := range map[string]Target{
		"30 customers":              {Customers: 30, Period: "month"},
		"30":                        {Customers: 30, Period: "month"},
		"250000 revenue":            {Revenue: 25_000_000, Period: "month"},
		"250,000 revenue / quarter": {Revenue: 25_000_000, Period: "quarter"},
		"$250k per quarter":         {Revenue: 25_000_000, Period: "quarter"},
		"revenue 1.5m a month":      {Revenue: 150_000_000, Period: "month"},
		"40 customers/quarter":      {Customers: 40, Period: "quarter"},
		"400 customers per year":    {Customers: 400, Period: "year"},
		"$3m revenue annually":      {Revenue: 300_000_000, Period: "year"},
		"10 a week":                 {Customers: 10, Period: "week"},
	} {
		got, err := ParseTarget(in)
		if err != nil || got != want {
			t.Errorf("ParseTarget(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "customers", "0", "-5", "30 widgets", "30 40", "1e400", "30 per fortnight", "nan", "inf customers"} {
		if _, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q): want an error", bad)
		}
	}
}

// A target prints as ParseTarget reads it.
func TestTargetString(t *testing.T) {
	for _, in := range []string{"30 customers per quarter", "250000 revenue per month", "12.5 customers per year", "10 customers per week", "1 customer per month"} {
		got, err := ParseTarget(in)
		if err != nil || got.String() != in {
			t.Errorf("%q → %+v → %q (%v)", in, got, got.String(), err)
		}
	}
}
