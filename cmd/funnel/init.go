package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"funnel/loaders"
)

// InitOptions are the flags of `funnel init`.
type InitOptions struct {
	IO   *IO
	File string
	Out  string
}

func newInitCmd(io *IO, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "init FILE",
		Short: "Write a starter mapping file from a CSV's headers",
		Long: `Read the header of FILE and write a mapping file (YAML) naming the id, stage,
date, channel and amount columns and the stage order, to edit and pass with --map.
An existing file is never overwritten.`,
		Example: `  funnel init deals.csv                  # writes funnel.yaml
  funnel init deals.csv --out deals.yaml && funnel --map deals.yaml deals.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "funnel.yaml", "mapping file to write (must not exist)")
	return cmd
}

func initRun(opts *InitOptions) error {
	y, err := loaders.StarterMapping(context.Background(), opts.File)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(opts.Out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if os.IsExist(err) {
		return usageError{fmt.Errorf("%s exists; funnel init does not overwrite files (choose another --out)", opts.Out)}
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(y); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "wrote %s; edit it, then run: funnel --map %s %s\n", opts.Out, opts.Out, opts.File)
	return nil
}
