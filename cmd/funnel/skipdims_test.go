package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui/report"
)

// A report that shows no dimension loads the file without them
// (loaders.Options.SkipDims) and prints what a full load prints, in every
// format; one that needs them loads them.
func TestReportWithoutDimsMatchesFullLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leads.csv")
	if err := os.WriteFile(path, []byte(demo.LeadsCSV(demo.Generate(demo.Options{Rows: 5000, Seed: 3}))), 0o644); err != nil {
		t.Fatal(err)
	}
	full, err := loaders.LoadFiles(context.Background(), []string{path}, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--format", "json"},
		{"--format", "text"},
		{"--format", "markdown", "--period", "quarter"},
		{"--format", "json", "--sections", "stages,cohorts,trends,velocity", "--as-of", "2026-03-31"},
	} {
		opts := &ReportOptions{}
		cmd := newReportCmd(&IO{}, func(o *ReportOptions) error { opts = o; return nil })
		cmd.SetArgs(append(args, path))
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		ro, err := reportOptions(opts)
		if err != nil {
			t.Fatal(err)
		}
		if ro.NeedsDims(false) {
			t.Fatalf("%v: needs dims", args)
		}
		r, err := report.Build(full, ro)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := report.Write(&want, r, opts.Format, report.Layout{Width: 100}); err != nil {
			t.Fatal(err)
		}
		io, out, errb := testIO()
		if code := run(append([]string{"report"}, append(args, path)...), io); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errb)
		}
		if out.String() != want.String() {
			t.Errorf("%v: the report loaded without dims differs from the full load's:\n%s\nwant\n%s", args, out, want.String())
		}
	}
	for _, ro := range []report.Options{{By: "channel"}, {Where: []string{"channel=chat"}}, {Masked: true},
		{Sections: []string{report.SecStickyPoints}}, {Sections: []string{report.SecStages, report.SecMoney}}} {
		if !ro.NeedsDims(false) {
			t.Errorf("%+v: needs no dims", ro)
		}
	}
	lean, err := loaders.LoadFiles(context.Background(), []string{path}, loaders.Options{SkipDims: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := report.Build(lean, report.Options{By: "channel"}); err == nil {
		t.Error("a breakdown of a dataset loaded without dims: no error")
	}
}

// The explorer shows its first frame before the dimensions only when it
// opens on the overview, unfiltered and unmasked: a deep link to a view,
// a breakdown or a filter needs them at once, and so does --mask.
func TestExplorerDefersDimsOnlyOnTheOverview(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{nil, true},
		{[]string{"--view", "overview"}, true},
		{[]string{"--period", "quarter"}, true},
		{[]string{"--view", "cohorts"}, false},
		{[]string{"--by", "channel"}, false},
		{[]string{"--where", "channel=paid"}, false},
		{[]string{"--mask"}, false},
	} {
		var opts *RootOptions
		cmd := newRootCmd(&IO{}, func(o *RootOptions) error { opts = o; return nil })
		cmd.SetArgs(append(tc.args, "leads.csv"))
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		open, err := opts.Show.open()
		if err != nil {
			t.Fatal(err)
		}
		if got := deferDims(opts, open); got != tc.want {
			t.Errorf("%v: deferred %v, want %v", tc.args, got, tc.want)
		}
	}
}
