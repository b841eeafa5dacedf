package tui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query/filter"
	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/views"
)

// Open is the state the explorer opens in (`funnel --view breakdown --by
// channel --where … --as-of … --period …`); the zero value is the overview
// with the default state.
type Open struct {
	View string // a top view (ViewNames); "" is the overview, or breakdown when By is set
	By   string // the breakdown's dimension
	// Where are filter expressions in the / language, one per --where,
	// read as funnel report reads them (filter.ParseEach: all hold, and
	// column=value given in two means either).
	Where  []string
	Period string // week, month, quarter or year ("" month)
	AsOf   int32  // last day counted (0 or model.NoDay: the last date in the data)
}

// ViewNames lists the top views that --view opens, in Tab order.
func ViewNames() []string {
	var out []string
	for _, tv := range topViews() {
		out = append(out, tv.name)
	}
	return out
}

// OpenError is a deep link that does not fit the data (an unknown
// dimension, a filter that does not parse): the user's invocation, not
// the data, is wrong.
type OpenError struct {
	Flag string // the flag at fault, e.g. "--by"
	Err  error
}

func (e *OpenError) Error() string { return e.Flag + ": " + e.Err.Error() }
func (e *OpenError) Unwrap() error { return e.Err }

// Check validates what can be checked without the data: the view and the
// period names.
func (o Open) Check() error {
	if o.View != "" && !containsFold(ViewNames(), o.View) {
		return &OpenError{"--view", fmt.Errorf("%q is not a view; views are %s", o.View, strings.Join(ViewNames(), ", "))}
	}
	if o.By != "" && o.View != "" && !strings.EqualFold(o.View, "breakdown") {
		return &OpenError{"--by", fmt.Errorf("the dimension of a breakdown; --view %s has none (use --view breakdown)", o.View)}
	}
	switch strings.ToLower(o.Period) {
	case "", "week", "month", "quarter", "year":
	default:
		return &OpenError{"--period", fmt.Errorf("%q: expected week, month, quarter or year", o.Period)}
	}
	for _, w := range o.Where {
		if err := filter.Check(w); err != nil {
			return &OpenError{"--where", errors.New(format.Clean(err.Error()))}
		}
	}
	return nil
}

// CheckData validates the deep link against the loaded data, with the
// same parser and messages as the / prompt.
func (o Open) CheckData(ds *model.Dataset) error {
	if o.By != "" && ds.Dim(o.By) == nil {
		return &OpenError{"--by", fmt.Errorf("%q: no such dimension; dimensions are %s", format.Clean(o.By), strings.Join(cleanAll(ds.DimNames()), ", "))}
	}
	if _, err := o.filter(ds); err != nil {
		return err
	}
	return nil
}

// filter is the --where expressions as one filter expression of the /
// language ("" for none).
func (o Open) filter(ds *model.Dataset) (string, error) {
	if len(o.Where) == 0 {
		return "", nil
	}
	f, err := filter.ParseEach(o.Where, ds)
	if err != nil {
		return "", &OpenError{"--where", errors.New(format.Clean(err.Error()))}
	}
	return f.String(), nil
}

// state is the views' state the deep link asks for.
func (o Open) state() views.State {
	st := views.DefaultState()
	if o.Period != "" {
		st.Period = strings.ToLower(o.Period)
	}
	if o.AsOf != 0 {
		st.AsOf = o.AsOf
	}
	return st
}

// view is the top view to open first.
func (o Open) view() string {
	switch {
	case o.View != "":
		return strings.ToLower(o.View)
	case o.By != "":
		return "breakdown"
	}
	return "overview"
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// dark is the background the explorer starts with.
func (o Options) dark() bool {
	switch {
	case o.Theme != "":
		return o.Theme != "light"
	case o.Background != "":
		return o.Background != "light"
	}
	return true
}
