package loaders

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/money"
)

func TestLoadSpend(t *testing.T) {
	rows, info, err := LoadSpendFile(filepath.Join("..", "testdata", "money", "spend.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if info.Read != 5 || info.Used != 5 || info.Skipped != 0 {
		t.Fatalf("read/used/skipped = %d/%d/%d, want 5/5/0", info.Read, info.Used, info.Skipped)
	}
	// written answers: line, channel, campaign, period, cents, currency
	want := []struct {
		line          int
		ch, camp, per string
		cents         int64
		cur           string
	}{
		{2, "Paid Social", "", "2026-01", 100000, "USD"},
		{3, "paid_social", "", "2026-02", 100000, "USD"},
		{4, "EVENTS", "", "2026-01", 250050, ""},
		{5, "", "Webinar Series", "2026-01", 20000, "USD"},
		{6, "TV Brand", "", "2026-01", 70000, ""},
	}
	for i, w := range want {
		r := rows[i]
		if r.Line != w.line || r.Channel != w.ch || r.Campaign != w.camp || r.Period != w.per || r.Amount != w.cents || r.Currency != w.cur {
			t.Errorf("row %d = %+v, want %+v", i, r, w)
		}
		if r.Period != model.MonthLabel(r.Month) {
			t.Errorf("row %d: month %d does not match period %s", i, r.Month, r.Period)
		}
	}
}

func TestLoadSpendSemicolonBOMTotals(t *testing.T) {
	rows, info, err := LoadSpendFile(filepath.Join("..", "testdata", "money", "spend_semicolon.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// 4 data rows: 2 used, a blank row and a total row skipped and listed
	if info.Read != 4 || info.Used != 2 || info.Skipped != 2 || len(info.Problems) != 2 {
		t.Fatalf("info = %+v", info)
	}
	if info.Problems[0].Line != 4 || info.Problems[1].Line != 5 || !strings.Contains(info.Problems[1].Reason, "total") {
		t.Errorf("problems = %+v", info.Problems)
	}
	if rows[0].Amount != 123450 || rows[0].Currency != "EUR" || rows[0].Period != "2026-01" {
		t.Errorf("row 0 = %+v, want 1234.50 EUR in 2026-01 (currency from the header)", rows[0])
	}
	if rows[1].Amount != 30000 || rows[1].Period != "2026-02" || rows[1].Channel != "organic" {
		t.Errorf("row 1 = %+v", rows[1])
	}
}

// A spend file without a period is spend over the whole window.
func TestSpendWithoutPeriod(t *testing.T) {
	rows, _, err := LoadSpendFile(filepath.Join("..", "testdata", "money", "spend_noperiod.csv"))
	if err != nil || len(rows) != 1 || rows[0].Month != money.WholeWindow || rows[0].Period != "" || rows[0].Amount != 10000 {
		t.Fatalf("rows %+v err %v", rows, err)
	}
	if _, _, err := LoadSpend(strings.NewReader("when,amount\n2026-01,5\n"), "s.csv"); err == nil || !strings.Contains(err.Error(), "missing a column") {
		t.Errorf("no channel: %v", err)
	}
}

func TestLoadSpendErrorsLocated(t *testing.T) {
	cases := []struct {
		file       string
		line, col  int
		found, has string
	}{
		{"spend_badperiod.csv", 3, 2, "2026-13", "unreadable period"},
		{"spend_badamount.csv", 3, 3, "12,34,5.6", "unreadable amount"},
	}
	for _, c := range cases {
		_, _, err := LoadSpendFile(filepath.Join("..", "testdata", "money", c.file))
		var le *Error
		if !errors.As(err, &le) {
			t.Fatalf("%s: err = %v, want a located *Error", c.file, err)
		}
		p := le.Problem
		if p.File != c.file || p.Line != c.line || p.Column != c.col || p.Found != c.found || !strings.Contains(p.Reason, c.has) {
			t.Errorf("%s: problem = %+v", c.file, p)
		}
	}
	_, _, err := LoadSpend(strings.NewReader(""), "empty.csv")
	if err == nil || !strings.Contains(err.Error(), "empty.csv:1") {
		t.Errorf("empty file: err = %v", err)
	}
}

func TestParseMoney(t *testing.T) {
	cases := []struct {
		in    string
		cents int64
		cur   string
		ok    bool
	}{
		{"1234", 123400, "", true},
		{"1234.5", 123450, "", true},
		{"$1,234.56", 123456, "USD", true},
		{"1.234,56 €", 123456, "EUR", true},
		{"1,234", 123400, "", true},   // lone separator + 3 digits groups thousands
		{"1.234", 123400, "", true},   // same
		{"12,5", 1250, "", true},      // decimal comma
		{"EUR 99", 9900, "EUR", true}, // code prefix
		{"99 GBP", 9900, "GBP", true},
		{"(50.00)", -5000, "", true},
		{"-7", -700, "", true},
		{"1 234 567,89", 123456789, "", true},
		{"1.2.3", 0, "", false},
		{"12.345.6", 0, "", false},
		{"1.005", 100500, "", true},
		{"0.125", 0, "", false}, // three decimals: refused, not read as 125
		{"abc", 0, "", false},
		{"", 0, "", false},
		{"1e5", 0, "", false},
	}
	for _, c := range cases {
		v, cur, ok := parseMoney(c.in)
		if ok != c.ok || (ok && (v != c.cents || cur != c.cur)) {
			t.Errorf("parseMoney(%q) = %d %q %v, want %d %q %v", c.in, v, cur, ok, c.cents, c.cur, c.ok)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{
		"2026-01": "2026-01", "2026/1": "", "2026/01": "2026-01", "2026-03-31": "2026-03", "2026-03-31T10:00:00": "2026-03",
		"03/2026": "2026-03", "3/2026": "2026-03", "Mar 2026": "2026-03", "march 2026": "2026-03", "Sept 2026": "2026-09",
		"Ma 2026": "", "2026-00": "", "13/2026": "", "01/02/2026": "", "": "",
	} {
		m, ok := parsePeriod(in)
		got := ""
		if ok {
			got = model.MonthLabel(m)
		}
		if got != want {
			t.Errorf("parsePeriod(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzLoadSpend(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "money", "spend*.csv"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rows, info, err := LoadSpend(strings.NewReader(string(b)), "fuzz.csv")
		if err != nil {
			return
		}
		if info.Read != info.Used+info.Skipped || info.Used != len(rows) {
			t.Fatalf("read %d != used %d + skipped %d (rows %d)", info.Read, info.Used, info.Skipped, len(rows))
		}
		for _, r := range rows {
			if r.Month != money.WholeWindow && r.Period != model.MonthLabel(r.Month) || r.Line < 2 {
				t.Fatalf("bad row %+v", r)
			}
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234", "$1,234.56", "1.234,56 €", "(50.00)", "EUR 99", "1 234,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, _, ok := parseMoney(s)
		if !ok && v != 0 {
			t.Fatalf("failed parse returned %d", v)
		}
	})
}

func TestDemoSpendRoundTrip(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 2000})
	want := demo.Spend(ds)
	rows, info, err := LoadSpend(strings.NewReader(demo.SpendCSV(want)), "spend.csv")
	if err != nil {
		t.Fatal(err)
	}
	if info.Used != len(want) || len(rows) != len(want) {
		t.Fatalf("loaded %d of %d rows", len(rows), len(want))
	}
	for i := range want {
		w, g := want[i], rows[i]
		if g.Channel != w.Channel || g.Month != w.Month || g.Amount != w.Amount || g.Currency != w.Currency || g.Line != i+2 {
			t.Fatalf("row %d = %+v, want %+v", i, g, w)
		}
	}
}
