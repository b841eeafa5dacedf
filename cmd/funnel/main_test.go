package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testIO() (*IO, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &IO{Out: &out, Err: &errb, Width: 100}, &out, &errb
}

func TestNoTTYPrintsOverview(t *testing.T) {
	io, out, _ := testIO()
	if code := run([]string{"../../testdata/sample_leads.csv"}, io); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "Opportunity") {
		t.Fatalf("output:\n%s", out)
	}
}

func TestExitCodes(t *testing.T) {
	io, _, errb := testIO()
	if code := run([]string{"../../testdata/malformed_leads.csv"}, io); code != exitBadInput {
		t.Fatalf("bad input: exit %d", code)
	}
	if !strings.Contains(errb.String(), "malformed_leads.csv:3") {
		t.Fatalf("stderr %q", errb)
	}
	if code := run([]string{"--no-such-flag"}, io); code != exitUsage {
		t.Fatalf("bad flag: exit %d", code)
	}
}

func TestDemoWritesDeterministicFiles(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		io, _, errb := testIO()
		if code := run([]string{"demo", "--rows", "500", "--seed", "9", "--out", filepath.Join(dir, sub)}, io); code != 0 {
			t.Fatalf("exit %d: %s", code, errb)
		}
	}
	a, _ := os.ReadFile(filepath.Join(dir, "a", "leads.csv"))
	b, _ := os.ReadFile(filepath.Join(dir, "b", "leads.csv"))
	if len(a) == 0 || !bytes.Equal(a, b) || bytes.Count(a, []byte("\n")) != 501 {
		t.Fatalf("demo files differ or wrong size (%d, %d bytes)", len(a), len(b))
	}
	io, _, _ := testIO()
	if code := run([]string{"demo", "--rows", "5", "--out", filepath.Join(dir, "a")}, io); code != exitUsage {
		t.Fatalf("overwriting must be refused, exit %d", code)
	}
}

func TestHelpExplains(t *testing.T) {
	io, out, _ := testIO()
	if code := run([]string{"--help"}, io); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"--stages", "Example", "funnel demo"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help lacks %q", want)
		}
	}
}
