package loaders

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The TOML fixtures say what their YAML twins say.
func TestTOMLMappingMatchesYAML(t *testing.T) {
	for _, base := range []string{"flags", "custom_current_stage"} {
		y, tm := mustMap(t, base+".yaml"), mustMap(t, base+".toml")
		if !reflect.DeepEqual(y, tm) {
			t.Errorf("%s:\n yaml %+v\n toml %+v", base, y, tm)
		}
	}
}

// TOML mappings fail the same checks as YAML ones, located at line:column
// when the decoder knows where.
func TestTOMLMappingErrors(t *testing.T) {
	stageA := "\n[[stages]]\nname = \"A\"\n"
	for _, c := range []struct{ in, want string }{
		{stageA, "shape is missing"},
		{`shape = "funnel"` + stageA, `shape "funnel" is unknown`},
		{`shape = "stage-dates"` + "\nstages = []\n", "stages is empty"},
		{`shape = "stage-dates"` + stageA, `stage "A" has no date column`},
		{`shape = "current-stage"` + stageA, "stage_column is missing"},
		{`shape = "history"` + "\nstage_column = \"s\"" + stageA, "history needs id and timestamp"},
		{`shape = "flags"` + "\nbogus = 1" + stageA, "[2:1] unknown field \"bogus\""},
		{`shape = "flags"` + stageA + "colour = \"red\"\n", "[4:1] unknown field \"stages.colour\""},
		{`shape = "flags"` + stageA + "flag = [1]\n", "[4:8] cannot decode TOML array"},
		{"shape = [\n", "[1:10] array is incomplete"},
		{"shape = \"flags\"\nshape = \"history\"\n", "[2:1]"},
		{`shape = "flags"` + "\nstages = [{name = \"A\"}, {name = \"a\", flag = \"x\"}]\n", `stage "a" is listed twice`},
	} {
		_, err := ParseMappingTOML("m.toml", []byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "m.toml: ") {
			t.Errorf("%q: %v, want %q", c.in, err, c.want)
		}
	}
	// The located message shows the offending line.
	_, err := ParseMappingTOML("m.toml", []byte("shape = \"flags\"\nbogus = 1\n"))
	if err == nil || !strings.Contains(err.Error(), "2| bogus = 1") {
		t.Errorf("no context line in %v", err)
	}
}

// funnel init's TOML starter reads back to the same mapping as its YAML
// starter, and both load the file into the same dataset.
func TestStarterTOMLRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, file := range []string{"hubspot_deals.csv", "salesforce_leads.csv", "pipedrive_deals.csv", "history_log.csv", "dmy_dates.csv", "flags.csv", "deals_flags.csv"} {
		t.Run(file, func(t *testing.T) {
			var ms [2]*Mapping
			for i, f := range []MappingFormat{FormatYAML, FormatTOML} {
				b, err := StarterMapping(context.Background(), fx+file, f)
				if err != nil {
					t.Fatal(err)
				}
				p := filepath.Join(dir, strings.TrimSuffix(file, ".csv")+"."+string(f))
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
				if ms[i], err = ReadMapping(p); err != nil {
					t.Fatalf("%s starter does not read back: %v\n%s", f, err, b)
				}
			}
			if !reflect.DeepEqual(ms[0], ms[1]) {
				t.Fatalf("yaml %+v\ntoml %+v", ms[0], ms[1])
			}
			y := load(t, file, Options{Mapping: ms[0]})
			tm := load(t, file, Options{Mapping: ms[1]})
			if !reflect.DeepEqual(y, tm) {
				t.Errorf("datasets differ: yaml %d records %v, toml %d records %v", y.Len(), y.Stages, tm.Len(), tm.Stages)
			}
			if y.Len() == 0 || y.Load.Read != y.Load.Used+y.Load.Skipped {
				t.Errorf("read %d used %d skipped %d", y.Load.Read, y.Load.Used, y.Load.Skipped)
			}
		})
	}
}

func TestMappingFormatOf(t *testing.T) {
	for p, want := range map[string]MappingFormat{"funnel.toml": FormatTOML, "X.TOML": FormatTOML, "funnel.yaml": FormatYAML, "m.yml": FormatYAML, "mapping": FormatYAML} {
		if got := MappingFormatOf(p); got != want {
			t.Errorf("%s: %s, want %s", p, got, want)
		}
	}
}
