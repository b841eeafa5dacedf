package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The tests in this file run the built binary, as a user does: real
// standard input (a pipe, a redirected file), real exit codes.

const (
	testVersion = "v9.8.7-test"
	testCommit  = "0123456789abcdef0123456789abcdef01234567"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// funnelBinary builds cmd/funnel once, with the version and commit set at
// link time as a release build sets them.
func funnelBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "funnel-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "funnel")
		out, err := exec.Command("go", "build", "-o", binPath,
			"-ldflags", "-X main.version="+testVersion+" -X main.commit="+testCommit, ".").CombinedOutput()
		if err != nil {
			buildErr = err
			binPath = ""
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatalf("go build: %v", buildErr)
	}
	return binPath
}

type result struct {
	out, err string
	code     int
}

// runBinary runs the binary with args, stdin from in (nil: /dev/null) and
// extra environment.
func runBinary(t *testing.T, in any, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(funnelBinary(t), args...)
	switch v := in.(type) {
	case []byte:
		cmd.Stdin = bytes.NewReader(v) // a pipe
	case *os.File:
		cmd.Stdin = v // a redirected file
	}
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

// A pipe, a redirected file, "-" and a .gz all read the user's data; the
// demo never stands in for it.
func TestBinaryReadsStdinAndGzip(t *testing.T) {
	const leads = "../../testdata/sample_leads.csv"
	raw, _ := os.ReadFile(leads)
	gz, _ := os.ReadFile(leads + ".gz")
	want := runBinary(t, nil, nil, leads)
	if want.code != 0 || !strings.Contains(want.out, "funnel report: sample_leads.csv") {
		t.Fatalf("plain file: %+v", want)
	}
	body := func(s string) string { // the report without its source lines
		_, after, _ := strings.Cut(s, "\nStages\n")
		before, _, _ := strings.Cut(after, "How the data was read")
		return before
	}
	f, err := os.Open(leads)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tc := range []struct {
		name string
		in   any
		args []string
		note string
	}{
		{"pipe", raw, nil, "stdin: read from standard input"},
		{"redirect", f, nil, "stdin: read from standard input"},
		{"dash", raw, []string{"-"}, "stdin: read from standard input"},
		{"gz pipe", gz, []string{"-"}, "gzip-compressed"},
		{"gz file", nil, []string{leads + ".gz"}, "sample_leads.csv.gz: gzip-compressed"},
		{"report pipe", raw, []string{"report"}, "stdin: read from standard input"},
		{"report dash", gz, []string{"report", "-", "--format", "markdown"}, "gzip-compressed"},
	} {
		got := runBinary(t, tc.in, nil, tc.args...)
		if got.code != 0 {
			t.Errorf("%s: exit %d: %s", tc.name, got.code, got.err)
			continue
		}
		if strings.Contains(got.out, "demo") || !strings.Contains(got.out, tc.note) {
			t.Errorf("%s: output is the demo or lacks %q:\n%s", tc.name, tc.note, got.out)
		}
		if tc.name != "report dash" && body(got.out) != body(want.out) {
			t.Errorf("%s: numbers differ from the file's:\n%s\nwant:\n%s", tc.name, body(got.out), body(want.out))
		}
	}
	// An empty pipe is an error about standard input, not the demo.
	got := runBinary(t, []byte{}, nil)
	if got.code != exitBadInput || !strings.Contains(got.err, "stdin:1") || strings.Contains(got.out, "demo") {
		t.Errorf("empty pipe: %+v", got)
	}
	// No input at all (/dev/null): the demo, labelled as such.
	got = runBinary(t, nil, nil, "report")
	if got.code != 0 || !strings.Contains(got.out, "the DEMO dataset") || !strings.Contains(got.out, "not yours") {
		t.Errorf("demo report: %+v", got)
	}
}

func TestBinaryVersionAndMan(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-v"}} {
		got := runBinary(t, nil, nil, args...)
		if want := "funnel " + testVersion + " (commit 0123456789ab)\n"; got.code != 0 || got.out != want {
			t.Errorf("%v: %q (exit %d), want %q", args, got.out, got.code, want)
		}
	}
	got := runBinary(t, nil, nil, "man")
	for _, want := range []string{".TH FUNNEL 1", ".SH OPTIONS", `\-\-where`, ".SH COMMAND: REPORT", ".SH FILTERS", ".SH KEYS", ".SH MAPPING", ".SH EXIT STATUS"} {
		if !strings.Contains(got.out, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
	for i, l := range strings.Split(got.out, "\n") {
		if strings.HasPrefix(l, ".") && !manRequest(l) {
			t.Errorf("man line %d starts an unknown request: %q", i+1, l)
		}
	}
}

func manRequest(l string) bool {
	for _, r := range []string{".TH ", ".SH ", ".SS ", ".PP", ".TP", ".B ", ".br", ".RS ", ".RE", ".nf", ".fi"} {
		if strings.HasPrefix(l, r) {
			return true
		}
	}
	return false
}

// TERM=dumb prints the report even on a terminal; a piped stdout too.
func TestBinaryDumbTerminalPrints(t *testing.T) {
	got := runBinary(t, nil, []string{"TERM=dumb"}, "--where", "channel=chat", "--view", "breakdown", "--by", "channel")
	if got.code != 0 || !strings.Contains(got.out, "filters: channel=chat") || !strings.Contains(got.out, "Breakdown by channel") {
		t.Errorf("TERM=dumb: %+v", got)
	}
}
