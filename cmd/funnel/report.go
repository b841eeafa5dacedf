package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mask"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/report"
)

// ReportOptions are the flags of `funnel report`.
type ReportOptions struct {
	IO       *IO
	Files    []string
	Format   string
	Sections string
	By       string
	Top      int
	Where    []string
	Period   string
	AsOf     string
	Target   string
	Stages   string
	Map      string
	Preset   string
	Mask     bool
	NoColor  bool
	Money    MoneyFlags
}

func newReportCmd(io *IO, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "report [flags] [FILE...]",
		Short: "Print the funnel as text, markdown, JSON or CSV",
		Long: `Print the same numbers as the explorer, without a terminal UI: for decks and
wikis (markdown), other tools (json, csv) and scheduled jobs (text).

Sections: stages (default), breakdown (with --by), trends and velocity (when the
data has dates), cohorts and sticky_points on request, money (with --spend or
--currency, and for the demo), and plan (with --target: the reverse funnel with
95% intervals, the levers and the channels ranked by customers). --as-of counts only what was known on a date;
--period buckets trends and cohorts by week, month, quarter or year. Amounts in several currencies are never
summed: pass --currency and --rates to convert them.
The JSON schema is documented in the package github.com/funnel-cli/funnel/tui/report and is stable:
every key is always present and carries its denominators, the window, the as-of
date and the immature cohorts. CSV text cells are safe to open in a spreadsheet.
With no FILE the report is of the demo dataset.

Exit codes: 0 ok, 1 bad input (the located error on stderr), 2 bad usage.`,
		Example: `  funnel report leads.csv
  funnel report leads.csv --by channel --format markdown > funnel.md
  funnel report leads.csv --format json --sections stages,velocity | jq .stages
  funnel report leads.csv --by owner --mask --format csv > shareable.csv
  funnel report leads.csv --where channel=organic --where segment!=SMB
  funnel report leads.csv --where "segment in (SMB,Mid-market) created>=2026-01"
  funnel report leads.csv --spend spend.csv --currency USD --rates "EUR=1.08,GBP=1.27"
  funnel report leads.csv --spend spend.csv --target "30 customers per quarter"`,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	f.StringVar(&opts.Sections, "sections", "", "comma-separated sections: "+strings.Join(report.AllSections, ", "))
	f.StringVar(&opts.By, "by", "", "dimension for the breakdown section (e.g. channel)")
	f.IntVar(&opts.Top, "top", 10, "breakdown values listed before the rest fold into (other)")
	f.StringArrayVar(&opts.Where, "where", nil, "keep records matching a filter, as typed at the explorer's / (e.g. \"segment in (SMB,Mid-market)\", created>=2026-01); repeatable: all hold, and column=value given twice means either")
	f.StringVar(&opts.Period, "period", "", "period of the trends and cohorts sections: week, month (default), quarter or year")
	f.StringVar(&opts.Target, "target", "", "plan section's target, as typed in the planner: \"30 customers per quarter\", \"250k revenue per year\" (adds the plan section)")
	f.StringVar(&opts.AsOf, "as-of", "", "count only what was known on this date (YYYY-MM-DD; default the last date in the data)")
	f.StringVar(&opts.Stages, "stages", "", "stage names in funnel order, comma-separated (renames the date columns)")
	f.StringVar(&opts.Map, "map", "", "mapping file (YAML) naming the id, stage, date, channel and amount columns (see funnel init)")
	f.StringVar(&opts.Preset, "preset", "", "read the files with this preset instead of detecting it: "+strings.Join(loaders.Presets(), ", "))
	f.BoolVar(&opts.Mask, "mask", false, "replace names, emails, companies and owners with stable pseudonyms")
	f.BoolVar(&opts.NoColor, "no-color", false, "accepted for symmetry; reports are never coloured")
	addMoneyFlags(cmd, &opts.Money)
	return cmd
}

func reportRun(opts *ReportOptions) error {
	ropt, err := reportOptions(opts)
	if err != nil {
		return usageError{err}
	}
	if len(opts.Files) == 0 && (opts.Map != "" || opts.Preset != "") {
		return usageError{fmt.Errorf("--map and --preset say how to read FILEs; none was given (the demo needs neither)")}
	}
	ds, err := loadData(&RootOptions{IO: opts.IO, Files: opts.Files, Stages: opts.Stages, Map: opts.Map, Preset: opts.Preset})
	if err != nil {
		return err
	}
	if ropt.Spend, err = opts.Money.spend(ds, len(opts.Files) == 0); err != nil {
		return err
	}
	if opts.Mask {
		ds = mask.Dataset(ds, mask.NewKey())
	}
	r, err := report.Build(ds, ropt)
	if err != nil {
		return buildError(err)
	}
	return report.Write(opts.IO.Out, r, opts.Format, opts.IO.Width)
}

// reportOptions checks the flags before any file is read.
func reportOptions(opts *ReportOptions) (report.Options, error) {
	ro := report.Options{By: opts.By, Top: opts.Top, Masked: opts.Mask}
	var err error
	if ro.Money, err = opts.Money.options(); err != nil {
		return ro, err
	}
	if !slices.Contains(report.Formats, opts.Format) {
		return ro, fmt.Errorf("--format %q: expected one of %s", opts.Format, strings.Join(report.Formats, ", "))
	}
	if opts.Top <= 0 {
		return ro, fmt.Errorf("--top must be positive, got %d", opts.Top)
	}
	if opts.Sections != "" {
		s, err := report.ParseSections(opts.Sections)
		if err != nil {
			return ro, err
		}
		ro.Sections = s
	}
	for _, w := range opts.Where {
		if err := filter.Check(w); err != nil {
			return ro, fmt.Errorf("--where: %w", err)
		}
	}
	ro.Where = opts.Where
	if opts.Period != "" {
		p, err := query.ParsePeriod(strings.ToLower(opts.Period))
		if err != nil || p == query.PeriodNone {
			return ro, fmt.Errorf("--period %q: expected week, month, quarter or year", opts.Period)
		}
		ro.Period = p
	}
	if opts.Target != "" {
		if ro.Target, err = plan.ParseTarget(opts.Target); err != nil {
			return ro, fmt.Errorf("--target: %w", err)
		}
	}
	if opts.AsOf != "" {
		if !validDate(opts.AsOf) {
			return ro, fmt.Errorf("--as-of %q: expected a date as YYYY-MM-DD", opts.AsOf)
		}
		var y, m, d int
		fmt.Sscanf(opts.AsOf, "%4d-%2d-%2d", &y, &m, &d)
		ro.AsOf = model.DayFromCivil(y, m, d)
	}
	if opts.Preset != "" && !slices.Contains(loaders.Presets(), opts.Preset) {
		return ro, fmt.Errorf("--preset %q: unknown preset; presets are %s", opts.Preset, strings.Join(loaders.Presets(), ", "))
	}
	return ro, nil
}

func validDate(s string) bool {
	var y, m, d int
	if n, err := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); n != 3 || err != nil || len(s) != 10 {
		return false
	}
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	yy, mm, dd := model.CivilFromDay(model.DayFromCivil(y, m, d))
	return yy == y && mm == m && dd == d
}
