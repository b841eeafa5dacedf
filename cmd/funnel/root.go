package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/tui"
)

// RootOptions are the explorer's flags.
type RootOptions struct {
	IO      *IO
	Files   []string
	Stages  string
	Preset  string
	Sheet   string
	Map     []string // --map [FILE=]MAPPING, repeatable
	NoColor bool
	NoMouse bool
	Debug   string
	Mask    bool
	Plain   bool   // print the report instead of the full-screen explorer
	Theme   string // light, dark or "" (ask the terminal)
	Money   MoneyFlags
	Show    ShowFlags // --view --by --where --as-of --period
	// SkipDims loads a single file without its dimension columns (set by
	// a report that shows none: loaders.Options.SkipDims).
	SkipDims bool
	// SkipIDs loads a single file without its ids and emails
	// (loaders.Options.SkipIDs; set with SkipDims by such a report).
	SkipIDs bool
}

func newRootCmd(io *IO, runF func(*RootOptions) error) *cobra.Command {
	opts := &RootOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "funnel [FILE...]",
		Short: "Explore a lead and deal funnel from CRM or spreadsheet exports",
		Long: `funnel loads CSV exports of leads and deals and opens a terminal explorer:
how many reach each stage, step and cumulative conversion, and monthly trends.

With no FILE it reads standard input when something is piped in, and otherwise
opens on an embedded demo dataset (labelled "demo" on screen and in reports).
FILE "-" is standard input; gzip-compressed files are decompressed. The CSV it
reads has one row per lead and one date column per stage (an empty date: the
stage was not reached), for example:

  lead_id,created,channel,mql_date,sql_date,opportunity_date,won_date

Stages are the date columns in file order unless --stages names them.
HubSpot contacts/deals, Salesforce lead/opportunity reports and Pipedrive deal
exports are recognised from their headers (--preset forces one); any other CSV
can be read with a mapping file (--map, written by funnel init; with several
files --map FILE=MAPPING, one per file). Two or more files (leads, deals, …)
are joined onto the first by lead id, email or account.

--view, --by, --where, --as-of and --period open the explorer in that view and
state (funnel help filters for the --where language, funnel help keys for the
keys). When standard output is not a terminal, with --plain, or with TERM=dumb,
funnel prints the report (funnel report) of the same view instead.

Exit codes: 0 ok, 1 bad input (the located error on stderr), 2 bad usage.`,
		Example: `  funnel                                  # the demo
  funnel leads.csv
  funnel leads.csv.gz                     # compressed exports are read as they are
  cat leads.csv | funnel                  # or: funnel < leads.csv, funnel -
  funnel leads.csv --view breakdown --by channel --where "created>=2026-01"
  funnel leads.csv --stages "Lead,MQL,SQL,Opportunity,Won"
  funnel contacts.csv deals.csv           # HubSpot, Salesforce, Pipedrive exports are detected
  funnel init export.csv && funnel --map funnel.yaml export.csv
  funnel --map deals.csv=deals.yaml leads.csv deals.csv   # one mapping per file
  funnel demo --rows 1000000 --out /tmp/big && funnel /tmp/big/leads.csv
  funnel leads.csv | less                 # plain text when piped
  funnel leads.csv --spend spend.csv      # CAC, ROI, payback: press e`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeDataFiles,
		Version:           versionString(),
		SilenceUsage:      true,
		SilenceErrors:     true,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return rootRun(opts)
		},
	}
	cmd.SetVersionTemplate("funnel {{.Version}}\n")
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	f := cmd.Flags()
	f.StringVar(&opts.Stages, "stages", "", "stage names in funnel order, comma-separated (renames the date columns)")
	addShowFlags(cmd, &opts.Show, true)
	f.BoolVar(&opts.Plain, "plain", false, "print the report instead of opening the full-screen explorer (also with TERM=dumb)")
	f.StringVar(&opts.Theme, "theme", "", "colours for a light or dark terminal background: light or dark (default: ask the terminal, then COLORFGBG)")
	f.BoolVar(&opts.NoMouse, "no-mouse", false, "start with mouse reporting off (m toggles it; off lets the terminal select text)")
	f.StringVar(&opts.Debug, "debug", "", "append a log of every message and its handling time to `FILE`")
	f.BoolVar(&opts.NoColor, "no-color", false, "monochrome output (also when NO_COLOR is set)")
	f.StringVar(&opts.Sheet, "sheet", "", "worksheet of an .xlsx workbook to read (default: the first)")
	f.StringVar(&opts.Preset, "preset", "", "read the files with this preset instead of detecting it: "+strings.Join(loaders.Presets(), ", "))
	f.StringArrayVar(&opts.Map, "map", nil, mapFlagHelp)
	f.BoolVar(&opts.Mask, "mask", false, "replace names, emails, companies and owners with stable pseudonyms (for a projector)")
	addMoneyFlags(cmd, &opts.Money)
	registerCompletions(cmd)
	cmd.AddCommand(newDemoCmd(io, nil))
	cmd.AddCommand(newReportCmd(io, nil))
	cmd.AddCommand(newInitCmd(io, nil))
	cmd.AddCommand(newManCmd(io))
	cmd.AddCommand(helpTopics()...)
	completeHelpTopics(cmd)
	return cmd
}

// ShowFlags say what to show: the explorer's deep link, or the report's
// breakdown, filter, as-of date and period.
type ShowFlags struct {
	View   string
	By     string
	Where  []string
	AsOf   string
	Period string
}

func addShowFlags(cmd *cobra.Command, s *ShowFlags, explorer bool) {
	f := cmd.Flags()
	if explorer {
		f.StringVar(&s.View, "view", "", "open this view: "+strings.Join(tui.ViewNames(), ", ")+" (default overview, or breakdown with --by)")
		f.StringVar(&s.By, "by", "", "open the breakdown by this dimension (e.g. channel)")
	} else {
		f.StringVar(&s.By, "by", "", "dimension for the breakdown section (e.g. channel)")
	}
	f.StringArrayVar(&s.Where, "where", nil, `keep the records a filter matches, as typed at the explorer's / (e.g. "segment in (SMB,Mid-market)", created>=2026-01); repeatable: all hold, and column=value given twice means either (funnel help filters)`)
	f.StringVar(&s.AsOf, "as-of", "", "count only what was known on this date (YYYY-MM-DD; default the last date in the data)")
	f.StringVar(&s.Period, "period", "", "period of trends and cohorts: week, month (default), quarter or year")
}

// open is the explorer's deep link, checked as far as it can be without
// the data.
func (s ShowFlags) open() (tui.Open, error) {
	o := tui.Open{View: s.View, By: s.By, Where: nonBlank(s.Where), Period: s.Period}
	if s.AsOf != "" {
		d, err := parseAsOf(s.AsOf)
		if err != nil {
			return o, err
		}
		o.AsOf = d
	}
	return o, o.Check()
}

func nonBlank(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
