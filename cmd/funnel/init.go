package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/funnel-cli/funnel/loaders"
)

// InitOptions are the flags of `funnel init`.
type InitOptions struct {
	IO     *IO
	File   string
	Out    string
	Format string
	Sheet  string
}

func newInitCmd(io *IO, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "init FILE",
		Short: "Write a starter mapping file from a CSV's headers",
		Long: `Read the header of FILE and write a mapping file (YAML or TOML) naming the id,
stage, date, channel and amount columns and the stage order, to edit and pass
with --map. The format follows --format, else the --out file's extension
(.toml is TOML, anything else YAML). An existing file is never overwritten.`,
		Example: `  funnel init deals.csv                  # writes funnel.yaml
  funnel init deals.csv --format toml    # writes funnel.toml
  funnel init deals.csv --out deals.yaml && funnel --map deals.yaml deals.csv`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "", "mapping file to write (must not exist; default funnel.yaml or funnel.toml)")
	cmd.Flags().StringVar(&opts.Sheet, "sheet", "", "worksheet of an .xlsx workbook to read (default: the first)")
	cmd.Flags().StringVar(&opts.Format, "format", "", "mapping syntax: yaml or toml (default: from --out, else yaml)")
	return cmd
}

// initFormat settles the syntax and output path from --format and --out.
func initFormat(opts *InitOptions) (loaders.MappingFormat, string, error) {
	switch strings.ToLower(opts.Format) {
	case "":
		if opts.Out == "" {
			return loaders.FormatYAML, "funnel.yaml", nil
		}
		return loaders.MappingFormatOf(opts.Out), opts.Out, nil
	case "yaml", "yml":
		if opts.Out == "" {
			return loaders.FormatYAML, "funnel.yaml", nil
		}
		if loaders.MappingFormatOf(opts.Out) == loaders.FormatTOML {
			return "", "", usageError{fmt.Errorf("--format yaml but --out %s ends in .toml; --map reads .toml files as TOML", opts.Out)}
		}
		return loaders.FormatYAML, opts.Out, nil
	case "toml":
		if opts.Out == "" {
			return loaders.FormatTOML, "funnel.toml", nil
		}
		if loaders.MappingFormatOf(opts.Out) != loaders.FormatTOML {
			return "", "", usageError{fmt.Errorf("--format toml needs an --out name ending in .toml (got %s); --map reads other names as YAML", opts.Out)}
		}
		return loaders.FormatTOML, opts.Out, nil
	}
	return "", "", usageError{fmt.Errorf("--format %q: expected yaml or toml", opts.Format)}
}

func initRun(opts *InitOptions) error {
	format, out, err := initFormat(opts)
	if err != nil {
		return err
	}
	opts.Out = out
	y, err := loaders.StarterMappingFor(context.Background(), opts.File, format, loaders.Options{Sheet: opts.Sheet})
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
