package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/mask"
	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/tui"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/theme"
)

func rootRun(opts *RootOptions) error {
	mo, err := opts.Money.options()
	if err != nil {
		return err
	}
	open, err := opts.Show.open()
	if err != nil {
		return err
	}
	if opts.Theme != "" && opts.Theme != "light" && opts.Theme != "dark" {
		return usageError{fmt.Errorf("--theme %q: expected light or dark", opts.Theme)}
	}
	if opts.Files, err = inputFiles(opts.IO, opts.Files); err != nil {
		return err
	}
	plain := !opts.IO.OutIsTTY || opts.Plain || opts.IO.Getenv("TERM") == "dumb"
	if !plain && len(opts.Files) > 0 {
		return exploreFiles(opts, open, mo)
	}
	ds, err := loadData(opts)
	if err != nil {
		return err
	}
	spend, err := opts.Money.spend(ds, len(opts.Files) == 0)
	if err != nil {
		return err
	}
	if plain {
		return plainReport(opts, ds, spend, mo)
	}
	if err := open.CheckData(ds); err != nil {
		return err
	}
	topts, closeDebug, err := tuiOptions(opts, open, spend, mo)
	if err != nil {
		return err
	}
	defer closeDebug()
	return tui.Run(ds, topts)
}

// plainReport prints the text report of what the explorer would open on:
// the same filter, as-of date and period, and the view's section.
func plainReport(opts *RootOptions, ds *model.Dataset, spend []money.SpendRow, mo money.Options) error {
	ro := report.Options{Masked: opts.Mask, Spend: spend, Money: mo, By: opts.Show.By, Where: opts.Show.Where,
		Demo: len(opts.Files) == 0}
	var err error
	if ro.Period, err = parsePeriod(opts.Show.Period); err != nil {
		return err
	}
	if opts.Show.AsOf != "" {
		if ro.AsOf, err = parseAsOf(opts.Show.AsOf); err != nil {
			return err
		}
	}
	ro.Sections = viewSections(opts.Show.View, ds, ro)
	if opts.Mask {
		ds = mask.Dataset(ds, mask.NewKey())
	}
	r, err := report.Build(ds, ro)
	if err != nil {
		return buildError(err)
	}
	return report.WriteText(terminalWriter(opts.IO), r, report.Layout{Width: opts.IO.Width, CutCells: opts.IO.OutIsTTY})
}

// viewSections are the report sections that show what a view shows (nil:
// the report's default, for the overview and views without a section).
func viewSections(view string, ds *model.Dataset, ro report.Options) []string {
	switch strings.ToLower(view) {
	case "breakdown":
		if ro.By != "" {
			return []string{report.SecStages, report.SecBreakdown}
		}
	case "cohorts", "trends":
		if ds.HasDates {
			return []string{strings.ToLower(view)}
		}
	case "sticky":
		return []string{report.SecStickyPoints}
	case "money":
		return []string{report.SecMoney}
	}
	return nil
}

// inputFiles settles what to read: the named files, or standard input when
// none is named and something is piped in (never the demo in its place).
func inputFiles(io *IO, files []string) ([]string, error) {
	if len(files) == 0 && io.InPiped {
		files = []string{loaders.StdinPath}
	}
	if slices.Contains(files, loaders.StdinPath) && io.InIsTTY {
		return nil, usageError{fmt.Errorf(`"-" reads standard input, which is a terminal here; pipe a file in (cat leads.csv | funnel -) or name it`)}
	}
	return files, nil
}

// exploreFiles opens the explorer at once and loads in the background, with
// a progress bar that esc cancels.
func exploreFiles(opts *RootOptions, open tui.Open, mo money.Options) error {
	spend, err := opts.Money.spend(nil, false)
	if err != nil {
		return err
	}
	lo, err := loaderOptions(opts)
	if err != nil {
		return err
	}
	topts, closeDebug, err := tuiOptions(opts, open, spend, mo)
	if err != nil {
		return err
	}
	defer closeDebug()
	topts.Remap = remapper(opts.Files, lo)
	var rest *loaders.Deferred
	load := func(ctx context.Context, progress func(done, total int64)) (*model.Dataset, error) {
		lo.Progress = progress
		if !deferDims(opts, open) {
			return loaders.LoadFiles(ctx, opts.Files, lo)
		}
		ds, r, err := loaders.LoadDeferred(ctx, opts.Files, lo)
		rest = r
		return ds, err
	}
	// The first frame from the file without its dimension columns, read
	// right after (loaders.LoadDeferred; tui/dims.go). The explorer calls
	// Rest after load, on the same goroutine.
	topts.Rest = func(ctx context.Context) (*model.Dataset, error) {
		if rest == nil {
			return nil, nil
		}
		defer rest.Close()
		return rest.Load(ctx)
	}
	label := make([]string, len(opts.Files))
	for i, f := range opts.Files {
		label[i] = f
		if f == loaders.StdinPath {
			label[i] = "standard input"
		}
	}
	err = tui.RunLoading(strings.Join(label, ", "), load, topts)
	if errors.Is(err, tui.ErrCancelled) {
		fmt.Fprintln(opts.IO.Err, "funnel: load cancelled")
		return nil
	}
	return err
}

func tuiOptions(opts *RootOptions, open tui.Open, spend []money.SpendRow, mo money.Options) (tui.Options, func(), error) {
	t := tui.Options{NoColor: opts.NoColor || envSet(opts.IO.Environ, "NO_COLOR"), NoMouse: opts.NoMouse,
		Mask: opts.Mask, Spend: spend, Money: mo, Open: open, Theme: opts.Theme, ASCII: !format.UTF8Locale(opts.IO.Environ),
		Source: source(opts)}
	var err error
	if t.Segments, err = segmentRules(opts.Map, opts.Files); err != nil {
		return t, nil, err
	}
	if dark, ok := theme.DarkFromCOLORFGBG(opts.IO.Getenv("COLORFGBG")); ok {
		t.Background = "light"
		if dark {
			t.Background = "dark"
		}
	}
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

// source is how the explorer's data is read, as the command line said it
// (for :report's line, and the files an export must not write over).
func source(opts *RootOptions) tui.Source {
	s := tui.Source{Files: append([]string(nil), opts.Files...)}
	flags := []struct{ flag, value string }{{"--stages", opts.Stages}}
	for _, m := range opts.Map {
		flags = append(flags, struct{ flag, value string }{"--map", m})
	}
	flags = append(flags, []struct{ flag, value string }{{"--preset", opts.Preset},
		{"--sheet", opts.Sheet}, {"--spend", opts.Money.Spend}, {"--currency", opts.Money.Currency}, {"--rates", opts.Money.Rates}}...)
	for _, f := range flags {
		if f.value != "" {
			s.Args = append(s.Args, f.flag, f.value)
		}
	}
	for _, f := range append(append(append([]string(nil), opts.Files...), mapPaths(opts.Map, opts.Files)...), opts.Money.Spend) {
		if f != "" && f != loaders.StdinPath {
			s.Inputs = append(s.Inputs, f)
		}
	}
	return s
}

func loaderOptions(opts *RootOptions) (loaders.Options, error) {
	lo := loaders.Options{Stages: splitList(opts.Stages), Preset: opts.Preset, Sheet: opts.Sheet, Stdin: opts.IO.In}
	// Each mapping reads its own file (a bare one the first): a file
	// with none is detected, never read with another file's mapping.
	byFile, _, err := fileMappings(opts.Map, opts.Files)
	if err != nil {
		return lo, usageError{err}
	}
	lo.FileMappings = byFile
	return lo, nil
}

// demoNote labels the demo wherever the load's decisions are listed.
const demoNote = "demo (embedded): no FILE was named and nothing was piped in, so this is funnel's generated demo data, " +
	"not yours (funnel FILE reads yours; funnel demo --out DIR writes this data as CSV)"

func loadData(opts *RootOptions) (*model.Dataset, error) {
	if len(opts.Files) == 0 {
		ds := demo.Generate(demo.Options{})
		ds.Load.Decisions = append([]string{demoNote}, ds.Load.Decisions...)
		return ds, nil
	}
	lo, err := loaderOptions(opts)
	if err != nil {
		return nil, err
	}
	lo.SkipDims = opts.SkipDims && len(opts.Files) == 1
	lo.SkipIDs = opts.SkipIDs && len(opts.Files) == 1
	return loaders.LoadFiles(context.Background(), opts.Files, lo)
}

// deferDims reports whether the explorer may show its first frame before
// the dimension columns are read: it opens on the overview (no deep link
// to a view, a breakdown or a filter, which need them) and unmasked (the
// masked copy is made of the complete data).
func deferDims(opts *RootOptions, open tui.Open) bool {
	v := strings.ToLower(open.View)
	return (v == "" || v == "overview") && open.By == "" && len(open.Where) == 0 && !opts.Mask
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
