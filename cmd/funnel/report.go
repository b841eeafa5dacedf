package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mask"
	"github.com/funnel-cli/funnel/model/money"
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
	Out      string // directory for one CSV file per table
	Top      int
	Target   string
	Stages   string
	Map      []string // --map [FILE=]MAPPING, repeatable
	Preset   string
	Sheet    string
	Mask     bool
	NoColor  bool
	Money    MoneyFlags
	Show     ShowFlags // --by --where --as-of --period
}

func newReportCmd(io *IO, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "report [flags] [FILE...]",
		Short: "Print the funnel as text, markdown, JSON or CSV",
		Long: `Print the same numbers as the explorer, without a terminal UI: for decks and
wikis (markdown), other tools (json, csv) and scheduled jobs (text).

Sections: stages (default), breakdown (with --by), trends and velocity (when the
data has dates), cohorts, sticky_points, customers (churn, retention and expansion
by channel and cohort) and segments (ICP segments from the mapping file's
segments rules) on request, money (with --spend or --currency, and for the
demo), and plan (with --target: the reverse funnel with 95% intervals, the
levers and the channels ranked by customers). --where keeps the records a
filter matches, in the explorer's / language (funnel help filters); --as-of counts only what was known on a date; --period
buckets trends and cohorts by week, month, quarter or year. Amounts in several
currencies are never summed: pass --currency and --rates to convert them.

Text and markdown start with how the data was read (the loader's decisions,
join rates) and end with the skipped rows. The JSON schema is documented in the
package github.com/funnel-cli/funnel/tui/report and is stable: every key is always
present and carries its denominators, the window, the as-of date and the immature
cohorts. A CSV file holds one table: ask for one section (--sections), or
write one file per table into a directory with --out DIR. CSV text cells are
safe to open in a spreadsheet. FILE "-" (or a pipe, with no FILE) is standard
input; gzip is decompressed. With no FILE and nothing piped in, the report is of
the demo dataset, and says so.

Exit codes: 0 ok, 1 bad input (the located error on stderr), 2 bad usage.`,
		Example: `  funnel report leads.csv
  funnel report leads.csv --by channel --format markdown > funnel.md
  funnel report leads.csv --format json --sections stages,velocity | jq .stages
  funnel report leads.csv --by owner --mask --format csv --out shareable/
  funnel report leads.csv --sections breakdown --by channel --format csv > channels.csv
  funnel report leads.csv --where channel=organic --where segment!=SMB
  funnel report leads.csv --where "segment in (SMB,Mid-market) created>=2026-01"
  zcat leads.csv.gz | funnel report -
  funnel report leads.csv --spend spend.csv --currency USD --rates "EUR=1.08,GBP=1.27"
  funnel report leads.csv --spend spend.csv --target "30 customers per quarter"`,
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: completeDataFiles,
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
	f.StringVar(&opts.Out, "out", "", "with --format csv: write one CSV file per table into this `DIR` (created if missing)")
	addShowFlags(cmd, &opts.Show, false)
	f.IntVar(&opts.Top, "top", 10, "breakdown values listed before the rest fold into (other)")
	f.StringVar(&opts.Target, "target", "", "the plan section's target, as typed in the planner: \"30 customers per quarter\", \"250k revenue per year\" (adds the plan section)")
	f.StringVar(&opts.Stages, "stages", "", "stage names in funnel order, comma-separated (renames the date columns)")
	f.StringArrayVar(&opts.Map, "map", nil, mapFlagHelp)
	f.StringVar(&opts.Sheet, "sheet", "", "worksheet of an .xlsx workbook to read (default: the first)")
	f.StringVar(&opts.Preset, "preset", "", "read the files with this preset instead of detecting it: "+strings.Join(loaders.Presets(), ", "))
	f.BoolVar(&opts.Mask, "mask", false, "replace names, emails, companies and owners with stable pseudonyms")
	f.BoolVar(&opts.NoColor, "no-color", false, "accepted for symmetry; reports are never coloured")
	addMoneyFlags(cmd, &opts.Money)
	registerCompletions(cmd)
	return cmd
}

func reportRun(opts *ReportOptions) error {
	ropt, err := reportOptions(opts)
	if err != nil {
		return usageError{err}
	}
	if opts.Files, err = inputFiles(opts.IO, opts.Files); err != nil {
		return err
	}
	ropt.Demo = len(opts.Files) == 0
	if len(opts.Files) == 0 && (len(opts.Map) > 0 || opts.Preset != "") {
		return usageError{fmt.Errorf("--map and --preset say how to read FILEs; none was given (the demo needs neither)")}
	}
	root := &RootOptions{IO: opts.IO, Files: opts.Files, Stages: opts.Stages, Map: opts.Map, Preset: opts.Preset, Sheet: opts.Sheet,
		SkipDims: !ropt.NeedsDims(opts.Money.Spend != "")}
	root.SkipIDs = root.SkipDims // a report lists no record: ids and emails matter where dims do (money, masking)
	ds, err := loadData(root)
	if err != nil {
		return err
	}
	if ropt.Spend, err = opts.Money.spend(ds, len(opts.Files) == 0); err != nil {
		return err
	}
	if ropt.Segments, err = segmentRules(opts.Map, opts.Files); err != nil {
		return err
	}
	if opts.Mask {
		ds = mask.Dataset(ds, mask.NewKey())
	}
	r, err := report.Build(ds, ropt)
	if err != nil {
		return buildError(err)
	}
	if opts.Format == report.FormatCSV {
		return writeCSV(opts, r)
	}
	w := opts.IO.Out
	if opts.Format == report.FormatText || opts.Format == report.FormatMarkdown {
		w = terminalWriter(opts.IO)
	}
	return report.Write(w, r, opts.Format, report.Layout{Width: opts.IO.Width, CutCells: opts.IO.OutIsTTY})
}

// reportOptions checks the flags before any file is read.
func reportOptions(opts *ReportOptions) (report.Options, error) {
	ro := report.Options{By: opts.Show.By, Top: opts.Top, Masked: opts.Mask, Where: opts.Show.Where}
	var err error
	if ro.Money, err = opts.Money.options(); err != nil {
		return ro, err
	}
	if opts.Format == "md" {
		opts.Format = report.FormatMarkdown
	}
	if !slices.Contains(report.Formats, opts.Format) {
		return ro, fmt.Errorf("--format %q: expected one of %s", opts.Format, strings.Join(report.Formats, ", "))
	}
	if opts.Out != "" && opts.Format != report.FormatCSV {
		return ro, fmt.Errorf("--out DIR writes CSV files (--format csv); redirect %s output with > instead", opts.Format)
	}
	if opts.Top <= 0 {
		return ro, fmt.Errorf("--top must be positive, got %d", opts.Top)
	}
	if opts.Sections != "" {
		if ro.Sections, err = report.ParseSections(opts.Sections); err != nil {
			return ro, err
		}
	}
	for _, w := range opts.Show.Where {
		if err := filter.Check(w); err != nil {
			return ro, fmt.Errorf("--where: %w", err)
		}
	}
	if ro.Period, err = parsePeriod(opts.Show.Period); err != nil {
		return ro, err
	}
	if opts.Target != "" {
		if ro.Target, err = plan.ParseTarget(opts.Target); err != nil {
			return ro, fmt.Errorf("--target: %w", err)
		}
	}
	if opts.Show.AsOf != "" {
		if ro.AsOf, err = parseAsOf(opts.Show.AsOf); err != nil {
			return ro, err
		}
	}
	if opts.Preset != "" && !slices.Contains(loaders.Presets(), opts.Preset) {
		return ro, fmt.Errorf("--preset %q: unknown preset; presets are %s", opts.Preset, strings.Join(loaders.Presets(), ", "))
	}
	return ro, nil
}

// segmentRules are the ICP segment rules of the mapping file (none
// without one).
// segmentRules are the segment rules of every mapping given, in flag order.
func segmentRules(maps, files []string) ([]money.SegmentRule, error) {
	_, all, err := fileMappings(maps, files)
	if err != nil {
		return nil, usageError{err}
	}
	var out []money.SegmentRule
	for _, m := range all {
		out = append(out, m.Segments...)
	}
	return out, nil
}

func parsePeriod(s string) (query.Period, error) {
	if s == "" {
		return query.PeriodNone, nil
	}
	p, err := query.ParsePeriod(strings.ToLower(s))
	if err != nil || p == query.PeriodNone {
		return p, usageError{fmt.Errorf("--period %q: expected week, month, quarter or year", s)}
	}
	return p, nil
}

func parseAsOf(s string) (int32, error) {
	if !validDate(s) {
		return 0, usageError{fmt.Errorf("--as-of %q: expected a date as YYYY-MM-DD", s)}
	}
	var y, m, d int
	fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d)
	return model.DayFromCivil(y, m, d), nil
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
