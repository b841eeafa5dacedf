package format

import (
	"math"
	"testing"
)

func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		cents int64
		cur   string
		want  string
	}{
		{0, "USD", "$0.00"},
		{4520, "USD", "$45.20"},
		{99_999, "usd", "$999.99"},
		{100_000, "USD", "$1,000"},
		{1_234_550, "EUR", "€12,346"}, // 12,345.50 rounds up
		{-1_234_549, "GBP", "-£12,345"},
		{-5, "USD", "-$0.05"},
		{272_379_100, "USD", "$2,723,791"},
		{125_000, "CHF", "CHF 1,250"},
		{-125_000, "CHF", "CHF -1,250"},
		{125_000, "", "1,250"},
		{150, "\x1b[31mX", "X 1.50"}, // the escape is cleaned away
		{math.MinInt64, "", "-92,233,720,368,547,758"},
		{math.MaxInt64, "", "92,233,720,368,547,758"},
	} {
		if got := Money(tc.cents, tc.cur); got != tc.want {
			t.Errorf("Money(%d, %q) = %q, want %q", tc.cents, tc.cur, got, tc.want)
		}
	}
}

func TestCount(t *testing.T) {
	if Count(1234567) != "1,234,567" || Count(-1000) != "-1,000" || Count(12) != "12" {
		t.Error("count formatting")
	}
}
