package loaders

import (
	"errors"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
)

func TestSampleLoads(t *testing.T) {
	ds, err := LoadFile("../testdata/sample_leads.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Len() != 10 || ds.Load.Read != 10 || ds.Load.Used != 10 || ds.Load.Skipped != 0 {
		t.Fatalf("len %d, load %+v", ds.Len(), ds.Load)
	}
	want := []string{"Lead", "MQL", "SQL", "Opportunity", "Won"}
	if strings.Join(ds.Stages, ",") != strings.Join(want, ",") {
		t.Fatalf("stages %v", ds.Stages)
	}
	f := query.New(ds).Funnel(query.FunnelOptions{AsOf: model.NoDay})
	// L8 reached Opportunity without MQL/SQL dates: they are implied.
	for k, n := range []int{10, 7, 5, 4, 2} {
		if f.Stages[k].Reached != n {
			t.Errorf("%s reached %d, want %d", f.Stages[k].Name, f.Stages[k].Reached, n)
		}
	}
	if ds.Amount[0] != 1200000 || ds.Exit[2] != model.ExitDisqualified || ds.Reason.Value(2) != "Not ICP" {
		t.Errorf("amount %d exit %v reason %q", ds.Amount[0], ds.Exit[2], ds.Reason.Value(2))
	}
}

func TestStagesFlagRenames(t *testing.T) {
	ds, err := LoadFile("../testdata/sample_leads.csv", Options{Stages: []string{"In", "M", "S", "O", "W"}})
	if err != nil || ds.Stages[4] != "W" {
		t.Fatalf("%v %v", err, ds)
	}
	if _, err := LoadFile("../testdata/sample_leads.csv", Options{Stages: []string{"a", "b"}}); err == nil {
		t.Fatal("a wrong stage count must be an error")
	}
}

func TestMalformedRowNamesTheLine(t *testing.T) {
	_, err := LoadFile("../testdata/malformed_leads.csv", Options{})
	var le *Error
	if !errors.As(err, &le) {
		t.Fatalf("want a located error, got %v", err)
	}
	if le.File != "malformed_leads.csv" || le.Line != 3 {
		t.Fatalf("error %q does not name malformed_leads.csv line 3", err)
	}
	if !strings.Contains(err.Error(), "malformed_leads.csv:3") {
		t.Fatalf("message %q", err)
	}
}

func TestBadDateIsSkippedAndListed(t *testing.T) {
	in := "lead_id,created,mql_date\nA,2025-01-01,\nB,2025-13-01,\nC,2025-01-02,2025-01-03\n"
	ds, err := Load(strings.NewReader(in), "x.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	ld := ds.Load
	if ld.Read != 3 || ld.Used != 2 || ld.Skipped != 1 || len(ld.Problems) != 1 {
		t.Fatalf("load %+v", ld)
	}
	p := ld.Problems[0]
	if p.Line != 3 || p.Column != 3 || p.Found != "2025-13-01" || p.Field != "created" {
		t.Fatalf("problem %+v", p)
	}
}

func TestDemoCSVRoundTrips(t *testing.T) {
	gen := demo.Generate(demo.Options{Rows: 2000, Seed: 3})
	ds, err := Load(strings.NewReader(demo.LeadsCSV(gen)), "demo.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := query.New(gen).Funnel(query.FunnelOptions{AsOf: model.NoDay})
	b := query.New(ds).Funnel(query.FunnelOptions{AsOf: model.NoDay})
	for k := range a.Stages {
		if a.Stages[k].Reached != b.Stages[k].Reached || a.Stages[k].Name != b.Stages[k].Name {
			t.Fatalf("stage %d: generated %+v, loaded %+v", k, a.Stages[k], b.Stages[k])
		}
	}
}
