package loaders

import (
	"fmt"
	"slices"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

func TestSideStateWords(t *testing.T) {
	for v, want := range map[string]outcome{
		"On hold / future opportunity": outSide, "On Hold": outSide, "Nurturing": outSide, "Recycled": outSide,
		"Paused - budget": outSide, "Dormant": outSide,
		// stages of known vocabularies that merely sound parked
		"Contact in Future": outNone, "Awaiting event": outNone, "Holding company intro": outNone,
		"Closed: abandoned": outLost, "Open": outOpen,
	} {
		if got := valueOutcome(v); got != want {
			t.Errorf("valueOutcome(%q) = %d, want %d", v, got, want)
		}
	}
}

// A side state in a current-stage column is no stage of the order: its
// records are open, count at the first stage with their stage unknown,
// and keep their value in the stage column's dimension.
func TestSideStateIsNoStage(t *testing.T) {
	ds := loadText(t, "deals.csv", "id,stage,created\n"+
		"1,Discovery,2026-01-02\n2,Discovery,2026-01-03\n3,Proposal,2026-01-04\n4,On hold,2026-01-05\n"+
		"5,Closed Won,2026-01-06\n6,Closed Lost,2026-01-07\n7,Discovery,2026-01-08\n")
	if slices.Contains(ds.Stages, "On hold") {
		t.Fatalf("stages %q hold the side state", ds.Stages)
	}
	if ds.Exit[3] != model.ExitOpen || ds.Reached[3] != 1 {
		t.Errorf("on-hold record: exit %v, reached %d stages; want open at the first stage", ds.Exit[3], ds.Reached[3])
	}
	if ds.StageUnknown == nil || !ds.StageUnknown[3] {
		t.Errorf("on-hold record's stage is not said to be unknown")
	}
}

// An account column under any name is the dataset's account, and keeps
// its name as a dimension.
func TestAccountColumnKeepsItsName(t *testing.T) {
	ds := loadText(t, "opps.csv", "ID,CustomerName,ACV,Status,CloseDate\n1,Acme,100,Won,2024-01-02\n2,Beta,200,Lost,2024-01-03\n3,Acme,300,Open,2024-02-03\n")
	if ds.Account != "CustomerName" || ds.Dim("CustomerName") == nil || roleOf(ds, "CustomerName") != "account" {
		t.Errorf("account %q, dim %v, role %q", ds.Account, ds.Dim("CustomerName") != nil, roleOf(ds, "CustomerName"))
	}
}

// Numbered parts of a date (FiscalQuarter 1-4, FiscalYear) are no
// segment to break down by; a small numbered category still is.
func TestDatePartsAreNoDimension(t *testing.T) {
	text := "Id,StageName,CreatedDate,FiscalQuarter,FiscalYear,Tier\n"
	for i := 0; i < 40; i++ {
		text += fmt.Sprintf("%d,Prospecting,2024-0%d-02,%d,%d,%d\n", i, i%4+1, i%4+1, 2024+i%2, i%3+1)
	}
	ds := loadText(t, "opps.csv", text)
	if ds.Dim("FiscalQuarter") != nil || ds.Dim("FiscalYear") != nil || ds.Dim("Tier") == nil {
		t.Errorf("dims %v", ds.DimNames())
	}
}
