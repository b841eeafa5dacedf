package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/tui"
)

// completeHelpTopics makes `funnel help <TAB>` offer the topics too (cobra
// offers only commands).
func completeHelpTopics(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() != "help" {
			continue
		}
		orig := c.ValidArgsFunction
		c.ValidArgsFunction = func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			var out []string
			dir := cobra.ShellCompDirectiveNoFileComp
			if orig != nil {
				out, dir = orig(c, args, toComplete)
			}
			if len(args) == 0 {
				for _, t := range root.Commands() {
					if t.IsAdditionalHelpTopicCommand() && strings.HasPrefix(t.Name(), toComplete) {
						out = append(out, t.Name()+"\t"+t.Short)
					}
				}
			}
			return out, dir
		}
	}
}

// helpTopics are `funnel help filters|keys|mapping`: commands that only
// print a page.
func helpTopics() []*cobra.Command {
	topic := func(name, short string, body func() string) *cobra.Command {
		c := &cobra.Command{Use: name, Short: short, Long: short}
		c.SetHelpFunc(func(c *cobra.Command, _ []string) { fmt.Fprint(c.OutOrStdout(), body()) })
		return c
	}
	return []*cobra.Command{
		topic("filters", "The filter language of / in the explorer and of --where", func() string { return filtersHelp }),
		topic("keys", "Every key of the explorer, view by view (as ? shows them)", func() string {
			return "funnel keys: the explorer's keys, view by view (? shows those of the current view)\n\n" +
				tui.KeyReference(demo.Generate(demo.Options{Rows: 500}))
		}),
		topic("mapping", "The mapping file (--map) that says which columns mean what", func() string { return mappingHelp }),
	}
}

const filtersHelp = `funnel filters: the language of / in the explorer and of --where

A filter keeps the records for which every term holds. Terms are separated by
spaces (or the word "and"):

  channel=chat                  a dimension equals a value (case-insensitive)
  owner!=ana                    ... differs from it
  owner in (ana,"Ben Okafor")   ... is one of the values
  owner not in (ana,ben)        ... is none of them
  created>=2026-01              the entry date (first stage date) is on or after 2026-01-01
  sql<2026-03-15                a stage's date (records without one do not match)
  stage>=SQL                    the deepest stage reached
  exit=lost   reason=Price      how a record left the funnel, and why

Operators: = != < <= > >= in, not in. Dates are YYYY, YYYY-MM, YYYY-Qn or
YYYY-MM-DD; a month or a year compares as its whole range (created<=2026-01
means up to 2026-01-31). Values with spaces, commas or parentheses go in double
quotes; a quote inside quotes is doubled ("say ""hi"""). Column names with
spaces are quoted the same way ("lead source"=web).

A column or value the data does not have is an error that says where, and
suggests the closest name. In the explorer, tab completes column names and
values; the shell completion of --where offers the same.

  funnel leads.csv --where "channel in (chat,organic) created>=2026-01"
  funnel report leads.csv --where "stage>=SQL" --where "owner!=ana"

Several --where all hold, as if joined with "and", except that column=value
given in two of them means either (--where channel=chat --where channel=email
keeps both channels, as channel in (chat,email) does).
`

const mappingHelp = `funnel mapping: the file given with --map (YAML, or TOML when its name ends in .toml)

funnel init FILE writes a starter mapping from a CSV's headers, with the header
listed in a comment; edit it, then run funnel --map funnel.yaml FILE. Column
names match headers case-insensitively.

A mapping reads one file. With several FILEs give each its own, FILE=MAPPING,
one --map per file (FILE as on the command line, or its base name):

  funnel --map leads.csv=leads.yaml --map deals.csv=deals.yaml leads.csv deals.csv

A bare --map MAPPING reads the first FILE; a FILE without a mapping is read as
detected, never with another file's. The explorer's column screen (C) saves
one mapping per file, named after it (deals.funnel.yaml).

The keys:

  shape         how the file lays out the funnel (required):
                  stage-dates    one row per record, one date column per stage
                  current-stage  one row per record holding its current stage
                  history        one row per stage change (id, stage, timestamp)
                  flags          one yes/no column per stage, no dates
  stages        the funnel stages, top first (required), each with:
                  name           the stage's name
                  date           its date column (stage-dates)
                  flag           its yes/no column (flags)
                  values         the stage_column values that mean it (current-stage, history)
  stage_column  the column holding the current stage, or the stage changed to (history)
  timestamp     the date of each change (history)
  id, email, account, lead_ref
                record identity and the keys that join several files
  created       the entry date (else the first stage's date)
  status        open/won/lost column; won, lost, disqualified list the values meaning each
  not_stages    stage_column values that are no stage (on hold): such a record is open and
                counts at the first stage; in a log such a row is not a stage change
  won_date, lost_date, close_date, reason
                when and why a record left the funnel
  modified      the record's last-modified date: a close dated after it is a planned date,
                taken as closed on the last change
  amount, currency, probability
                deal value, its currency, win probability in percent
  channel       the acquisition channel (lead source); dims: more columns to break down by
  owner         the record owner's column (a dimension, listed first)
  segments      ICP segment rules for the report's segments section, first match wins:
                  - segment: Enterprise
                    column: employees      (a dimension: channel or one of dims)
                    min: 1000              (a number range [min, max), "51-200" reads as 51)
                  - segment: Mid-market
                    column: industry
                    values: [SaaS, Fintech]
  preset        start from a known export's columns (hubspot-deals, ...)

Example (YAML):

  shape: stage-dates
  id: lead_id
  created: created
  channel: source
  dims: [owner, employees]
  stages:
    - {name: Lead, date: created}
    - {name: MQL, date: mql_date}
    - {name: Won, date: won_date}
  segments:
    - {segment: Enterprise, column: employees, min: 1000}
    - {segment: SMB, column: employees, max: 1000}
`
