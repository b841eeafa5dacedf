package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixtures = "../../testdata/loaders/"

func TestInitWritesMappingAndNeverOverwrites(t *testing.T) {
	out := filepath.Join(t.TempDir(), "funnel.yaml")
	io, stdout, errb := testIO()
	if code := run([]string{"init", fixtures + "hubspot_deals.csv", "--out", out}, io); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	b, _ := os.ReadFile(out)
	for _, want := range []string{"# Deal Stage read as the current stage (HubSpot deal stages order)", "shape: current-stage", "stage_column: Deal Stage", "#   1. Deal ID"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("mapping lacks %q:\n%s", want, b)
		}
	}
	if !strings.Contains(stdout.String(), "wrote "+out) {
		t.Errorf("stdout %q", stdout)
	}
	// The written mapping loads the file.
	io, stdout, errb = testIO()
	if code := run([]string{"--map", out, fixtures + "hubspot_deals.csv"}, io); code != exitOK || !strings.Contains(stdout.String(), "Contract Sent") {
		t.Fatalf("--map: exit %d %s %s", code, stdout, errb)
	}
	io, _, errb = testIO()
	if code := run([]string{"init", fixtures + "flags.csv", "--out", out}, io); code != exitUsage || !strings.Contains(errb.String(), "does not overwrite") {
		t.Fatalf("overwrite: exit %d %s", code, errb)
	}
	after, _ := os.ReadFile(out)
	if string(after) != string(b) {
		t.Fatal("init changed an existing file")
	}
}

func TestSeveralFilesAndPreset(t *testing.T) {
	io, out, errb := testIO()
	if code := run([]string{fixtures + "hubspot_contacts.csv", fixtures + "hubspot_deals.csv"}, io); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "Contract Sent") || !strings.Contains(out.String(), "MQL") {
		t.Fatalf("joined output:\n%s", out)
	}
	io, _, errb = testIO()
	if code := run([]string{"--preset", "pipedrive-deals", fixtures + "hubspot_deals.csv"}, io); code != exitBadInput ||
		!strings.Contains(errb.String(), "missing required column") {
		t.Fatalf("wrong preset: exit %d %s", code, errb)
	}
	io, out, errb = testIO()
	if code := run([]string{"--map", fixtures + "flags.toml", fixtures + "flags.csv"}, io); code != exitOK || !strings.Contains(out.String(), "Converted") {
		t.Fatalf("toml map: exit %d %s %s", code, out, errb)
	}
	io, _, errb = testIO()
	if code := run([]string{"--map", "nope.toml", fixtures + "flags.csv"}, io); code != exitUsage || !strings.Contains(errb.String(), "nope.toml") {
		t.Fatalf("missing toml map: exit %d %s", code, errb)
	}
}

func TestInitTOML(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--format", "toml", "--out", filepath.Join(dir, "a.toml")},
		{"--out", filepath.Join(dir, "b.toml")},
	} {
		out := args[len(args)-1]
		io, stdout, errb := testIO()
		if code := run(append([]string{"init", fixtures + "hubspot_deals.csv"}, args...), io); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb)
		}
		b, _ := os.ReadFile(out)
		for _, want := range []string{"shape = 'current-stage'", "shape = 'current-stage'", "stage_column = 'Deal Stage'", "[[stages]]", "#   1. Deal ID"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("%v: mapping lacks %q:\n%s", args, want, b)
			}
		}
		if !strings.Contains(stdout.String(), "funnel --map "+out) {
			t.Errorf("stdout %q", stdout)
		}
		io, stdout, errb = testIO()
		if code := run([]string{"--map", out, fixtures + "hubspot_deals.csv"}, io); code != exitOK || !strings.Contains(stdout.String(), "Contract Sent") {
			t.Fatalf("--map %s: exit %d %s %s", out, code, stdout, errb)
		}
	}
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"--format", "toml", "--out", filepath.Join(dir, "c.yaml")}, "ending in .toml"},
		{[]string{"--format", "yaml", "--out", filepath.Join(dir, "c.toml")}, "ends in .toml"},
		{[]string{"--format", "json"}, "expected yaml or toml"},
	} {
		io, _, errb := testIO()
		if code := run(append([]string{"init", fixtures + "hubspot_deals.csv"}, tc.args...), io); code != exitUsage || !strings.Contains(errb.String(), tc.err) {
			t.Errorf("%v: exit %d %s, want %q", tc.args, code, errb, tc.err)
		}
	}
}

// A yes/no flags file: funnel init writes a mapping that loads it unedited,
// and without a mapping the flags are inferred and the decision reported.
func TestFlagsFileWithoutMapping(t *testing.T) {
	out := filepath.Join(t.TempDir(), "funnel.yaml")
	io, _, errb := testIO()
	if code := run([]string{"init", fixtures + "deals_flags.csv", "--out", out}, io); code != exitOK {
		t.Fatalf("init: exit %d %s", code, errb)
	}
	io, stdout, errb := testIO()
	if code := run([]string{"--map", out, fixtures + "deals_flags.csv"}, io); code != exitOK || !strings.Contains(stdout.String(), "Demo Done") {
		t.Fatalf("--map: exit %d %s %s", code, stdout, errb)
	}
	io, stdout, errb = testIO()
	if code := run([]string{"report", "--by", "Owner", fixtures + "deals_flags.csv"}, io); code != exitOK {
		t.Fatalf("report: exit %d %s", code, errb)
	}
	for _, want := range []string{"no dates", "Demo Done", "Ana"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	io, stdout, errb = testIO()
	if code := run([]string{"report", "--format", "json", fixtures + "deals_flags.csv"}, io); code != exitOK ||
		!strings.Contains(stdout.String(), "stages read from yes/no columns") {
		t.Errorf("json report: exit %d %s, want the flags decision", code, errb)
	}
	io, _, errb = testIO()
	if code := run([]string{"report", "--sections", "cohorts", fixtures + "flags.csv"}, io); code != exitUsage || !strings.Contains(errb.String(), "needs stage dates") {
		t.Errorf("cohorts on flags: exit %d %s", code, errb)
	}
}
