package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/money"
)

var demoRules = []money.SegmentRule{
	{Segment: "Partner-led", Column: "channel", Values: []string{"partner"}},
	{Segment: "Enterprise", Column: "segment", Values: []string{"enterprise"}},
	{Segment: "Mid-market", Column: "segment", Values: []string{"mid-market", "mid market"}},
	{Segment: "SMB", Column: "segment", Values: []string{"smb"}},
}

func customersReport(t *testing.T) *Report {
	t.Helper()
	ds := demo.Generate(demo.Options{Rows: 5000})
	r, err := Build(ds, Options{Sections: []string{SecCustomers, SecSegments}, Spend: demo.Spend(ds), Segments: demoRules})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestCustomersSegmentsGolden pins the customers and segments sections in
// every format (CSV one file per table).
func TestCustomersSegmentsGolden(t *testing.T) {
	r := customersReport(t)
	for _, f := range []string{FormatText, FormatMarkdown, FormatJSON} {
		t.Run(f, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, r, f, Layout{Width: 100}); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
	for _, tb := range r.Tables() {
		t.Run("csv_"+tb.Name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteCSVTable(&b, tb); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

// The JSON of both sections carries every denominator, and the spend
// shared among segments adds up.
func TestCustomersSegmentsJSON(t *testing.T) {
	r := customersReport(t)
	var b bytes.Buffer
	if err := WriteJSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	c := m["customers"].(map[string]any)
	churn := c["churn"].(map[string]any)
	for _, k := range []string{"customers", "churned", "customer_months", "monthly_rate", "months"} {
		if _, ok := churn[k]; !ok {
			t.Errorf("customers.churn lacks %s", k)
		}
	}
	month := churn["months"].([]any)[0].(map[string]any)
	for _, k := range []string{"month", "customers_at_start", "lost", "rate", "new"} {
		if _, ok := month[k]; !ok {
			t.Errorf("a churn month lacks %s", k)
		}
	}
	ret := c["retention"].(map[string]any)
	g := ret["by_channel"].([]any)[0].(map[string]any)
	for _, k := range []string{"group", "customers", "active", "retained", "churned", "customer_months", "monthly_churn", "new_revenue", "expansion_revenue", "expansion_share"} {
		if _, ok := g[k]; !ok {
			t.Errorf("retention by channel lacks %s", k)
		}
	}
	seg := m["segments"].(map[string]any)
	s0 := seg["segments"].([]any)[0].(map[string]any)
	for _, k := range []string{"segment", "records", "reached", "won", "won_revenue", "win_rate_from_top", "pipeline", "pipeline_deals", "open_pipeline", "open_deals"} {
		if _, ok := s0[k]; !ok {
			t.Errorf("a segment lacks %s", k)
		}
	}
	e := r.Segments.Economics
	var sum int64
	for _, g := range e.Groups {
		sum += g.Spend
	}
	if sum != e.Allocated || e.Allocated+e.Unallocated != e.Spend || e.Spend != e.Total.Spend {
		t.Errorf("spend: groups %d, allocated %d + unallocated %d, spend %d, total %d", sum, e.Allocated, e.Unallocated, e.Spend, e.Total.Spend)
	}
	// every record lands in one segment; partner leads go to the first rule
	n := 0
	for _, s := range r.Segments.Segments {
		n += s.Records
	}
	if n != r.Denominators.Records || r.Segments.Segments[0].Segment != "Partner-led" {
		t.Errorf("segments hold %d of %d records: %+v", n, r.Denominators.Records, r.Segments.Segments)
	}
	if _, err := Build(demo.Generate(demo.Options{Rows: 500}), Options{Sections: []string{SecSegments}}); err == nil ||
		!strings.Contains(err.Error(), "mapping") {
		t.Errorf("segments without rules: %v", err)
	}
}

// Without dates no customer was won on a known day: churn and retention
// are empty with a word why, not "Retained 100.0%, churn 0.0%" and an
// empty "as of".
func TestCustomersWithoutDatesAreNotMeasured(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 2000})
	for k := range ds.Days {
		for i := range ds.Days[k] {
			ds.Days[k][i] = model.NoDay
		}
	}
	for i := range ds.ExitDay {
		ds.ExitDay[i] = model.NoDay
	}
	ds.HasDates = false
	r, err := Build(ds, Options{Sections: []string{SecCustomers}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, r, FormatText, Layout{Width: 200}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "churn is not measured") || strings.Contains(out, "as of .") || strings.Contains(out, "as of  ") || strings.Contains(out, "100.0%") {
		t.Errorf("customers without dates:\n%s", out)
	}
}
