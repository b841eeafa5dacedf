package filter_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model/internal/fixture"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/query/filter"
)

func TestParseFilterErrorsNameAndSuggest(t *testing.T) {
	ds := fixture.Hand()
	cases := []struct{ expr, want string }{
		{"chanel=chat", `unknown column "chanel" (did you mean "channel"?)`},
		{"channel=chatt", `no channel is "chatt" (did you mean "chat"?)`},
		{"owner in (ana,bem)", `no owner is "bem" (did you mean "ben"?)`},
		{"created>=2025-13", `"2025-13" is not a date`},
		{"created>=2025-02-30", `is not a date`},
		{"channel>chat", "channel is a text column"},
		{"channel", "expected an operator"},
		{"channel=", "expected a value"},
		{"owner in (ana", "missing )"},
		{"owner in ana", "expected ( after in"},
		{"stage>=Opp", `no stage "Opp"`},
		{"exit=gone", `no exit kind "gone"`},
		{"created in (2025)", "compare it with one date"},
		{`owner="ana`, "expected a value"},
	}
	for _, c := range cases {
		_, err := filter.Parse(c.expr, ds)
		var fe *filter.Error
		if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.expr, err, c.want)
		}
	}
}

func TestParseFilterRoundTrip(t *testing.T) {
	ds := fixture.Hand()
	for _, expr := range []string{
		"channel=chat", "owner!=ana", "created>=2025-01", "sql>=2025-03-01", "owner in (ana,ben)",
		`reason in ("Not ICP",Price)`, "stage<SQL exit not in (open)", "created=2025-Q1 AND won<=2025",
	} {
		f, err := filter.Parse(expr, ds)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		g, err := filter.Parse(f.String(), ds)
		if err != nil || g.String() != f.String() {
			t.Errorf("%s -> %q -> %q (%v)", expr, f.String(), g.String(), err)
		}
	}
	f, _ := filter.Parse("Channel = CHAT  SQL >= 2025-03", ds)
	if f.String() != "channel=CHAT SQL>=2025-03" || len(f.Terms) != 2 {
		t.Errorf("normalised %q", f.String())
	}
}

func TestCompletionLists(t *testing.T) {
	ds := fixture.Hand()
	if got := strings.Join(filter.Values(ds, "channel"), ","); got != "chat,organic,paid" {
		t.Errorf("channel values %s", got)
	}
	if got := strings.Join(filter.Values(ds, "reason"), ","); got != "Churned,No budget,Not ICP,Price" {
		t.Errorf("reasons %s", got)
	}
	if filter.Values(ds, "nope") != nil {
		t.Error("unknown column has values")
	}
	cols := strings.Join(filter.Columns(ds), ",")
	if cols != "channel,owner,created,stage,exit,reason,Lead,MQL,SQL,Won" {
		t.Errorf("columns %s", cols)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"channel=chat", "owner!=ana", "created>=2025-01", "sql>=2025-03-01", "owner in (ana,ben)",
		`reason in ("Not ICP",Price)`, "stage<SQL exit not in (open)", "created=2025-Q1 AND won<=2025",
		`owner="a""b"`, "x in ()", "(((", "channel=chat owner", "created>=2025-02-30", "ö=ü",
	} {
		f.Add(s)
	}
	ds := fixture.Hand()
	f.Fuzz(func(t *testing.T, expr string) {
		flt, err := filter.Parse(expr, ds)
		if err != nil {
			var fe *filter.Error
			if !errors.As(err, &fe) || fe.Pos < 1 {
				t.Fatalf("%q: error %v is not a positioned FilterError", expr, err)
			}
			return
		}
		// A parsed filter prints back to one that parses the same, and runs.
		again, err := filter.Parse(flt.String(), ds)
		if err != nil || again.String() != flt.String() {
			t.Fatalf("%q -> %q does not round-trip: %v", expr, flt.String(), err)
		}
		if _, err := query.New(ds).Compute(query.Query{Filters: []filter.Filter{flt}, Period: query.PeriodMonth}); err != nil {
			t.Fatal(err)
		}
	})
}
