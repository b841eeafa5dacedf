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
		// Qualified set on 3 of 4 rows, Converted 2, Won 1; the same as flags.yaml.
		{"flags.csv", "Lead,Qualified,Converted,Won", "1111 1100 1110 1000", "won open open open",
			"stages ordered by how many of the first 4 rows have each set: Qualified (3 set), Converted (2 set), Won (1 set)",
			[]int{4, 3, 2, 1}},
		// Demo Done 4 of 6 (x/blank), IsClosed 3 (TRUE/FALSE), IsWon 2; Lost (Y/N) is the exit.
		{"deals_flags.csv", "Opportunity,Demo Done,Closed,Won", "1111 1110 1100 1000 1111 1000", "won lost open open won open",
			`Demo Done (4 set), IsClosed (3 set), IsWon (2 set); ` + "`funnel init`" + ` writes this as a mapping to edit; "Lost" marks the exit`,
			[]int{6, 4, 3, 2}},
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
		if m&(1<<3) != 0 {
			wonBy[owner.Value(i)]++
		}
	}
	if !reflect.DeepEqual(wonBy, map[string]int{"Ana": 1, "Ben": 1}) || !reflect.DeepEqual(ds.Amount, []int64{120000, 80000, 0, 250000, 30000, 5000}) {
		t.Errorf("won by owner %v amounts %v", wonBy, ds.Amount)
	}
}

// Flags are only inferred with an id column and two or more flags, and
// never when the file has dates or a mapping or preset is given.
func TestAutoFlagsNeedsIDAndTwoFlags(t *testing.T) {
	for name, in := range map[string]string{
		"no id":      "name,qualified,won\nA,yes,no\nB,no,no\n",
		"one flag":   "lead_id,won\n1,yes\n2,no\n",
		"not yes/no": "lead_id,qualified,won\n1,yes,maybe\n2,no,no\n",
		"none set":   "lead_id,qualified,won\n1,no,no\n2,0,false\n",
	} {
		_, err := Load(strings.NewReader(in), "f.csv", Options{})
		if err == nil || !strings.Contains(err.Error(), "no stage columns") {
			t.Errorf("%s: %v, want the no-stage-columns rejection", name, err)
		}
	}
	// A date column keeps the date-per-stage reading; flags stay dimensions.
	ds, err := Load(strings.NewReader("lead_id,created,qualified,won\n1,2024-01-01,yes,no\n2,2024-01-02,no,no\n"), "d.csv", Options{})
	if err != nil || strings.Join(ds.Stages, ",") != "Lead" || !ds.HasDates || ds.Dim("won") == nil {
		t.Fatalf("dated file: %v %v", ds, err)
	}
	// A flag value the sample did not see is a listed, skipped row.
	in := "lead_id,qualified,won\n1,yes,no\n2,no,no\n"
	ds, err = Load(strings.NewReader(in+strings.Repeat("3,yes,yes\n", 600)+"4,maybe,no\n"), "late.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Load.Skipped != 1 || ds.Load.Problems[0].Line != 604 || !strings.Contains(ds.Load.Problems[0].String(), "unreadable flag") {
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
			given.Load.Decisions, auto.Load.Decisions = nil, nil
			if !reflect.DeepEqual(given, auto) {
				t.Errorf("%s: mapped load differs from inferred load: %v %s vs %v %s", p, given.Stages, masks(given), auto.Stages, masks(auto))
			}
		}
	}
	// With date stages, the yes/no columns are listed in a comment only.
	p := filepath.Join(dir, "dated.csv")
	if err := os.WriteFile(p, []byte("lead_id,created,mql_date,won\n1,2024-01-01,,yes\n2,2024-01-02,2024-01-05,no\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := StarterMapping(context.Background(), p, FormatYAML)
	if err != nil || !strings.Contains(string(b), "# Yes/no columns (add as a stage with flag: COLUMN, or keep as dims): won\n") ||
		!strings.Contains(string(b), "shape: stage-dates") {
		t.Errorf("dated starter: %v\n%s", err, b)
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
