package report_test

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/mask"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/theme"
	"github.com/funnel-cli/funnel/tui/views"
)

var hostile = []string{
	`=HYPERLINK("http://evil.example/?leak","click me")`,
	"\x1b[31mred\x1b[0m",
	"\x1b]52;c;ZXZpbA==\x07clipboard",
	"\u202egnp.exe",
	"+cmd|' /C calc'!A0",
	"@SUM(1+1)*cmd|' /C calc'!A0",
	"-2+3",
	"\t=1+1",
	"\r=1+1",
	"a|b\\c<script>",
}

// hostileDemo is the demo with hostile channel values and a hostile stage.
func hostileDemo() *model.Dataset {
	ds := demo.Generate(demo.Options{Rows: 600})
	ch := model.NewDim("channel", ds.Len())
	for i := range ds.Len() {
		ch.Append(hostile[i%len(hostile)])
	}
	ds.Dims[0] = ch
	ds.Stages = append([]string{}, ds.Stages...)
	ds.Stages[1] = "MQL\x1b[2J\u202e"
	ds.Load.Files = []string{"=evil\x1b[1m.csv"}
	return ds
}

func render(t *testing.T, ds *model.Dataset, opt report.Options) map[string]string {
	t.Helper()
	r, err := report.Build(ds, opt)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range report.Formats {
		var b bytes.Buffer
		if f == report.FormatCSV {
			for _, tb := range r.Tables() {
				if err := report.WriteCSVTable(&b, tb); err != nil {
					t.Fatal(err)
				}
			}
		} else if err := report.Write(&b, r, f, report.Layout{Width: 100}); err != nil {
			t.Fatal(err)
		}
		out[f] = b.String()
	}
	return out
}

func TestTerminalInjection(t *testing.T) {
	for f, s := range render(t, hostileDemo(), report.Options{By: "channel"}) {
		for _, bad := range []string{"\x1b", "\x07", "\u202e", "\r"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s output contains %q", f, bad)
			}
		}
	}
}

func TestMarkdownEscapesPipes(t *testing.T) {
	md := render(t, hostileDemo(), report.Options{By: "channel"})[report.FormatMarkdown]
	if !strings.Contains(md, `a\|b\\c&lt;script&gt;`) || strings.Contains(md, "<script>") {
		t.Fatalf("markdown did not escape a hostile value:\n%s", md)
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| paid") || strings.Contains(line, "a\\|b") {
			// every row of the breakdown has the same number of unescaped pipes as the header
			if n := strings.Count(line, "|") - strings.Count(line, `\|`); n != 14 {
				t.Errorf("row has %d cell borders: %s", n, line)
			}
		}
	}
}

func TestCSVFormulaInjection(t *testing.T) {
	out := render(t, hostileDemo(), report.Options{By: "channel", Top: 20})[report.FormatCSV]
	rd := csv.NewReader(strings.NewReader(out))
	rd.FieldsPerRecord = -1
	recs, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	neutralised := 0
	for _, rec := range recs {
		for _, cell := range rec {
			if _, err := strconv.ParseFloat(cell, 64); err == nil || cell == "" {
				continue // numbers stay numbers
			}
			if strings.HasPrefix(cell, "'") {
				neutralised++
			}
			if t0 := strings.TrimLeft(cell, " "); t0 != "" && strings.ContainsAny(t0[:1], "=+-@\t\r") {
				t.Errorf("formula-like cell %q", cell)
			}
		}
	}
	if neutralised < 6 { // = + - @ tab CR
		t.Errorf("only %d cells neutralised:\n%s", neutralised, out)
	}
	for in, want := range map[string]string{"=1+1": "'=1+1", "-5": "'-5", "@x": "'@x", "+1": "'+1",
		"\t=x": "' =x", " =x": "' =x", "\x1b[1m=x": "'=x", "plain": "plain", "a=b": "a=b"} {
		if got := report.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMaskLeavesNoOriginal: with --mask, no owner, company, email or id of
// the data appears in any format, and every number is unchanged.
func TestMaskLeavesNoOriginal(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 800})
	ds.Load.Files = []string{"acme-corp-leads.csv"}
	var secrets []string
	for _, name := range []string{"owner", "company"} {
		secrets = append(secrets, ds.Dim(name).Values[1:]...)
	}
	for i := range ds.Len() {
		secrets = append(secrets, ds.Emails.At(i), ds.IDs.At(i))
	}
	secrets = append(secrets, "acme-corp")
	m := mask.Dataset(ds, []byte("test key"))
	for _, by := range []string{"owner", "company"} {
		plain := render(t, ds, report.Options{By: by, Top: 1000})
		masked := render(t, m, report.Options{By: by, Top: 1000, Masked: true})
		if !strings.Contains(plain[report.FormatText], ds.Dim(by).Values[1]) {
			t.Fatalf("the unmasked report should list %s values", by)
		}
		for f, s := range masked {
			for _, sec := range secrets {
				if strings.Contains(s, sec) {
					t.Fatalf("--by %s, %s output leaks %q", by, f, sec)
				}
			}
		}
		rp, _ := report.Build(ds, report.Options{By: by, Top: 1000})
		rm, _ := report.Build(m, report.Options{By: by, Top: 1000})
		if len(rp.Breakdown.Groups) != len(rm.Breakdown.Groups) {
			t.Fatalf("masking changed the number of %s groups", by)
		}
		for i, s := range rp.Stages {
			if s.Reached != rm.Stages[i].Reached || s.ConversionFromTop != rm.Stages[i].ConversionFromTop {
				t.Fatalf("masking changed stage %d", i)
			}
		}
		for i, g := range rp.Breakdown.Groups {
			if g.Records != rm.Breakdown.Groups[i].Records {
				t.Fatalf("masking changed group sizes")
			}
		}
	}
}

// TestReportEqualsOverview: the report's stage numbers are the overview's.
func TestReportEqualsOverview(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 3000})
	f := views.NewOverview(views.Common{Styles: theme.Plain(), Engine: query.New(ds)}).Funnel()
	r, err := report.Build(ds, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for k, s := range f.Stages {
		got := r.Stages[k]
		if got.Name != s.Name || got.Reached != s.Reached || got.Implied != s.Implied ||
			got.ConversionFromPrevious != s.ConversionFromPrevious || got.ConversionFromTop != s.ConversionFromTop {
			t.Errorf("stage %d: report %+v, overview %+v", k, got, s)
		}
	}
	for k, s := range f.Stages {
		if got := r.Trends.Stages[k].Entries; len(got) != len(s.Monthly) || (len(got) > 0 && got[len(got)-1] != s.Monthly[len(s.Monthly)-1]) {
			t.Errorf("trend %d: %v vs %v", k, got, s.Monthly)
		}
	}
}
