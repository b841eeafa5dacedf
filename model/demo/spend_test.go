package demo

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model/money"
)

func TestDemoSpend(t *testing.T) {
	ds := Generate(Options{Rows: 3000})
	rows := Spend(ds)
	if len(rows) == 0 {
		t.Fatal("no spend rows")
	}
	again := Spend(Generate(Options{Rows: 3000}))
	if SpendCSV(rows) != SpendCSV(again) {
		t.Fatal("spend is not deterministic")
	}
	// at most 24 months × (6 channels + the retainer); a small channel may
	// have a month without leads, and so without spend
	if len(rows) > 24*7 || len(rows) < 24*6 {
		t.Errorf("rows = %d, want about %d", len(rows), 24*7)
	}
	u, err := money.ComputeUnitEconomics(ds, rows, "channel", money.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Groups) != 6 || len(u.Join.Matches) != 6 || len(u.Join.Unmatched) != 24 {
		t.Errorf("groups %d, matches %d, unmatched %d", len(u.Groups), len(u.Join.Matches), len(u.Join.Unmatched))
	}
	if u.Join.Unmatched[0].Channel != AgencyRetainer {
		t.Errorf("unmatched = %+v", u.Join.Unmatched[0])
	}
	lines := strings.Split(SpendCSV(rows[:2]), "\n")
	if lines[0] != "channel,month,spend,currency" || !strings.HasSuffix(lines[1], ",USD") {
		t.Errorf("csv = %q", lines)
	}
}

func TestSafeCell(t *testing.T) {
	if safeCell("=SUM(A1)") != "'=SUM(A1)" || safeCell("Chat") != "Chat" {
		t.Error("formula not neutralised")
	}
}
