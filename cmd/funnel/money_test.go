package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestMoneyFlags(t *testing.T) {
	const leads, spend = "../../testdata/sample_leads.csv", "../../testdata/money/spend.csv"
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"report", "--rates", "EUR=abc", "--currency", "USD"}, exitUsage, `--rates: rate "EUR=abc": expected CODE=positive number`},
		{[]string{"report", "--rates", "EUR=1.08"}, exitUsage, "--rates \"EUR=1.08\" needs --currency"},
		{[]string{"report", "--currency", "dollars"}, exitUsage, "3-letter ISO code"},
		{[]string{"--rates", "EUR=-1", "--currency", "USD"}, exitUsage, "--rates"},
		{[]string{"report", leads, "--spend", "no/such/spend.csv"}, exitBadInput, "no/such/spend.csv"},
		{[]string{leads, "--spend", "no/such/spend.csv"}, exitBadInput, "no/such/spend.csv"},
		{[]string{"report", leads, "--spend", "../../testdata/money/spend_badperiod.csv"}, exitBadInput, "spend_badperiod.csv:3"},
		// the spend mixes USD and EUR and the leads name no currency: refused, then converted
		{[]string{"report", leads, "--spend", "../../testdata/money/spend_mixed.csv"}, exitBadInput, "--currency"},
		{[]string{"report", leads, "--spend", "../../testdata/money/spend_mixed.csv", "--currency", "USD", "--rates", "EUR=1.1"}, exitOK, ""},
		{[]string{"report", leads, "--spend", spend, "--sections", "money", "--format", "csv"}, exitUsage, "the money section has 7 ("},
		{[]string{"report", "--sections", "money"}, exitOK, ""},
	} {
		io, _, errb := testIO()
		if code := run(tc.args, io); code != tc.code || !strings.Contains(errb.String(), tc.err) {
			t.Errorf("%v: exit %d (want %d), stderr %q (want %q)", tc.args, code, tc.code, errb, tc.err)
		}
	}
}

// TestMoneyReportConverts: sample_leads has won deals of 12,000 (chat, L1)
// and so on; spend_mixed is 300 USD + 900 EUR + 150 USD + 1,200 EUR, which
// at EUR=1.1 is 300 + 990 + 150 + 1,320 = 2,760 USD.
func TestMoneyReportConverts(t *testing.T) {
	io, out, errb := testIO()
	args := []string{"report", "../../testdata/sample_leads.csv", "--spend", "../../testdata/money/spend_mixed.csv",
		"--currency", "usd", "--rates", "EUR=1.1", "--format", "json", "--sections", "money"}
	if code := run(args, io); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var r struct {
		Money struct {
			Currency      string `json:"currency"`
			UnitEconomics struct {
				Total struct {
					Spend int64 `json:"spend"`
				} `json:"total"`
			} `json:"unit_economics"`
		} `json:"money"`
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if r.Money.Currency != "USD" || r.Money.UnitEconomics.Total.Spend != 276_000 {
		t.Fatalf("%+v", r.Money)
	}
}

func TestDemoReportHasMoneyByDefault(t *testing.T) {
	io, out, errb := testIO()
	if code := run([]string{"report"}, io); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	for _, want := range []string{"Deals and revenue (USD)", "Unit economics by channel", "CAC = spend"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo report lacks %q", want)
		}
	}
}
