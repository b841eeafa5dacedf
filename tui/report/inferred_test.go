package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

// inferred is a current-stage export: each record's stage, an entry date
// at the first stage and a close date at the last, the stages between
// implied without dates (as the loaders build it).
func inferred() *model.Dataset {
	n := model.NoDay
	return &model.Dataset{
		Stages:        []string{"A", "B", "C"},
		Days:          [][]int32{{0, 3, 5, 9}, {n, n, n, n}, {n, 20, n, n}},
		Reached:       []uint16{0b001, 0b111, 0b011, 0b001},
		Exit:          []model.ExitKind{model.ExitOpen, model.ExitWon, model.ExitOpen, model.ExitLost},
		ExitDay:       []int32{n, 20, n, 12},
		HasDates:      true,
		DatesInferred: true,
		Load:          model.LoadInfo{Files: []string{"deals.csv"}, Read: 4, Used: 4},
	}
}

func reportText(t *testing.T, ds *model.Dataset, f string) string {
	t.Helper()
	r, err := Build(ds, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, r, f, Layout{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Inferred stage dates are said once, in the header, not again as a warning.
func TestInferredDatesSaidOnce(t *testing.T) {
	for _, f := range []string{FormatText, FormatMarkdown} {
		out := reportText(t, inferred(), f)
		if n := strings.Count(out, "inferred from the current stage"); n != 1 {
			t.Errorf("%s: said %d times, want once:\n%s", f, n, out)
		}
	}
}

// With inferred stage dates no step has times: Velocity says why in one
// line instead of a table of zeros, and the stages' Median days points there.
func TestVelocitySaysWhyNoTimes(t *testing.T) {
	r, err := Build(inferred(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.TimesNote, "inferred") {
		t.Fatalf("times note %q", r.TimesNote)
	}
	for _, f := range []string{FormatText, FormatMarkdown} {
		out := reportText(t, inferred(), f)
		i := strings.Index(out, "Velocity\n")
		if i < 0 {
			t.Fatalf("%s: no Velocity section:\n%s", f, out)
		}
		vel := out[i:]
		if strings.Contains(vel, "Median days") || strings.Contains(vel, "| From") || !strings.Contains(vel, "No times between stages") {
			t.Errorf("%s: Velocity is not the one line that says why:\n%s", f, vel)
		}
		if !strings.Contains(out, "Median days: none (see Velocity)") {
			t.Errorf("%s: the stages footnote does not say the times are missing:\n%s", f, out)
		}
	}
	// read dates: the table, no note
	if r, err := Build(tiny(), Options{}); err != nil || r.TimesNote != "" {
		t.Fatalf("tiny: note %q, err %v", r.TimesNote, err)
	}
	if out := reportText(t, tiny(), FormatText); !strings.Contains(out, "Median days  P75 days") {
		t.Errorf("tiny: the velocity table is gone:\n%s", out)
	}
}

// The loader's notes (deals a join left out) head the report, before any
// table, and are in the JSON source.
func TestNotesInHeader(t *testing.T) {
	ds := tiny()
	ds.Load.Notes = []string{"3 of 5 deals in deals.csv have no lead in leads.csv and are not in this funnel"}
	for _, f := range []string{FormatText, FormatMarkdown, FormatJSON} {
		out := reportText(t, ds, f)
		i, j := strings.Index(out, "3 of 5 deals in deals.csv have no lead"), strings.Index(out, "Stage")
		if i < 0 || j >= 0 && i > j && f != FormatJSON {
			t.Errorf("%s: the note is not in the header:\n%s", f, out)
		}
	}
}

// A lost record whose stage the export does not give counts at the first
// stage; the step from it leaves it out, and the footnote says so.
func TestStagesSayUnknownStage(t *testing.T) {
	ds := inferred()
	ds.StageUnknown = []bool{false, false, false, true} // the lost one
	r, err := Build(ds, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b := r.Stages[1]; b.PreviousReached != 3 || r.Stages[0].StageUnknown != 1 || b.ConversionFromPrevious < 0.66 || b.ConversionFromPrevious > 0.67 {
		t.Fatalf("stages %+v", r.Stages)
	}
	out := reportText(t, ds, FormatText)
	if !strings.Contains(out, "1 record at A has no known stage") || !strings.Contains(out, "the step to B is of the other 3") {
		t.Errorf("no footnote on the record with no known stage:\n%s", out)
	}
}
