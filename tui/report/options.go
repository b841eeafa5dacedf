package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/funnel-cli/funnel/model/money"
	"github.com/funnel-cli/funnel/model/plan"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// Options choose what a report holds.
type Options struct {
	// Sections to compute (AllSections order is kept); empty means stages,
	// plus breakdown when By is set, plus trends and velocity when the data
	// has dates, plus money when Spend or Money.Currency is set.
	Sections []string
	// By is the dimension of the breakdown section.
	By string
	// Top is how many values the breakdown lists before folding the rest
	// into "(other)" (default 10).
	Top int
	// Where keeps only the records matching every expression, each in the
	// filter language of the explorer's / prompt (filter.ParseEach: values
	// match case-insensitively, a value no record has is an error with a
	// suggestion, and column=value given in two expressions means either).
	Where []string
	// Masked records that the dataset was pseudonymised (mask.Dataset).
	Masked bool
	// Demo records that the dataset is the generated demo (the report
	// says so at the top).
	Demo bool
	// Spend is the spend table of the money section's unit economics (nil:
	// none); Money sets its currency and conversion rates. When Sections is
	// empty, either one being set adds the money section.
	Spend []money.SpendRow
	Money money.Options
	// Segments are the ICP segment rules of the segments section (from the
	// mapping file).
	Segments []money.SegmentRule
	// Period buckets the trends and cohorts sections (PeriodNone: month).
	Period query.Period
	// Engine is the query engine of the dataset being reported (nil: Build
	// makes one). The explorer passes its own, so that its caches serve.
	Engine *query.Engine
	// Target is the plan section's target (zero: the planner's first one,
	// a fifth more customers a month than now). Setting it adds the plan
	// section when Sections is empty.
	Target plan.Target
	// AsOf is the last day counted (0 or model.NoDay: the last date in the
	// data): stage dates after it are not yet known, and an exit after it
	// has not happened. Every section honours it: sticky points and money
	// are computed on the records as known on that day (Engine.Select), with
	// spend up to its month.
	AsOf int32
}

// Supported reports whether a section is computed by this version (all of
// AllSections now).
func Supported(section string) bool {
	return slices.Contains(AllSections, section)
}

// ParseSections reads a comma-separated section list ("stages,breakdown"),
// rejecting unknown names and sections not yet computed.
func ParseSections(s string) ([]string, error) {
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.ToLower(strings.TrimSpace(p))
		p = strings.ReplaceAll(p, "-", "_")
		if p == "" {
			continue
		}
		if p == "sticky" {
			p = SecStickyPoints
		}
		if !slices.Contains(AllSections, p) {
			return nil, fmt.Errorf("unknown section %q; sections are %s", p, strings.Join(AllSections, ", "))
		}
		if !Supported(p) {
			return nil, fmt.Errorf("section %q is not yet supported by funnel report", p)
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--sections names no section; sections are %s", strings.Join(AllSections, ", "))
	}
	return out, nil
}

// selectWhere returns the records the expressions keep, as known on asOf
// (model.NoDay: every date), and the filter they make.
func selectWhere(e *query.Engine, where []string, asOf int32) (*query.Selection, filter.Filter, error) {
	f, err := filter.ParseEach(where, e.Data())
	if err != nil {
		return nil, f, fmt.Errorf("--where: %w", err)
	}
	sel, err := e.Select(f, asOf)
	return sel, f, err
}
