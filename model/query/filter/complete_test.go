package filter_test

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/internal/fixture"
	"github.com/funnel-cli/funnel/model/query/filter"
)

// withOddValues is the hand data with an owner whose name needs quotes and
// one that cannot be typed (an escape sequence).
func withOddValues() *model.Dataset {
	ds := fixture.Hand()
	ow := model.NewDim("owner", ds.Len())
	for i := range ds.Len() {
		ow.Append([]string{"ana", "Ben Okafor", `Cleo "C" Diaz`, "x\x1b[2Jy", "ben"}[i%5])
	}
	ds.Dims[1] = ow
	return ds
}

func TestCompleteWritesWhatParses(t *testing.T) {
	ds := withOddValues()
	for _, c := range []struct {
		typed string
		want  []string
	}{
		{"chan", []string{"channel="}},
		{"", nil}, // every column
		{"channel=c", []string{"channel=chat"}},
		{"channel=chat ow", []string{"channel=chat owner="}},
		{"owner=B", []string{`owner="Ben Okafor"`, "owner=ben"}},
		{`owner="Ben O`, []string{`owner="Ben Okafor"`}},
		{"owner!=C", []string{`owner!="Cleo ""C"" Diaz"`}},
		{"owner in (ana,B", []string{`owner in (ana,"Ben Okafor"`, "owner in (ana,ben"}},
		{`channel="paid" owner=a`, []string{`channel="paid" owner=ana`}},
		{"stage=s", []string{"stage=SQL"}},
		{"created>=2025", nil},
	} {
		got := filter.Complete(ds, c.typed)
		if c.typed == "" {
			if len(got) != len(filter.Columns(ds)) {
				t.Errorf("nothing typed: %d completions, want one per column (%d)", len(got), len(filter.Columns(ds)))
			}
			continue
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Complete(%q) = %q, want %q", c.typed, got, c.want)
		}
		for _, line := range got {
			if strings.HasSuffix(line, "=") || strings.Contains(line, "(") {
				continue // a column still to be given a value, a list still open
			}
			if _, err := filter.Parse(line, ds); err != nil {
				t.Errorf("completion %q does not parse: %v", line, err)
			}
		}
	}
	for _, line := range filter.Complete(ds, "owner=") {
		if strings.Contains(line, "\x1b") {
			t.Errorf("completion %q carries an escape sequence", line)
		}
	}
}

func TestStringQuotesNamesAndValues(t *testing.T) {
	ds := withOddValues()
	lead := model.NewDim("lead source", ds.Len())
	for i := range ds.Len() {
		lead.Append([]string{"web, paid", "and"}[i%2])
	}
	ds.Dims = append(ds.Dims, lead)
	for _, expr := range []string{`"lead source"="web, paid"`, `"lead source"="and"`, `"lead source" in ("and","web, paid")`, `owner="Cleo ""C"" Diaz"`} {
		f, err := filter.Parse(expr, ds)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		if f.String() != expr {
			t.Errorf("%s prints as %s", expr, f.String())
		}
	}
	if got := (filter.Term{Column: "lead source", Op: "=", Values: []string{"web, paid"}}).String(); got != `"lead source"="web, paid"` {
		t.Errorf("term %s", got)
	}
}

func TestCheckIsSyntaxOnly(t *testing.T) {
	for _, ok := range []string{"segment in (SMB,Mid-market)", "created>=2026-01", "nope=whatever", `"a b"!=c and x<2`} {
		if err := filter.Check(ok); err != nil {
			t.Errorf("Check(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"channel", "created>=", "owner in (a", "=x"} {
		if err := filter.Check(bad); err == nil {
			t.Errorf("Check(%q) passed", bad)
		}
	}
}

func TestParseEach(t *testing.T) {
	ds := fixture.Hand()
	for _, c := range []struct {
		exprs []string
		want  string
	}{
		{[]string{"channel=chat"}, "channel=chat"},
		{[]string{"channel=chat", "channel=paid"}, "channel in (chat,paid)"},
		{[]string{"channel=chat", "owner=ana", "CHANNEL=organic"}, "channel in (chat,organic) owner=ana"},
		{[]string{"owner!=ana", "owner!=ben"}, "owner!=ana owner!=ben"},
		{[]string{"channel in (chat,paid) created>=2025-02", "created<2025-03"}, "channel in (chat,paid) created>=2025-02 created<2025-03"},
		{[]string{"created=2025-01", "created=2025-02"}, "created=2025-01 created=2025-02"},
		{nil, ""},
	} {
		f, err := filter.ParseEach(c.exprs, ds)
		if err != nil {
			t.Fatalf("%q: %v", c.exprs, err)
		}
		if f.String() != c.want {
			t.Errorf("%q: %s, want %s", c.exprs, f.String(), c.want)
		}
	}
	if _, err := filter.ParseEach([]string{"channel=chat", "segment=SMB"}, ds); err == nil || !strings.Contains(err.Error(), `"segment=SMB"`) {
		t.Errorf("error %v should name the expression at fault", err)
	}
}
