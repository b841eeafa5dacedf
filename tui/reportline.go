package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views"
)

// Source is how the data on screen was read, as the command line said it,
// so that `:report` can write the `funnel report` line giving the same
// numbers, and an export never writes over a file that was read.
type Source struct {
	// Files are the data files as named ("-": standard input; none: the
	// demo).
	Files []string
	// Args are the flags saying how to read them, each flag then its value
	// (--stages, --map, --preset, --sheet, --spend, --currency, --rates).
	Args []string
	// Inputs are every file read (data, spend, mapping): never written.
	Inputs []string
}

// reportSections are the report sections of the view on screen and the
// flags of its own: its own (views.Reported), else its top view's.
func (a *App) reportSections() ([]string, []string) {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if s, ok := a.stack[i].(views.Reported); ok {
			return s.Report()
		}
	}
	secs := viewReportSections[a.active]
	if a.active == "money" && len(a.opts.Segments) > 0 {
		secs = append(secs[:len(secs):len(secs)], report.SecSegments)
	}
	return secs, nil
}

// ReportLine is the `funnel report …` command line that gives the numbers
// of the view on screen: the same files read the same way, the filter,
// as-of date and period, and the view's sections.
func (a *App) ReportLine() string {
	args := []string{"funnel", "report"}
	for _, f := range a.opts.Source.Files {
		args = append(args, shellQuote(f))
	}
	for _, s := range a.opts.Source.Args {
		args = append(args, shellQuote(s))
	}
	secs, flags := a.reportSections()
	for _, f := range flags {
		args = append(args, shellQuote(f))
	}
	if a.state.Filter != "" {
		args = append(args, "--where", shellQuote(a.state.Filter))
	}
	if a.state.AsOf != model.NoDay && a.state.AsOf != 0 {
		args = append(args, "--as-of", model.DayString(a.state.AsOf))
	}
	if p := views.Period(a.state).String(); p != "month" {
		args = append(args, "--period", p)
	}
	if len(secs) > 0 {
		args = append(args, "--sections", strings.Join(secs, ","))
	}
	if a.state.Masked {
		args = append(args, "--mask")
	}
	return strings.Join(args, " ")
}

// reportCmd shows the report line and copies it.
func (a *App) reportCmd() tea.Cmd {
	line := a.ReportLine()
	a.note = "copied: " + line
	for _, f := range a.opts.Source.Files {
		if f == "-" {
			a.note += "  (the data came from standard input: pipe it in again)"
		}
	}
	return tea.SetClipboard(line)
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,@+%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// viewReportSections are the sections each top view's numbers are in.
var viewReportSections = map[string][]string{
	"overview":  {report.SecStages, report.SecStickyPoints},
	"breakdown": {report.SecStages},
	"cohorts":   {report.SecCohorts},
	"trends":    {report.SecTrends},
	"sticky":    {report.SecStickyPoints},
	"planner":   {report.SecPlan},
	"money":     {report.SecMoney, report.SecCustomers},
}
