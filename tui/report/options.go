package report

import (
	"fmt"
	"slices"
	"strings"

	"funnel/model"
	"funnel/model/money"
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
	// Where keeps only the records matching every filter.
	Where []Filter
	// Masked records that the dataset was pseudonymised (mask.Dataset).
	Masked bool
	// Spend is the spend table of the money section's unit economics (nil:
	// none); Money sets its currency and conversion rates. When Sections is
	// empty, either one being set adds the money section.
	Spend []money.SpendRow
	Money money.Options
	// Period buckets the trends and cohorts sections (PeriodNone: month).
	Period model.Period
	// AsOf is the last day counted (0 or model.NoDay: the last date in the
	// data): stage dates after it are not yet known. Stages, breakdown,
	// cohorts, trends and velocity honour it; sticky points and money do
	// not yet (the report then says so in its warnings).
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

// applyFilters returns ds restricted to the records matching every filter
// (ds itself when there are none).
func applyFilters(ds *model.Dataset, fs []Filter) (*model.Dataset, error) {
	if len(fs) == 0 {
		return ds, nil
	}
	type cond struct {
		dim  *model.Dim
		in   map[uint32]bool
		out  map[uint32]bool
		anyI bool
	}
	var conds []*cond
	byDim := map[*model.Dim]*cond{}
	for _, f := range fs {
		dm := ds.Dim(f.Dim)
		if dm == nil {
			return nil, fmt.Errorf("--where %s: no dimension %q; dimensions are %s", f, f.Dim, strings.Join(ds.DimNames(), ", "))
		}
		code, ok := dm.Code(f.Value)
		if !ok && !f.Not {
			return nil, fmt.Errorf("--where %s: no record has %s %q", f, dm.Name, f.Value)
		}
		c := byDim[dm]
		if c == nil {
			c = &cond{dim: dm, in: map[uint32]bool{}, out: map[uint32]bool{}}
			byDim[dm] = c
			conds = append(conds, c)
		}
		switch {
		case f.Not && ok:
			c.out[code] = true
		case !f.Not:
			c.in[code] = true
			c.anyI = true
		}
	}
	var rows []int
	for i := range ds.Len() {
		keep := true
		for _, c := range conds {
			code := c.dim.Codes.At(i)
			if (c.anyI && !c.in[code]) || c.out[code] {
				keep = false
				break
			}
		}
		if keep {
			rows = append(rows, i)
		}
	}
	return subset(ds, rows), nil
}

// subset copies the given records into a new dataset sharing dictionaries.
func subset(ds *model.Dataset, rows []int) *model.Dataset {
	out := *ds
	out.Days = make([][]int32, len(ds.Days))
	for k, col := range ds.Days {
		out.Days[k] = pick(col, rows)
	}
	out.Reached = pick(ds.Reached, rows)
	out.Exit = pick(ds.Exit, rows)
	out.ExitDay = pick(ds.ExitDay, rows)
	out.Amount = pick(ds.Amount, rows)
	out.Probability = pick(ds.Probability, rows)
	out.TermMonths = pick(ds.TermMonths, rows)
	out.Dims = make([]*model.Dim, len(ds.Dims))
	for j, dm := range ds.Dims {
		out.Dims[j] = subDim(dm, rows)
	}
	out.Reason = subDim(ds.Reason, rows)
	out.Currencies = subDim(ds.Currencies, rows)
	out.IDs, out.Emails = model.Strings{}, model.Strings{}
	for _, i := range rows {
		if ds.IDs.Len() > 0 {
			out.IDs.Append(ds.IDs.At(i))
		}
		if ds.Emails.Len() > 0 {
			out.Emails.Append(ds.Emails.At(i))
		}
	}
	return &out
}

func pick[T any](col []T, rows []int) []T {
	if col == nil {
		return nil
	}
	out := make([]T, len(rows))
	for j, i := range rows {
		out[j] = col[i]
	}
	return out
}

func subDim(dm *model.Dim, rows []int) *model.Dim {
	if dm == nil {
		return nil
	}
	return &model.Dim{Name: dm.Name, Values: dm.Values, Codes: dm.Codes.Pick(rows)}
}
