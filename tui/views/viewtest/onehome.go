package viewtest

import (
	"fmt"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/tui/report"
	"github.com/funnel-cli/funnel/tui/views"
)

// Case is a state of the explorer and the report built with the same
// flags: every number a view shows there must equal the report's.
type Case struct {
	Name   string
	State  views.State
	Report *report.Report
}

// OneHomeCases are the states every view is held to the report at: no
// filter, an as-of date, a filter with an as-of date by quarter, an in
// list by week; the report breaks down by channel.
func OneHomeCases(c views.Common) ([]Case, error) {
	var out []Case
	for _, tc := range []struct {
		filter string
		asOf   int32
		period string
	}{
		{"", model.NoDay, "month"},
		{"", model.DayFromCivil(2026, 6, 15), "month"},
		{"channel!=chat", model.DayFromCivil(2026, 3, 31), "quarter"},
		{"segment in (SMB,Mid-market)", model.NoDay, "week"},
	} {
		name := fmt.Sprintf("filter %q as of %s by %s", tc.filter, model.DayString(tc.asOf), tc.period)
		per, _ := query.ParsePeriod(tc.period)
		opt := report.Options{By: "channel", Period: per, Engine: c.Engine, Spend: c.Spend, Sections: []string{report.SecStages,
			report.SecBreakdown, report.SecCohorts, report.SecTrends, report.SecVelocity, report.SecStickyPoints, report.SecMoney}}
		if tc.filter != "" {
			opt.Where = []string{tc.filter}
		}
		if tc.asOf != model.NoDay {
			opt.AsOf = tc.asOf
		}
		r, err := report.Build(c.Data(), opt)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		out = append(out, Case{Name: name, State: views.State{Filter: tc.filter, Period: tc.period, AsOf: tc.asOf}, Report: r})
	}
	return out, nil
}

// MustCases is OneHomeCases for a test: a report that cannot be built
// panics.
func MustCases(c views.Common) []Case {
	cases, err := OneHomeCases(c)
	if err != nil {
		panic(err)
	}
	return cases
}

// Deref is *p, or nil.
func Deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
