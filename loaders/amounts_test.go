package loaders

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model/money"
)

// Amounts with three decimals are kept to three, so their total is exact:
// 3 × 0.005 is 0.015, shown 0.02, not 3 × 0.01 = 0.03 (each rounded first).
// Joined to a file in cents, the deals keep their decimals.
func TestAmountsKeepTheirDecimals(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"deals.csv": "Id,StageName,CreatedDate,CloseDate,Amount,Lead\n" +
			"1,Closed Won,2024-01-01,2024-02-01,0.005,L001\n2,Closed Won,2024-01-02,2024-02-02,0.005,L002\n" +
			"3,Closed Won,2024-01-03,2024-02-03,0.005,L003\n4,Prospecting,2024-01-04,,\"1,200.125\",L004\n",
		"leads.csv": "Email,Lead,Status,CreatedDate,Budget\n" +
			"a@x.io,L001,Working - Contacted,2023-12-01,10.50\nb@x.io,L002,Working - Contacted,2023-12-01,1\n" +
			"c@x.io,L003,Working - Contacted,2023-12-01,2\nd@x.io,L004,Working - Contacted,2023-12-01,3\n",
	})
	ds, err := LoadFile(filepath.Join(dir, "deals.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.AmountDecimals != 3 || ds.Amount[0] != 5 || ds.Amount[3] != 1200125 {
		t.Fatalf("decimals %d amounts %v", ds.AmountDecimals, ds.Amount)
	}
	if !hasDecision(ds, `amounts in "Amount" have up to 3 decimals: kept to 3`) {
		t.Errorf("no decision on the decimals:\n%s", strings.Join(ds.Load.Decisions, "\n"))
	}
	d, err := money.ComputeDeals(ds, money.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if bc := money.ByCurrency(ds); d.WonRevenue != 2 || bc[0].Won != 2 || bc[0].Amount != 120014 {
		t.Errorf("won %d cents, by currency %+v; want 2 (0.015) of 120014 (1,200.14)", d.WonRevenue, bc)
	}
	j, err := LoadFiles(context.Background(), []string{filepath.Join(dir, "leads.csv"), filepath.Join(dir, "deals.csv")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if j.AmountDecimals != 3 || j.Cents(j.Amount[0]+j.Amount[1]+j.Amount[2]) != 2 {
		t.Errorf("joined: decimals %d amounts %v", j.AmountDecimals, j.Amount)
	}
}
