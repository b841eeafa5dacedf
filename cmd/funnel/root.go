package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"funnel/loaders"
	"funnel/model"
	"funnel/model/demo"
	"funnel/model/mask"
	"funnel/tui"
	"funnel/tui/report"
)

// Exit codes.
const (
	exitOK       = 0
	exitBadInput = 1
	exitUsage    = 2
)

// IO is where commands read and write; tests swap in buffers.
type IO struct {
	Out, Err io.Writer
	OutIsTTY bool
	Width    int
	Environ  []string
}

func defaultIO() *IO {
	tty := term.IsTerminal(os.Stdout.Fd())
	w := 100
	if tty {
		if cw, _, err := term.GetSize(os.Stdout.Fd()); err == nil && cw > 0 {
			w = cw
		}
	}
	return &IO{Out: os.Stdout, Err: os.Stderr, OutIsTTY: tty, Width: w, Environ: os.Environ()}
}

// RootOptions are the explorer's flags.
type RootOptions struct {
	IO      *IO
	Files   []string
	Stages  string
	Preset  string
	Map     string
	NoColor bool
	Mask    bool
	Money   MoneyFlags
}

// usageError marks errors that are the user's invocation, not the data.
type usageError struct{ error }

func run(args []string, io *IO) int {
	cmd := newRootCmd(io, nil)
	cmd.SetArgs(args)
	cmd.SetOut(io.Out)
	cmd.SetErr(io.Err)
	err := cmd.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(io.Err, "funnel:", err)
	var ue usageError
	var le *loaders.Error
	switch {
	case errors.As(err, &le):
		return exitBadInput
	case errors.As(err, &ue), strings.HasPrefix(err.Error(), "unknown "), strings.Contains(err.Error(), "flag"):
		return exitUsage
	}
	return exitBadInput
}

func newRootCmd(io *IO, runF func(*RootOptions) error) *cobra.Command {
	opts := &RootOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "funnel [FILE...]",
		Short: "Explore a lead and deal funnel from CRM or spreadsheet exports",
		Long: `funnel loads CSV exports of leads and deals and opens a terminal explorer:
how many reach each stage, step and cumulative conversion, and monthly trends.

With no FILE it opens on an embedded demo dataset. The CSV it reads has one row
per lead and one date column per stage (an empty date: the stage was not reached),
for example:

  lead_id,created,channel,mql_date,sql_date,opportunity_date,won_date

Stages are the date columns in file order unless --stages names them.
HubSpot contacts/deals, Salesforce lead/opportunity reports and Pipedrive deal
exports are recognised from their headers (--preset forces one); any other CSV
can be read with a mapping file (--map, written by funnel init). Two files
(leads and deals) are joined by lead id, email or account.
When standard output is not a terminal, funnel prints the overview as text.`,
		Example: `  funnel                                  # the demo
  funnel leads.csv
  funnel leads.csv --stages "Lead,MQL,SQL,Opportunity,Won"
  funnel contacts.csv deals.csv           # HubSpot, Salesforce, Pipedrive exports are detected
  funnel init export.csv && funnel --map funnel.yaml export.csv
  funnel demo --rows 1000000 --out /tmp/big && funnel /tmp/big/leads.csv
  funnel leads.csv | less                 # plain text when piped
  funnel leads.csv --spend spend.csv      # CAC, ROI, payback: press e`,
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return rootRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Stages, "stages", "", "stage names in funnel order, comma-separated (renames the date columns)")
	cmd.Flags().BoolVar(&opts.NoColor, "no-color", false, "monochrome output (also when NO_COLOR is set)")
	cmd.Flags().StringVar(&opts.Preset, "preset", "", "read the files with this preset instead of detecting it: "+strings.Join(loaders.Presets(), ", "))
	cmd.Flags().StringVar(&opts.Map, "map", "", "mapping file (YAML) naming the id, stage, date, channel and amount columns (see funnel init)")
	cmd.Flags().BoolVar(&opts.Mask, "mask", false, "replace names, emails, companies and owners with stable pseudonyms (for a projector)")
	addMoneyFlags(cmd, &opts.Money)
	cmd.AddCommand(newDemoCmd(io, nil))
	cmd.AddCommand(newReportCmd(io, nil))
	cmd.AddCommand(newInitCmd(io, nil))
	return cmd
}

func rootRun(opts *RootOptions) error {
	mo, err := opts.Money.options()
	if err != nil {
		return err
	}
	ds, err := loadData(opts)
	if err != nil {
		return err
	}
	spend, err := opts.Money.spend(ds, len(opts.Files) == 0)
	if err != nil {
		return err
	}
	if !opts.IO.OutIsTTY {
		if opts.Mask {
			ds = mask.Dataset(ds, mask.NewKey())
		}
		r, err := report.Build(ds, report.Options{Masked: opts.Mask, Spend: spend, Money: mo})
		if err != nil {
			return buildError(err)
		}
		return report.WriteText(opts.IO.Out, r, opts.IO.Width)
	}
	noColor := opts.NoColor || envSet(opts.IO.Environ, "NO_COLOR")
	return tui.Run(ds, tui.Options{NoColor: noColor, Mask: opts.Mask, Spend: spend, Money: mo})
}

func loadData(opts *RootOptions) (*model.Dataset, error) {
	if len(opts.Files) == 0 {
		return demo.Generate(demo.Options{}), nil
	}
	lo := loaders.Options{Stages: splitList(opts.Stages), Preset: opts.Preset}
	if opts.Map != "" {
		m, err := loaders.ReadMapping(opts.Map)
		if err != nil {
			return nil, usageError{err}
		}
		lo.Mapping = m
	}
	return loaders.LoadFiles(context.Background(), opts.Files, lo)
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func envSet(env []string, name string) bool {
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, name+"="); ok && v != "" {
			return true
		}
	}
	return false
}
