package loaders

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// Three files: contacts + deals (by contact id) + an onboarding sheet (by
// email). Each join is reported; the records stay the contacts.
func TestJoinThreeFiles(t *testing.T) {
	files := []string{fx + "hubspot_contacts.csv", fx + "hubspot_deals.csv", fx + "onboarding.csv"}
	ds, err := LoadFiles(context.Background(), files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Lead,MQL,SQL,Opportunity,Appointment Scheduled,Qualified To Buy,Presentation Scheduled,Decision Maker Bought-In,Contract Sent,Won,Kickoff,Live"
	if got := strings.Join(ds.Stages, ","); got != want {
		t.Fatalf("stages %q", got)
	}
	for _, d := range []string{
		"joined hubspot_deals.csv to hubspot_contacts.csv by Associated Contact IDs = Contact ID: 3 of 4 deals matched a lead (75.0%)",
		// ana@acme.io, and BEN@globex.com case-insensitively; nobody@example.com is no contact.
		"joined onboarding.csv to hubspot_contacts.csv by email = Email: 2 of 3 deals matched a lead (66.7%); 1 unmatched",
	} {
		if !hasDecision(ds, d) {
			t.Errorf("no decision %q in\n%s", d, strings.Join(ds.Load.Decisions, "\n"))
		}
	}
	ld := ds.Load
	// What the joins leave out is said before any number, with the way to see it.
	if want := []string{
		"1 of 4 deals in hubspot_deals.csv has no lead in hubspot_contacts.csv and is not in this funnel (listed as skipped); load hubspot_deals.csv alone for the whole pipeline",
		"1 of 3 deals in onboarding.csv has no lead in hubspot_contacts.csv and is not in this funnel (listed as skipped); load onboarding.csv alone for the whole pipeline",
	}; !reflect.DeepEqual(ld.Notes, want) {
		t.Errorf("notes %q, want %q", ld.Notes, want)
	}
	// Read 5 + 4 + 3; skipped: deal 9004 and nobody@example.com.
	if ld.Read != 12 || ld.Used != 10 || ld.Skipped != 2 || !reflect.DeepEqual(ld.Files, []string{"hubspot_contacts.csv", "hubspot_deals.csv", "onboarding.csv"}) {
		t.Errorf("load %d/%d/%d files %v", ld.Read, ld.Used, ld.Skipped, ld.Files)
	}
	if got := masks(ds); got != "111111111111 111111111010 100000000000 110000000000 111010000000" {
		t.Errorf("masks %s", got)
	}
	// The deals' amounts survive a third file without amounts.
	if ds.Days[10][0] != day("2024-02-20") || ds.Days[11][0] != day("2024-03-05") || ds.Amount[0] != 1200000 || ds.Amount[1] != 800000 || !ds.HasDates {
		t.Errorf("kickoff %v live %v amounts %v", ds.Days[10], ds.Days[11], ds.Amount)
	}
	// The order of the first two does not matter (deals first is swapped).
	ds2, err := LoadFiles(context.Background(), []string{files[1], files[0], files[2]}, Options{})
	if err != nil || masks(ds2) != masks(ds) {
		t.Errorf("deals first: %v %s", err, masks(ds2))
	}
}
