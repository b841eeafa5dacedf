package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dealsMapping reads hubspot_deals.csv with its stages renamed, so a
// funnel that has them was read with it.
const dealsMapping = `shape: current-stage
id: Deal ID
lead_ref: Associated Contact IDs
created: Create Date
stage_column: Deal Stage
stages:
- {name: Meeting, values: [Appointment Scheduled]}
- {name: Qualified, values: [Qualified To Buy]}
- {name: Pitch, values: [Presentation Scheduled]}
- {name: Decision, values: [Decision Maker Bought-In]}
- {name: Contract, values: [Contract Sent]}
- {name: Won, values: [Closed Won]}
won: [Closed Won]
lost: [Closed Lost]
`

// --map FILE=MAPPING reads that file of several with its mapping (by base
// name or by the path as given); the others are detected. Mistakes are
// usage errors that say what is wrong.
func TestMapPerFile(t *testing.T) {
	dir := t.TempDir()
	deals := filepath.Join(dir, "deals.yaml")
	if err := os.WriteFile(deals, []byte(dealsMapping), 0o644); err != nil {
		t.Fatal(err)
	}
	contacts, dealsCSV := fixtures+"hubspot_contacts.csv", fixtures+"hubspot_deals.csv"
	stagesOf := func(args ...string) ([]string, int, string) {
		io, out, errb := testIO()
		code := run(append([]string{"report", "--format", "json", "--sections", "stages"}, args...), io)
		var r struct {
			Stages []struct {
				Name string `json:"name"`
			} `json:"stages"`
		}
		_ = json.Unmarshal(out.Bytes(), &r)
		var got []string
		for _, s := range r.Stages {
			got = append(got, s.Name)
		}
		return got, code, errb.String()
	}
	for _, m := range []string{"hubspot_deals.csv=" + deals, dealsCSV + "=" + deals} {
		got, code, errs := stagesOf("--map", m, contacts, dealsCSV)
		if code != exitOK || !slices.Contains(got, "Pitch") || !slices.Contains(got, "MQL") {
			t.Errorf("--map %s: exit %d stages %v %s", m, code, got, errs)
		}
	}
	// without it the deals' stages are HubSpot's own
	if got, code, _ := stagesOf(contacts, dealsCSV); code != exitOK || slices.Contains(got, "Pitch") {
		t.Errorf("no --map: exit %d stages %v", code, got)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--map", "nothere.csv=" + deals, contacts, dealsCSV}, "nothere.csv is not one of the FILEs (hubspot_contacts.csv, hubspot_deals.csv)"},
		{[]string{"--map", deals, "--map", deals, contacts, dealsCSV}, "say which file each maps: --map FILE=MAPPING"},
		{[]string{"--map", "hubspot_deals.csv=" + deals, "--map", dealsCSV + "=" + deals, contacts, dealsCSV}, "hubspot_deals.csv is mapped already"},
	} {
		_, code, errs := stagesOf(tc.args...)
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, errs, tc.want)
		}
	}
}
