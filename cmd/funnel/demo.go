package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/funnel-cli/funnel/model/demo"
)

// DemoOptions are the flags of `funnel demo`.
type DemoOptions struct {
	IO   *IO
	Rows int
	Seed uint64
	Out  string
}

func newDemoCmd(io *IO, runF func(*DemoOptions) error) *cobra.Command {
	opts := &DemoOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Write the demo dataset as CSV files",
		Long: `Write the demo dataset (the one funnel opens with no FILE) as CSV, deterministic
for a given --seed, so that anyone can make a large realistic file with one command.`,
		Example: `  funnel demo --out demo
  funnel demo --rows 1000000 --seed 7 --out /tmp/big`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(c *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return demoRun(opts)
		},
	}
	cmd.Flags().IntVar(&opts.Rows, "rows", 50000, "number of leads")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 1, "random seed (same seed, same files)")
	cmd.Flags().StringVar(&opts.Out, "out", ".", "directory to write leads.csv and spend.csv into (created if missing)")
	return cmd
}

func demoRun(opts *DemoOptions) error {
	if opts.Rows <= 0 {
		return usageError{fmt.Errorf("--rows must be positive, got %d", opts.Rows)}
	}
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return err
	}
	ds := demo.Generate(demo.Options{Rows: opts.Rows, Seed: opts.Seed})
	path := filepath.Join(opts.Out, "leads.csv")
	spendPath := filepath.Join(opts.Out, "spend.csv")
	for _, p := range []string{path, spendPath} {
		if _, err := os.Stat(p); err == nil {
			return usageError{fmt.Errorf("%s exists; funnel demo does not overwrite files (choose another --out)", p)}
		}
	}
	if err := writeNew(path, func(w io.Writer) error { return demo.WriteLeadsCSV(w, ds) }); err != nil {
		return err
	}
	if err := writeNew(spendPath, func(w io.Writer) error { return demo.WriteSpendCSV(w, demo.Spend(ds)) }); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "wrote %s (%d leads, seed %d) and %s (monthly spend per channel)\n", path, opts.Rows, opts.Seed, spendPath)
	return nil
}

// writeNew creates path (never overwriting) and fills it with write.
func writeNew(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if os.IsExist(err) {
		return usageError{fmt.Errorf("%s exists; funnel demo does not overwrite files (choose another --out)", path)}
	}
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
