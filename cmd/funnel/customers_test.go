package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// The segments section of sample_leads.csv under testdata/money/segments.yaml,
// with spend_2025.csv, against figures computed by hand:
//
//	Ana's book (owner ana): L1 L2 L6; Inbound (chat, organic, not ana): L7 L8;
//	(none): L3 L4 L5 (paid_social), L9 L10 (events).
//	Spend 2025-01..03: chat 300 → L1 L2 (Ana); paid_social 600 → (none);
//	organic 900 → L6 Ana 300, L7 L8 Inbound 600; events 400 → (none);
//	TV Brand 100 unmatched. Ana 600, Inbound 600, (none) 1,000 of 2,300.
//	Pipeline (Opportunity or past): Ana L1 12,000 + L2 8,000; Inbound L7
//	20,000 + L8 5,000 (open). Won: Ana L1 12,000, Inbound L7 20,000.
func TestSegmentsReportByHand(t *testing.T) {
	io, out, errb := testIO()
	args := []string{"report", "../../testdata/sample_leads.csv", "--map", "../../testdata/money/segments.yaml",
		"--spend", "../../testdata/money/spend_2025.csv", "--sections", "segments,customers", "--format", "json"}
	if code := run(args, io); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var r struct {
		Segments struct {
			Segments []struct {
				Segment                        string
				Records, Won                   int
				PipelineDeals                  int `json:"pipeline_deals"`
				Pipeline, OpenPipeline, WonRev int64
			} `json:"segments"`
			Economics struct {
				Spend, Allocated, Unallocated int64
				Groups                        []struct {
					Name      string
					Spend     int64
					Leads     int
					Customers int
					CAC       int64
				}
			}
		}
	}
	// field names differ from the keys in case only, except these
	raw := strings.NewReplacer(`"open_pipeline"`, `"OpenPipeline"`, `"won_revenue"`, `"WonRev"`).Replace(out.String())
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		t.Fatal(err)
	}
	type seg struct {
		name                   string
		records, won, deals    int
		pipeline, open, wonRev int64
	}
	want := []seg{{"Ana's book", 3, 1, 2, 2000000, 0, 1200000}, {"Inbound", 2, 1, 2, 2500000, 500000, 2000000}, {"(none)", 5, 0, 0, 0, 0, 0}}
	for i, w := range want {
		g := r.Segments.Segments[i]
		if (seg{g.Segment, g.Records, g.Won, g.PipelineDeals, g.Pipeline, g.OpenPipeline, g.WonRev}) != w {
			t.Errorf("segment %d = %+v, want %+v", i, g, w)
		}
	}
	e := r.Segments.Economics
	if e.Spend != 230000 || e.Allocated != 220000 || e.Unallocated != 10000 {
		t.Errorf("spend %d allocated %d unallocated %d", e.Spend, e.Allocated, e.Unallocated)
	}
	type econ struct {
		name             string
		spend            int64
		leads, customers int
		cac              int64
	}
	wantE := []econ{{"Ana's book", 60000, 3, 1, 60000}, {"Inbound", 60000, 2, 1, 60000}, {"(none)", 100000, 5, 0, 0}}
	for i, w := range wantE {
		g := e.Groups[i]
		if (econ{g.Name, g.Spend, g.Leads, g.Customers, g.CAC}) != w {
			t.Errorf("economics %d = %+v, want %+v", i, g, w)
		}
	}
	// text: no empty (), the decisions and the tables
	io, out, errb = testIO()
	if code := run(append(args[:len(args)-2], "--format", "text"), io); code != exitOK {
		t.Fatalf("text: exit %d %s", code, errb)
	}
	for _, want := range []string{"ICP segments\n", "Unit economics by segment\n", "Retention and expansion by channel\n", "How the data was read"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Contains(out.String(), "()") {
		t.Errorf("text has an empty ():\n%s", out)
	}
	io, _, errb = testIO()
	if code := run([]string{"report", "../../testdata/sample_leads.csv", "--sections", "segments"}, io); code != exitUsage ||
		!strings.Contains(errb.String(), "segment rules") {
		t.Errorf("segments without a mapping: exit %d %s", code, errb)
	}
}

// Text and markdown list the loader's decisions, with join rates, and no
// cell is cut when writing to a file or pipe.
func TestReportListsDecisions(t *testing.T) {
	for _, format := range []string{"text", "markdown"} {
		io, out, errb := testIO()
		if code := run([]string{"report", "--format", format, fixtures + "hubspot_contacts.csv", fixtures + "hubspot_deals.csv"}, io); code != exitOK {
			t.Fatalf("exit %d %s", code, errb)
		}
		s := out.String()
		_, read, _ := strings.Cut(s, "How the data was read")
		if read == "" || !strings.Contains(read, "%") { // the join's match rate, however worded
			t.Errorf("%s lacks the decisions or join rates:\n%s", format, s)
		}
		if !strings.Contains(read, "contacts") || !strings.Contains(read, "deals") {
			t.Errorf("%s lacks the decisions or join rates:\n%s", format, s)
		}
		if strings.Contains(s, "…") {
			t.Errorf("%s cut a cell with … into a pipe:\n%s", format, s)
		}
	}
}
