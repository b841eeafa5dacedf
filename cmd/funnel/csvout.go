package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/tui/report"
)

// writeCSV writes the report's one table to stdout, or with --out DIR one
// file per table (DIR/<table>.csv), never over an input file.
func writeCSV(opts *ReportOptions, r *report.Report) error {
	if opts.Out == "" {
		err := report.WriteCSV(opts.IO.Out, r)
		var te *report.CSVTablesError
		if errors.As(err, &te) {
			return usageError{err}
		}
		return err
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return usageError{fmt.Errorf("--out: %w", err)}
	}
	var wrote []string
	for _, t := range r.Tables() {
		path := filepath.Join(opts.Out, t.Name+".csv")
		if in := inputAt(opts.Files, path); in != "" {
			return usageError{fmt.Errorf("--out %s: %s would overwrite the input file %s", opts.Out, path, in)}
		}
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		if err := report.WriteCSVTable(f, t); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		wrote = append(wrote, path)
	}
	fmt.Fprintf(opts.IO.Err, "funnel: wrote %d CSV files into %s\n", len(wrote), opts.Out)
	for _, p := range wrote {
		fmt.Fprintln(opts.IO.Out, p)
	}
	return nil
}

// inputAt is the input file that path is (the same file), or "".
func inputAt(files []string, path string) string {
	out, err := os.Stat(path)
	if err != nil {
		return ""
	}
	for _, f := range files {
		if f == loaders.StdinPath {
			continue
		}
		if in, err := os.Stat(f); err == nil && os.SameFile(in, out) {
			return f
		}
	}
	return ""
}
