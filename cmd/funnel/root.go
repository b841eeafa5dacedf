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

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/mask"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/tui"
	"github.com/funnel-cli/funnel/tui/report"
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
	Sheet   string
	Map     string
	NoColor bool
	NoMouse bool
	Debug   string
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
can be read with a mapping file (--map, written by funnel init). Two or more
files (leads, deals, …) are joined onto the first by lead id, email or account.
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
	cmd.Flags().BoolVar(&opts.NoMouse, "no-mouse", false, "start with mouse reporting off (m toggles it; off lets the terminal select text)")
	cmd.Flags().StringVar(&opts.Debug, "debug", "", "append a log of every message and its handling time to `FILE`")
	cmd.Flags().BoolVar(&opts.NoColor, "no-color", false, "monochrome output (also when NO_COLOR is set)")
	cmd.Flags().StringVar(&opts.Sheet, "sheet", "", "worksheet of an .xlsx workbook to read (default: the first)")
	cmd.Flags().StringVar(&opts.Preset, "preset", "", "read the files with this preset instead of detecting it: "+strings.Join(loaders.Presets(), ", "))
	cmd.Flags().StringVar(&opts.Map, "map", "", "mapping file (YAML, or TOML when it ends in .toml) naming the id, stage, date, channel and amount columns (see funnel init)")
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
	if opts.IO.OutIsTTY && len(opts.Files) > 0 {
		return exploreFiles(opts, mo)
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
	topts, closeDebug, err := tuiOptions(opts, spend, mo)
	if err != nil {
		return err
	}
	defer closeDebug()
	return tui.Run(ds, topts)
}

// exploreFiles opens the explorer at once and loads in the background, with
// a progress bar that esc cancels.
func exploreFiles(opts *RootOptions, mo money.Options) error {
	spend, err := opts.Money.spend(nil, false)
	if err != nil {
		return err
	}
	lo, err := loaderOptions(opts)
	if err != nil {
		return err
	}
	topts, closeDebug, err := tuiOptions(opts, spend, mo)
	if err != nil {
		return err
	}
	defer closeDebug()
	load := func(ctx context.Context, progress func(done, total int64)) (*model.Dataset, error) {
		lo.Progress = progress
		return loaders.LoadFiles(ctx, opts.Files, lo)
	}
	err = tui.RunLoading(strings.Join(opts.Files, ", "), load, topts)
	if errors.Is(err, tui.ErrCancelled) {
		fmt.Fprintln(opts.IO.Err, "funnel: load cancelled")
		return nil
	}
	return err
}

func tuiOptions(opts *RootOptions, spend []money.SpendRow, mo money.Options) (tui.Options, func(), error) {
	t := tui.Options{NoColor: opts.NoColor || envSet(opts.IO.Environ, "NO_COLOR"), NoMouse: opts.NoMouse,
		Mask: opts.Mask, Spend: spend, Money: mo}
	if opts.Debug == "" {
		return t, func() {}, nil
	}
	f, err := os.OpenFile(opts.Debug, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return t, nil, usageError{fmt.Errorf("--debug: %w", err)}
	}
	t.Debug = f
	return t, func() { f.Close() }, nil
}

func loaderOptions(opts *RootOptions) (loaders.Options, error) {
	lo := loaders.Options{Stages: splitList(opts.Stages), Preset: opts.Preset, Sheet: opts.Sheet}
	if opts.Map != "" {
		m, err := loaders.ReadMapping(opts.Map)
		if err != nil {
			return lo, usageError{err}
		}
		lo.Mapping = m
	}
	return lo, nil
}

func loadData(opts *RootOptions) (*model.Dataset, error) {
	if len(opts.Files) == 0 {
		return demo.Generate(demo.Options{}), nil
	}
	lo, err := loaderOptions(opts)
	if err != nil {
		return nil, err
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
