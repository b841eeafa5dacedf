package query

import (
	"testing"

	"github.com/funnel-cli/funnel/model/query/filter"
)

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
		f, err := filter.Parse(expr, ds)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := engineFor(ds).Compute(Query{Filters: []filter.Filter{f}})
		if r.Records != want {
			t.Errorf("%s: %d, want %d", expr, r.Records, want)
		}
	}
}

func TestFilterFromAnotherDatasetIsRefused(t *testing.T) {
	f, err := filter.Parse("channel=chat", handData())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := engineFor(handData()).Compute(Query{Filters: []filter.Filter{f}}); err == nil {
		t.Error("a filter parsed for another dataset was used")
	}
}
