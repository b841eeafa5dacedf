package main

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui"
	"github.com/funnel-cli/funnel/tui/report"
)

// dataExts are the file names offered for FILE: CSV-like exports, also
// gzip-compressed.
var dataExts = []string{"csv", "tsv", "txt", "gz"}

// completeDataFiles completes FILE arguments with data files. Where a
// subcommand name fits what is typed (funnel re<TAB>), cobra offers the
// subcommands and the file filter stays off: shells would read the names
// as extensions.
func completeDataFiles(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
				return nil, cobra.ShellCompDirectiveDefault
			}
		}
	}
	return dataExts, cobra.ShellCompDirectiveFilterFileExt
}

// registerCompletions adds value completion to the flags a command has:
// fixed lists, file names, and the dimensions, columns and values of the
// files named on the command line (or of the demo).
func registerCompletions(cmd *cobra.Command) {
	fixed := map[string][]string{
		"format":   report.Formats,
		"preset":   loaders.Presets(),
		"period":   {"week", "month", "quarter", "year"},
		"view":     tui.ViewNames(),
		"theme":    {"light", "dark"},
		"rates":    nil,
		"as-of":    nil,
		"top":      nil,
		"rows":     nil,
		"seed":     nil,
		"currency": {"USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "SEK", "NOK", "DKK", "INR", "BRL"},
	}
	files := map[string][]string{"map": {"yaml", "yml", "toml"}, "spend": {"csv", "tsv", "txt", "gz"}, "debug": nil}
	fs := cmd.Flags()
	for name, list := range fixed {
		if fs.Lookup(name) != nil {
			_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(list, cobra.ShellCompDirectiveNoFileComp))
		}
	}
	for name, exts := range files {
		if fs.Lookup(name) != nil {
			_ = cmd.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				if exts == nil {
					return nil, cobra.ShellCompDirectiveDefault
				}
				return exts, cobra.ShellCompDirectiveFilterFileExt
			})
		}
	}
	if fs.Lookup("out") != nil {
		_ = cmd.RegisterFlagCompletionFunc("out", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		})
	}
	if fs.Lookup("sections") != nil {
		_ = cmd.RegisterFlagCompletionFunc("sections", completeSections)
	}
	if fs.Lookup("by") != nil {
		_ = cmd.RegisterFlagCompletionFunc("by", func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			ds := completionData(c, args)
			if ds == nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return ds.DimNames(), cobra.ShellCompDirectiveNoFileComp
		})
	}
	if fs.Lookup("stages") != nil {
		// the stages as read, to rename: "Lead,MQL,SQL,Opportunity,Won"
		_ = cmd.RegisterFlagCompletionFunc("stages", func(c *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			ds := completionData(c, args)
			if ds == nil || len(args) == 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return []string{strings.Join(ds.Stages, ",")}, cobra.ShellCompDirectiveNoFileComp
		})
	}
	if fs.Lookup("where") != nil {
		_ = cmd.RegisterFlagCompletionFunc("where", func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			ds := completionData(c, args)
			if ds == nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return filter.Complete(ds, toComplete), cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
		})
	}
}

// completeSections completes a comma-separated list, one name at a time.
func completeSections(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	done, _ := "", toComplete
	if i := strings.LastIndexByte(toComplete, ','); i >= 0 {
		done = toComplete[:i+1]
	}
	have := strings.Split(done, ",")
	var out []string
	for _, s := range report.AllSections {
		if !slices.Contains(have, s) {
			out = append(out, done+s)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}

// completionData loads the files named so far (with --map, --preset and
// --stages) for value completion, or the demo when none is named; nil
// when they do not load within a few seconds.
func completionData(c *cobra.Command, args []string) *model.Dataset {
	files := slices.DeleteFunc(slices.Clone(args), func(f string) bool { return f == loaders.StdinPath })
	if len(files) == 0 {
		return demo.Generate(demo.Options{Rows: 2000})
	}
	lo := loaders.Options{}
	if v, err := c.Flags().GetString("preset"); err == nil {
		lo.Preset = v
	}
	if v, err := c.Flags().GetString("stages"); err == nil {
		lo.Stages = splitList(v)
	}
	if v, err := c.Flags().GetStringArray("map"); err == nil && len(v) > 0 {
		byFile, _, err := fileMappings(v, files)
		if err != nil {
			return nil
		}
		lo.FileMappings = byFile
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ds, err := loaders.LoadFiles(ctx, files, lo)
	if err != nil {
		return nil
	}
	return ds
}
