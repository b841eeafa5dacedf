package loaders

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
)

// A yes/no file with an id and no dates loads without a mapping: the flags
// become stages ordered by how many rows have them set, and the decision
// says so.
func TestAutoFlags(t *testing.T) {
	cases := []struct {
		file, stages, masks, exits, decision string
		reached                              []int
	}{
		// Qualified set on 3 of 4 rows, Converted 2; Won is the outcome (and the last stage); the same as flags.yaml.
		{"flags.csv", "Lead,Qualified,Converted,Won", "1111 1100 1110 1000", "won open open open",
			"stages read from yes/no columns: Lead > Qualified > Converted > Won (yes/no stage columns, ordered by how many rows have each set)",
			[]int{4, 3, 2, 1}},
		// Demo Done 4 of 6 (x/blank) is a step; IsWon/IsClosed are the outcome, not stages; Lost (Y/N) is an exit.
		{"deals_flags.csv", "Opportunity,Demo Done,Won", "111 110 110 100 111 100", "won lost open open won open",
			"IsWon/IsClosed/Lost as the outcome", []int{6, 4, 2}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			ds := load(t, c.file, Options{})
			if got := strings.Join(ds.Stages, ","); got != c.stages {
				t.Errorf("stages %q, want %q", got, c.stages)
			}
			if got := masks(ds); got != c.masks {
				t.Errorf("reached %q, want %q", got, c.masks)
			}
			var exits []string
			for _, e := range ds.Exit {
				exits = append(exits, e.String())
			}
			if got := strings.Join(exits, " "); got != c.exits {
				t.Errorf("exits %q, want %q", got, c.exits)
			}
			if !hasDecision(ds, c.decision) || !hasDecision(ds, "views over time have no data") {
				t.Errorf("decisions lack %q:\n%s", c.decision, strings.Join(ds.Load.Decisions, "\n"))
			}
			if ds.HasDates || ds.Load.Skipped != 0 {
				t.Errorf("HasDates %v skipped %d", ds.HasDates, ds.Load.Skipped)
			}
			f := query.New(ds).Funnel(query.FunnelOptions{AsOf: model.NoDay})
			var got []int
			for _, s := range f.Stages {
				got = append(got, s.Reached)
			}
			if !reflect.DeepEqual(got, c.reached) || len(f.Months) != 0 {
				t.Errorf("funnel reached %v months %v, want %v and no months", got, f.Months, c.reached)
			}
		})
	}
	// Breakdowns: the other columns are dimensions, amounts are read.
	ds := load(t, "deals_flags.csv", Options{})
	owner := ds.Dim("Owner")
	if owner == nil || ds.Dim("Account") == nil || ds.Dim("IsWon") != nil {
		t.Fatalf("dims %v", ds.Dims)
	}
	wonBy := map[string]int{}
	for i, m := range ds.Reached {
		if m&(1<<2) != 0 {
			wonBy[owner.Value(i)]++
		}
	}
	if !reflect.DeepEqual(wonBy, map[string]int{"Ana": 1, "Ben": 1}) || !reflect.DeepEqual(ds.Amount, []int64{120000, 80000, 0, 250000, 30000, 5000}) {
		t.Errorf("won by owner %v amounts %v", wonBy, ds.Amount)
	}
}

// A yes/no outcome alone makes a two-stage funnel; a won flag that is no
// leaves the record open, a result column (y) that is no makes it lost.
func TestYesNoOutcomes(t *testing.T) {
	for name, c := range map[string]struct{ in, stages, exits string }{
		"won flag":      {"lead_id,won\n1,yes\n2,no\n", "Lead,Won", "won open"},
		"result column": {"age,job,y\n30,admin,no\n41,tech,yes\n", "Record,Won", "lost won"},
		"no id":         {"name,qualified,won\nA,yes,no\nB,no,no\n", "Record,Qualified,Won", "open open"},
		"dated":         {"lead_id,created,qualified,won\n1,2024-01-01,yes,no\n2,2024-01-02,no,no\n", "Lead,Qualified,Won", "open open"},
	} {
		ds, err := Load(strings.NewReader(c.in), "f.csv", Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var exits []string
		for _, e := range ds.Exit {
			exits = append(exits, e.String())
		}
		if got := strings.Join(ds.Stages, ","); got != c.stages || strings.Join(exits, " ") != c.exits {
			t.Errorf("%s: stages %s exits %v, want %s %s", name, got, exits, c.stages, c.exits)
		}
	}
	// A flag value the sample did not see is a listed, skipped row.
	in := "lead_id,qualified,won\n1,yes,no\n2,no,no\n"
	ds, err := Load(strings.NewReader(in+strings.Repeat("3,yes,yes\n", 3000)+"4,maybe,no\n"), "late.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Load.Skipped != 1 || ds.Load.Problems[0].Line != 3004 || !strings.Contains(ds.Load.Problems[0].String(), "unreadable flag") {
		t.Fatalf("late bad flag: %v %+v", err, ds.Load)
	}
}

// funnel init on a flags file writes a mapping that loads it unedited, to
// the same dataset as the inferred load (bar the decision wording).
func TestStarterFlags(t *testing.T) {
	dir := t.TempDir()
	for _, file := range []string{"flags.csv", "deals_flags.csv"} {
		for _, f := range []MappingFormat{FormatYAML, FormatTOML} {
			b, err := StarterMapping(context.Background(), fx+file, f)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, file+"."+string(f))
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			m, err := ReadMapping(p)
			if err != nil {
				t.Fatalf("%s: %v\n%s", p, err, b)
			}
			if m.Shape != ShapeFlags || !strings.Contains(string(b), "flag") {
				t.Errorf("%s:\n%s", p, b)
			}
			given, auto := load(t, file, Options{Mapping: m}), load(t, file, Options{})
			given.Load, auto.Load = model.LoadInfo{}, model.LoadInfo{}
			if !reflect.DeepEqual(given, auto) {
				t.Errorf("%s: mapped load differs from inferred load: %v %s vs %v %s", p, given.Stages, masks(given), auto.Stages, masks(auto))
			}
		}
	}
	// The comments list every column with its type and role.
	b, err := StarterMapping(context.Background(), fx+"deals_flags.csv", FormatYAML)
	if err != nil || !strings.Contains(string(b), "#   6. IsClosed (yes/no false/true): outcome: closed when yes\n") {
		t.Errorf("starter comments: %v\n%s", err, b)
	}
}

func TestFlagStageNames(t *testing.T) {
	for in, want := range map[string]string{"IsClosed": "Closed", "is_won": "Won", "Has Demo": "Demo", "Island": "Island", "converted": "Converted", "Is": "Is"} {
		if got := flagStageName(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Lead ID": "Lead", "opportunity_id": "Opportunity", "DealId": "Deal", "ref": "Record"} {
		if got := topStageName(in, nil); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{"Lead ID": true, "dealID": true, "PAID": false, "Paid": false, "id": true, "Idea": false} {
		if got := idLike(in); got != want {
			t.Errorf("idLike(%q) = %v", in, got)
		}
	}
}
