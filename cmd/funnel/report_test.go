package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestReportExitCodes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"report", "../../testdata/sample_leads.csv"}, exitOK, ""},
		{[]string{"report", "--format", "json", "--sections", "stages"}, exitOK, ""},
		{[]string{"report", "--by", "channel", "--format", "csv"}, exitUsage, "--out DIR"},
		{[]string{"report", "--sections", "breakdown", "--by", "channel", "--format", "csv"}, exitOK, ""},
		{[]string{"report", "--format", "json", "--out", "x"}, exitUsage, "--out DIR writes CSV"},
		{[]string{"report", "../../testdata/malformed_leads.csv"}, exitBadInput, "malformed_leads.csv:3"},
		{[]string{"report", "no-such-file.csv"}, exitBadInput, "no-such-file.csv"},
		{[]string{"report", "--format", "xml"}, exitUsage, "--format"},
		{[]string{"report", "--sections", "cohorts"}, exitOK, ""},
		{[]string{"report", "--sections", "cohorts", "--map", fixtures + "flags.yaml", fixtures + "flags.csv"}, exitUsage, "needs stage dates"},
		{[]string{"report", "--sections", "bogus"}, exitUsage, "unknown section"},
		{[]string{"report", "--by", "nope"}, exitUsage, "no such dimension"},
		{[]string{"report", "--where", "channel"}, exitUsage, "expected an operator"},
		{[]string{"report", "--where", "chanel=chat"}, exitUsage, `did you mean "channel"`},
		{[]string{"report", "--where", "segment in (SMB"}, exitUsage, "missing )"},
		{[]string{"report", "--where", "channel=nope"}, exitUsage, "no channel is \"nope\""},
		{[]string{"report", "--period", "week"}, exitOK, ""},
		{[]string{"report", "--period", "year", "--sections", "trends,cohorts"}, exitOK, ""},
		{[]string{"report", "--period", "fortnight"}, exitUsage, "expected week"},
		{[]string{"report", "--as-of", "2026-02-30"}, exitUsage, "YYYY-MM-DD"},
		{[]string{"report", "--as-of", "2026-02-28"}, exitOK, ""},
		{[]string{"report", "--map", "m.yaml"}, exitUsage, "FILE"},
		{[]string{"report", "--preset", "hubspot"}, exitUsage, "unknown preset"},
		{[]string{"report", "--preset", "nope", fixtures + "flags.csv"}, exitUsage, "unknown preset"},
		{[]string{"report", "--map", "nope.toml", fixtures + "flags.csv"}, exitUsage, "nope.toml"},
		{[]string{"report", "--map", fixtures + "flags.toml", fixtures + "flags.csv"}, exitOK, ""},
		{[]string{"report", "--top", "0"}, exitUsage, "--top"},
		{[]string{"report", "--no-such-flag"}, exitUsage, "unknown flag"},
	} {
		io, _, errb := testIO()
		if code := run(tc.args, io); code != tc.code || !strings.Contains(errb.String(), tc.err) {
			t.Errorf("%v: exit %d (want %d), stderr %q (want %q)", tc.args, code, tc.code, errb, tc.err)
		}
	}
}

func TestReportJSONAndMask(t *testing.T) {
	io, out, errb := testIO()
	if code := run([]string{"report", "--format", "json", "--by", "owner", "--mask", "--where", "channel=organic"}, io); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var r struct {
		Masked    bool     `json:"masked"`
		Filters   []string `json:"filters"`
		Breakdown struct {
			Groups []struct {
				Value string `json:"value"`
			} `json:"groups"`
		} `json:"breakdown"`
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if !r.Masked || len(r.Filters) != 1 || len(r.Breakdown.Groups) == 0 {
		t.Fatalf("%+v", r)
	}
	for _, g := range r.Breakdown.Groups {
		if !strings.HasPrefix(g.Value, "Owner ") {
			t.Errorf("owner %q is not masked", g.Value)
		}
	}
}

func TestRootMaskNoTTY(t *testing.T) {
	io, out, _ := testIO()
	if code := run([]string{"--mask"}, io); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "masked:") || !strings.Contains(out.String(), "Stages") {
		t.Fatalf("output:\n%s", out)
	}
}

// TestReportPresetAndMap: the loader flags reach funnel report through
// root.go's loaderOptions and name the stages of the file.
func TestReportPresetAndMap(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		stages []string
	}{
		{[]string{"--preset", "salesforce-leads", fixtures + "salesforce_leads.csv"}, []string{"Lead", "Converted"}},
		{[]string{"--map", fixtures + "flags.yaml", fixtures + "flags.csv"}, []string{"Lead", "Qualified", "Converted", "Won"}},
	} {
		io, out, errb := testIO()
		args := append([]string{"report", "--format", "json", "--sections", "stages"}, tc.args...)
		if code := run(args, io); code != exitOK {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errb)
		}
		var r struct {
			Stages []struct {
				Name    string `json:"name"`
				Reached int    `json:"reached"`
			} `json:"stages"`
		}
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range r.Stages {
			got = append(got, s.Name)
		}
		if tc.stages != nil && strings.Join(got, ",") != strings.Join(tc.stages, ",") {
			t.Errorf("%v: stages %v, want %v", tc.args, got, tc.stages)
		}
		if len(got) < 2 {
			t.Errorf("%v: stages %v", tc.args, got)
		}
	}
}

func TestReportAsOfAndPeriodFlags(t *testing.T) {
	io, out, errb := testIO()
	if code := run([]string{"report", "--format", "json", "--as-of", "2026-01-31", "--period", "quarter",
		"--sections", "stages,cohorts,trends"}, io); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var r struct {
		AsOf   string `json:"as_of"`
		Trends struct {
			Period string `json:"period"`
			Change string `json:"change"`
		} `json:"trends"`
		Cohorts struct {
			Period string `json:"period"`
		} `json:"cohorts"`
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if r.AsOf != "2026-01-31" || r.Trends.Period != "quarter" || r.Trends.Change != "QoQ" || r.Cohorts.Period != "quarter" {
		t.Fatalf("%+v", r)
	}
}
