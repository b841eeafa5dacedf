package loaders

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

// Every load records the mapping each file was read with, and reading the
// files again with those mappings (FileMappings) gives the same dataset:
// what the column screen's recompute starts from.
func TestLoadRecordsItsMappings(t *testing.T) {
	dir := "../testdata/realdata/"
	for _, files := range [][]string{
		{dir + "uci-bank__bank.csv"},
		{dir + "sf-devorg-pbi__Opportunity.csv"},
		{dir + "sf-devorg-pbi__Lead.csv", dir + "sf-devorg-pbi__Opportunity.csv", dir + "sf-devorg-pbi__OpportunityHistory.csv"},
	} {
		auto, err := LoadFiles(context.Background(), files, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ld := auto.Load
		if len(ld.Mappings) != len(ld.Files) {
			t.Fatalf("%v: %d mappings for %d files", files, len(ld.Mappings), len(ld.Files))
		}
		byName := map[string]*Mapping{}
		for i, f := range ld.Files {
			if ld.Mappings[i] == nil || ld.Mappings[i].Check() != nil {
				t.Fatalf("%s: no usable mapping recorded", f)
			}
			byName[f] = ld.Mappings[i]
		}
		again, err := LoadFiles(context.Background(), files, Options{FileMappings: byName})
		if err != nil {
			t.Fatalf("%v: %v", files, err)
		}
		a, g := *auto, *again
		if a.Load.Read != g.Load.Read || a.Load.Used != g.Load.Used {
			t.Errorf("%v: rows %d/%d, want %d/%d", files, g.Load.Read, g.Load.Used, a.Load.Read, a.Load.Used)
		}
		a.Load, g.Load = model.LoadInfo{}, model.LoadInfo{}
		if !reflect.DeepEqual(a, g) {
			t.Errorf("%v: the reload differs: stages %v vs %v", files, g.Stages, a.Stages)
		}
	}
}

// A value marked as no stage counts at the first stage, open; it is not
// placed as a stage of its own.
func TestNotStagesCountAtTheFirstStage(t *testing.T) {
	csv := "id,stage\n1,New\n2,Demo\n3,On hold\n4,Won\n5,On hold\n"
	m := &Mapping{Shape: ShapeCurrentStage, ID: "id", StageColumn: "stage",
		Stages: []StageMap{{Name: "New"}, {Name: "Demo"}, {Name: "Won"}}, Won: []string{"Won"}}
	ds, err := Load(strings.NewReader(csv), "t.csv", Options{Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Stages) != 4 {
		t.Fatalf("without not_stages the value is placed as a stage: %v", ds.Stages)
	}
	m.NotStages = []string{"on hold"}
	ds, err = Load(strings.NewReader(csv), "t.csv", Options{Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"New", "Demo", "Won"}; !reflect.DeepEqual(ds.Stages, want) {
		t.Fatalf("stages %v, want %v", ds.Stages, want)
	}
	for _, i := range []int{2, 4} {
		if ds.Reached[i] != 0b1 || ds.Exit[i] != model.ExitOpen { // a bit per stage reached
			t.Errorf("record %d: reached %d, exit %v; want the first stage, open", i, ds.Reached[i], ds.Exit[i])
		}
	}
	if ds.Reached[3] != 0b111 || ds.Exit[3] != model.ExitWon {
		t.Errorf("the won record: reached %d, exit %v", ds.Reached[3], ds.Exit[3])
	}
}

// The owner column is a dimension, listed before the others; the
// inference names it as the owner.
func TestOwnerIsTheFirstDimension(t *testing.T) {
	csv := "id,stage,region,Deal owner\n1,New,EU,Ana\n2,Won,US,Bo\n"
	m := &Mapping{Shape: ShapeCurrentStage, ID: "id", StageColumn: "stage", Owner: "Deal owner", Dims: []string{"region"},
		Stages: []StageMap{{Name: "New"}, {Name: "Won"}}, Won: []string{"Won"}}
	ds, err := Load(strings.NewReader(csv), "t.csv", Options{Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if got := ds.DimNames(); len(got) < 2 || got[0] != "Deal owner" || got[1] != "region" {
		t.Fatalf("dims %v: want the owner first", got)
	}
	mm, _, err := DecidedMapping(context.Background(), dirHubspot(t), Options{})
	if err != nil {
		t.Skip(err)
	}
	if mm.Owner != "Deal owner" {
		t.Errorf("the inferred owner is %q", mm.Owner)
	}
}

// dirHubspot is a real HubSpot deals export when the real-data folder is
// there.
func dirHubspot(t *testing.T) string {
	d := realDir()
	if d == "" {
		t.Skip("no real-data folder")
	}
	return d + "/hubspot-marvell__hubspot-crm-exports-all-deals-2023-04-03.csv"
}

// The fields the column screen sets (owner, not_stages) are written and
// read back in both syntaxes.
func TestMappingFileKeepsScreenFields(t *testing.T) {
	m := &Mapping{Shape: ShapeCurrentStage, ID: "id", StageColumn: "stage", Owner: "Deal owner",
		Stages: []StageMap{{Name: "New"}, {Name: "Won"}}, Won: []string{"Won"}, NotStages: []string{"On hold"}}
	for _, f := range []MappingFormat{FormatYAML, FormatTOML} {
		b, err := MappingFile("t.csv", m, model.LoadInfo{}, f)
		if err != nil {
			t.Fatal(err)
		}
		parse := ParseMapping
		if f == FormatTOML {
			parse = ParseMappingTOML
		}
		got, err := parse("t", b)
		if err != nil {
			t.Fatalf("%s: %v\n%s", f, err, b)
		}
		if !reflect.DeepEqual(got, m) {
			t.Errorf("%s: read back %+v\n%s", f, got, b)
		}
	}
}
