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
		{[]string{"report", "--by", "channel", "--format", "csv"}, exitOK, ""},
		{[]string{"report", "../../testdata/malformed_leads.csv"}, exitBadInput, "malformed_leads.csv:3"},
		{[]string{"report", "no-such-file.csv"}, exitBadInput, "no-such-file.csv"},
		{[]string{"report", "--format", "xml"}, exitUsage, "--format"},
		{[]string{"report", "--sections", "cohorts"}, exitUsage, "not yet supported"},
		{[]string{"report", "--sections", "bogus"}, exitUsage, "unknown section"},
		{[]string{"report", "--by", "nope"}, exitUsage, "no such dimension"},
		{[]string{"report", "--where", "channel"}, exitUsage, "DIMENSION=VALUE"},
		{[]string{"report", "--where", "channel=nope"}, exitUsage, "no record has"},
		{[]string{"report", "--period", "week"}, exitUsage, "not yet supported"},
		{[]string{"report", "--period", "fortnight"}, exitUsage, "expected week"},
		{[]string{"report", "--as-of", "2026-02-30"}, exitUsage, "YYYY-MM-DD"},
		{[]string{"report", "--as-of", "2026-02-28"}, exitUsage, "not yet supported"},
		{[]string{"report", "--map", "m.yaml"}, exitUsage, "not yet supported"},
		{[]string{"report", "--preset", "hubspot"}, exitUsage, "not yet supported"},
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
