package model

import (
	"errors"
	"strings"
	"testing"
)

func TestParseFilterErrorsNameAndSuggest(t *testing.T) {
	ds := handData()
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
		_, err := ParseFilter(c.expr, ds)
		var fe *FilterError
		if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.expr, err, c.want)
		}
	}
}

func TestParseFilterRoundTrip(t *testing.T) {
	ds := handData()
	for _, expr := range []string{
		"channel=chat", "owner!=ana", "created>=2025-01", "sql>=2025-03-01", "owner in (ana,ben)",
		`reason in ("Not ICP",Price)`, "stage<SQL exit not in (open)", "created=2025-Q1 AND won<=2025",
	} {
		f, err := ParseFilter(expr, ds)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		g, err := ParseFilter(f.String(), ds)
		if err != nil || g.String() != f.String() {
			t.Errorf("%s -> %q -> %q (%v)", expr, f.String(), g.String(), err)
		}
	}
	f, _ := ParseFilter("Channel = CHAT  SQL >= 2025-03", ds)
	if f.String() != "channel=CHAT SQL>=2025-03" || len(f.Terms) != 2 {
		t.Errorf("normalised %q", f.String())
	}
}

func TestCompletionLists(t *testing.T) {
	ds := handData()
	if got := strings.Join(ds.Values("channel"), ","); got != "chat,organic,paid" {
		t.Errorf("channel values %s", got)
	}
	if got := strings.Join(ds.Values("reason"), ","); got != "Churned,No budget,Not ICP,Price" {
		t.Errorf("reasons %s", got)
	}
	if ds.Values("nope") != nil {
		t.Error("unknown column has values")
	}
	cols := strings.Join(FilterColumns(ds), ",")
	if cols != "channel,owner,created,stage,exit,reason,Lead,MQL,SQL,Won" {
		t.Errorf("columns %s", cols)
	}
}

func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{
		"channel=chat", "owner!=ana", "created>=2025-01", "sql>=2025-03-01", "owner in (ana,ben)",
		`reason in ("Not ICP",Price)`, "stage<SQL exit not in (open)", "created=2025-Q1 AND won<=2025",
		`owner="a""b"`, "x in ()", "(((", "channel=chat owner", "created>=2025-02-30", "ö=ü",
	} {
		f.Add(s)
	}
	ds := handData()
	f.Fuzz(func(t *testing.T, expr string) {
		flt, err := ParseFilter(expr, ds)
		if err != nil {
			var fe *FilterError
			if !errors.As(err, &fe) || fe.Pos < 1 {
				t.Fatalf("%q: error %v is not a positioned FilterError", expr, err)
			}
			return
		}
		// A parsed filter prints back to one that parses the same, and runs.
		again, err := ParseFilter(flt.String(), ds)
		if err != nil || again.String() != flt.String() {
			t.Fatalf("%q -> %q does not round-trip: %v", expr, flt.String(), err)
		}
		if _, err := Compute(ds, Query{Filters: []Filter{flt}, Period: PeriodMonth}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestDateTermsNeverMatchUndated(t *testing.T) {
	ds := handData()
	// r8 has no Lead date but its entry is its MQL date (03-12); no record
	// lacks an entry. SQL is undated for six records: != must not select them.
	for expr, want := range map[string]int{
		"sql!=2025-02":     2, // r7 (03-20), r9 (01-20)
		"created!=2025-03": 7,
		"lead<2025-02":     4,
		"lead>2025-02":     2,
	} {
		f, err := ParseFilter(expr, ds)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := Compute(ds, Query{Filters: []Filter{f}})
		if r.Records != want {
			t.Errorf("%s: %d, want %d", expr, r.Records, want)
		}
	}
}

func TestFilterFromAnotherDatasetIsRefused(t *testing.T) {
	f, err := ParseFilter("channel=chat", handData())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Compute(handData(), Query{Filters: []Filter{f}}); err == nil {
		t.Error("a filter parsed for another dataset was used")
	}
}
