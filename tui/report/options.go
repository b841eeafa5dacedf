package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/funnel-cli/funnel/model/money"
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
	// Where keeps only the records matching every filter (Engine.Select,
	// the explorer's / filter: values match case-insensitively, and a value
	// no record has is an error, with a suggestion).
	Where []Filter
	// Masked records that the dataset was pseudonymised (mask.Dataset).
	Masked bool
	// Spend is the spend table of the money section's unit economics (nil:
	// none); Money sets its currency and conversion rates. When Sections is
	// empty, either one being set adds the money section.
	Spend []money.SpendRow
	Money money.Options
	// Period buckets the trends and cohorts sections (PeriodNone: month).
	Period query.Period
	// Engine is the query engine of the dataset being reported (nil: Build
	// makes one). The explorer passes its own, so that its caches serve.
	Engine *query.Engine
	// AsOf is the last day counted (0 or model.NoDay: the last date in the
	// data): stage dates after it are not yet known, and an exit after it
	// has not happened. Every section honours it: sticky points and money
	// are computed on the records as known on that day (Engine.Select), with
	// spend up to its month.
	AsOf int32
}

// MinRecords is the group size under which a rate is marked small.
const MinRecords = 30

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

// Filter keeps records whose dimension Dim equals (or, with Not, differs
// from) Value. Filters on the same dimension with = are alternatives (OR);
// everything else must hold together (AND).
type Filter struct {
	Dim   string
	Value string
	Not   bool
}

func (f Filter) String() string {
	op := "="
	if f.Not {
		op = "!="
	}
	return f.Dim + op + f.Value
}

// ParseFilter reads "dim=value" or "dim!=value".
func ParseFilter(s string) (Filter, error) {
	if i := strings.Index(s, "!="); i > 0 {
		return Filter{Dim: strings.TrimSpace(s[:i]), Value: strings.TrimSpace(s[i+2:]), Not: true}, nil
	}
	if i := strings.Index(s, "="); i > 0 {
		return Filter{Dim: strings.TrimSpace(s[:i]), Value: strings.TrimSpace(s[i+1:])}, nil
	}
	return Filter{}, fmt.Errorf("--where %q: expected DIMENSION=VALUE or DIMENSION!=VALUE", s)
}

// whereExpr writes filters in the filter language of filter.Parse:
// the = values of one dimension as one term (alternatives), each != as
// its own ("" for none).
func whereExpr(fs []Filter) string {
	var terms []string
	var dims []string
	in := map[string][]string{}
	for _, f := range fs {
		if f.Not {
			continue
		}
		if _, ok := in[f.Dim]; !ok {
			dims = append(dims, f.Dim)
		}
		in[f.Dim] = append(in[f.Dim], f.Value)
	}
	for _, d := range dims {
		vs := in[d]
		if len(vs) == 1 {
			terms = append(terms, quoteWord(d)+"="+quoteWord(vs[0]))
			continue
		}
		q := make([]string, len(vs))
		for i, v := range vs {
			q[i] = quoteWord(v)
		}
		terms = append(terms, quoteWord(d)+" in ("+strings.Join(q, ",")+")")
	}
	for _, f := range fs {
		if f.Not {
			terms = append(terms, quoteWord(f.Dim)+"!="+quoteWord(f.Value))
		}
	}
	return strings.Join(terms, " ")
}

// quoteWord quotes a column name or value for the filter language when it
// holds anything but letters, digits and . _ - / characters.
func quoteWord(s string) string {
	plain := s != ""
	for _, r := range s {
		if !(r == '.' || r == '_' || r == '-' || r == '/' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// selectWhere returns the records the filters keep, as known on asOf
// (model.NoDay: every date), and the filter expression ("" for none).
func selectWhere(e *query.Engine, fs []Filter, asOf int32) (*query.Selection, string, error) {
	ds := e.Data()
	expr := whereExpr(fs)
	var f filter.Filter
	if expr != "" {
		var err error
		if f, err = filter.Parse(expr, ds); err != nil {
			return nil, "", fmt.Errorf("--where: %w", err)
		}
	}
	sel, err := e.Select(f, asOf)
	return sel, expr, err
}
