package loaders

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

const fx = "../testdata/loaders/"

func load(t *testing.T, file string, opt Options) *model.Dataset {
	t.Helper()
	ds, err := LoadFile(fx+file, opt)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	ld := ds.Load
	if ld.Read != ld.Used+ld.Skipped {
		t.Fatalf("%s: read %d != used %d + skipped %d", file, ld.Read, ld.Used, ld.Skipped)
	}
	return ds
}

func mustMap(t *testing.T, file string) *Mapping {
	t.Helper()
	m, err := ReadMapping(fx + file)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func hasDecision(ds *model.Dataset, sub string) bool {
	for _, d := range ds.Load.Decisions {
		if strings.Contains(d, sub) {
			return true
		}
	}
	return false
}

func day(s string) int32 {
	v, ok := parseDate([]byte(s))
	if !ok || v.Amb {
		panic(s)
	}
	return v.Day
}

// masks renders each record's reached mask as a bit string, stage 0 first.
func masks(ds *model.Dataset) string {
	var b strings.Builder
	for i, m := range ds.Reached {
		if i > 0 {
			b.WriteByte(' ')
		}
		for k := range ds.Stages {
			b.WriteByte('0' + byte(m>>k&1))
		}
	}
	return b.String()
}

func TestFixtures(t *testing.T) {
	cases := []struct {
		file, mapping string
		stages        string
		n             int
		masks         string
		decision      string
		dates, infer  bool
	}{
		{"hubspot_contacts.csv", "", "Lead,MQL,SQL,Opportunity,Customer", 5, "11111 11110 10000 11000 11100", "Lifecycle Stage read as the current stage (HubSpot lifecycle stages order)", true, false},
		{"hubspot_deals.csv", "", "Appointment Scheduled,Qualified To Buy,Presentation Scheduled,Decision Maker Bought-In,Contract Sent,Won", 4,
			"111111 111110 100000 110000", "Deal Stage read as the current stage (HubSpot deal stages order)", true, true},
		// Lead Status is the current stage (Salesforce's lead statuses), Converted the outcome.
		{"salesforce_leads.csv", "", "Open - Not Contacted,Working - Contacted,Converted", 4, "111 110 100 111", "ignored 5 report footer lines from line 7", true, true},
		{"salesforce_opportunities.csv", "", "Prospecting,Qualification,Needs Analysis,Value Proposition,Id. Decision Makers,Perception Analysis,Proposal/Price Quote,Negotiation/Review,Won", 4,
			"111111111 111111100 100000000 110000000", "ignored 3 report footer lines", true, true},
		{"pipedrive_deals.csv", "", "Qualified,Contact Made,Demo Scheduled,Proposal Made,Negotiations Started,Security Review,Won", 4,
			"1111111 1110000 1100000 1111110", `"Security Review" not in it, placed after Negotiations Started`, true, true},
		{"excel_semicolon_1252.csv", "", "Lead,MQL,Won", 4, "110 111 100 111", `the first line "sep=;" sets the separator`, true, false},
		{"utf16le.csv", "", "Lead,MQL,SQL", 3, "111 100 110", "UTF-16 little-endian (Excel Unicode text), tab-separated, CRLF", true, false},
		{"utf16be.csv", "", "Lead,MQL,SQL", 3, "111 100 110", "UTF-16 big-endian, tab-separated", true, false},
		{"mac_cr_pipe.csv", "", "Lead,MQL", 3, "11 10 11", "pipe-separated, CR line endings", true, false},
		{"messy_headers.csv", "", "Lead,MQL", 3, "11 10 11", `column 5 repeats the header "notes"; called it "notes (2)"`, true, false},
		{"dmy_dates.csv", "", "Lead,MQL", 4, "11 10 11 11", `dates in "created" read as DD/MM/YYYY (1 values had a day > 12)`, true, false},
		{"mdy_ambiguous.csv", "", "Lead,MQL", 2, "11 10", "US month-first was assumed", true, false},
		{"excel_serial_dates.csv", "", "Lead,MQL", 3, "11 10 11", `dates in "created" read as Excel serial numbers`, true, false},
		{"month_names.csv", "", "Lead,MQL", 2, "11 10", `dates in "mql_date" read as month names`, true, false},
		{"history_log.csv", "", "Lead,MQL,SQL,Won", 3, "1111 1100 1000", "1 records moved backward or re-entered a stage", true, false},
		{"flags.csv", "flags.yaml", "Lead,Qualified,Converted,Won", 4, "1111 1100 1110 1000", "come from yes/no flags without dates", false, false},
		{"custom_current_stage.csv", "custom_current_stage.yaml", "Intro,Demo,Proposal,Won", 3, "1100 1111 1000", "given mapping (current-stage shape)", true, true},
		{"custom_current_stage.csv", "custom_current_stage.toml", "Intro,Demo,Proposal,Won", 3, "1100 1111 1000", "given mapping (current-stage shape)", true, true},
		{"flags.csv", "flags.toml", "Lead,Qualified,Converted,Won", 4, "1111 1100 1110 1000", "come from yes/no flags without dates", false, false},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			opt := Options{}
			if c.mapping != "" {
				opt.Mapping = mustMap(t, c.mapping)
			}
			ds := load(t, c.file, opt)
			if got := strings.Join(ds.Stages, ","); got != c.stages {
				t.Errorf("stages %q, want %q", got, c.stages)
			}
			if ds.Len() != c.n || ds.Load.Skipped != 0 {
				t.Errorf("records %d used %d, want %d", ds.Len(), ds.Load.Used, c.n)
			}
			if got := masks(ds); got != c.masks {
				t.Errorf("reached %q, want %q", got, c.masks)
			}
			if !hasDecision(ds, c.decision) {
				t.Errorf("no decision containing %q in\n%s", c.decision, strings.Join(ds.Load.Decisions, "\n"))
			}
			if ds.HasDates != c.dates || ds.DatesInferred != c.infer {
				t.Errorf("HasDates %v DatesInferred %v, want %v %v", ds.HasDates, ds.DatesInferred, c.dates, c.infer)
			}
		})
	}
}

func TestFixtureValues(t *testing.T) {
	ds := load(t, "excel_semicolon_1252.csv", Options{})
	if ds.Dim("Firma").Value(2) != "Café Zürich" || ds.Amount[1] != 123456 || ds.Amount[3] != 250000 || ds.Currency != "EUR" {
		t.Errorf("firma %q amounts %v currency %q", ds.Dim("Firma").Value(2), ds.Amount, ds.Currency)
	}
	if ds.Days[0][2] != day("2024-01-15") || ds.Exit[1] != model.ExitWon || ds.ExitDay[1] != day("2024-02-20") {
		t.Errorf("days %v exit %v", ds.Days[0], ds.Exit)
	}
	ds = load(t, "excel_serial_dates.csv", Options{})
	// Serial 45292 is 2024-01-01 (Excel counts from 1899-12-30).
	if ds.Days[0][0] != day("2024-01-01") || ds.Days[1][0] != day("2024-01-02") || ds.Amount[0] != 120000 {
		t.Errorf("serial days %v %v amounts %v", ds.Days[0], ds.Days[1], ds.Amount)
	}
	ds = load(t, "salesforce_opportunities.csv", Options{})
	if want := []int64{1200000, 800000, -450050, 95000}; !equal(ds.Amount, want) {
		t.Errorf("amounts %v, want %v", ds.Amount, want)
	}
	if ds.Exit[2] != model.ExitLost || ds.ExitDay[2] != day("2024-03-01") || ds.Probability[1] != 75 || ds.Currency != "USD" {
		t.Errorf("exit %v day %v prob %v", ds.Exit, ds.ExitDay, ds.Probability)
	}
	ds = load(t, "pipedrive_deals.csv", Options{})
	if ds.Days[0][0] != day("2021-04-15") || ds.Days[6][0] != day("2021-05-20") || ds.Reason.Value(2) != "No budget" {
		t.Errorf("pipedrive days %v %v reason %q", ds.Days[0], ds.Days[6], ds.Reason.Value(2))
	}
	ds = load(t, "messy_headers.csv", Options{})
	if v := ds.Dim("notes").Value(0); v != "first line\nsecond line" || ds.Dim("notes").Value(1) != `said "hi"` {
		t.Errorf("embedded newline/quote: %q", v)
	}
	ds = load(t, "history_log.csv", Options{})
	// H1 went Lead, MQL, SQL, back to MQL, SQL again, Won: first-reach days kept.
	if ds.Days[2][0] != day("2024-01-10") || ds.Exit[1] != model.ExitLost || ds.ExitDay[1] != day("2024-01-08") || ds.Exit[0] != model.ExitWon {
		t.Errorf("history days %v exits %v", ds.Days[2], ds.Exit)
	}
	ds = load(t, "hubspot_contacts.csv", Options{})
	if ds.Days[0][3] != day("2024-02-02") || ds.Exit[2] != model.ExitDisqualified || ds.Exit[0] != model.ExitWon {
		t.Errorf("lead day falls back to Create Date: %v, exits %v", ds.Days[0], ds.Exit)
	}
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestJoinContactsAndDeals(t *testing.T) {
	ds, err := LoadFiles(context.Background(), []string{fx + "hubspot_contacts.csv", fx + "hubspot_deals.csv"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Lead,MQL,SQL,Opportunity,Appointment Scheduled,Qualified To Buy,Presentation Scheduled,Decision Maker Bought-In,Contract Sent,Won"
	if got := strings.Join(ds.Stages, ","); got != want {
		t.Fatalf("stages %q", got)
	}
	// 3 of 4 deals match contacts 101, 102, 105 by contact id; 9004 names contact 999.
	if !hasDecision(ds, "joined hubspot_deals.csv to hubspot_contacts.csv by Associated Contact IDs = Contact ID: 3 of 4 deals matched a lead (75.0%); 1 unmatched") {
		t.Errorf("decisions:\n%s", strings.Join(ds.Load.Decisions, "\n"))
	}
	ld := ds.Load
	if ld.Read != 9 || ld.Used != 8 || ld.Skipped != 1 || ld.Read != ld.Used+ld.Skipped {
		t.Errorf("load %d/%d/%d", ld.Read, ld.Used, ld.Skipped)
	}
	if got := masks(ds); got != "1111111111 1111111110 1000000000 1100000000 1110100000" {
		t.Errorf("masks %s", got)
	}
	if ds.Exit[4] != model.ExitLost || ds.Reason.Value(4) != "Price" || ds.Amount[0] != 1200000 {
		t.Errorf("exit %v reason %q amount %v", ds.Exit, ds.Reason.Value(4), ds.Amount)
	}
}

func TestJoinByEmail(t *testing.T) {
	ds, err := LoadFiles(context.Background(), []string{fx + "salesforce_leads.csv", fx + "pipedrive_deals.csv"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// ana, ben and cai are leads; eve is not.
	if !hasDecision(ds, "by Person - Email = Email: 3 of 4 deals matched a lead (75.0%)") {
		t.Errorf("decisions:\n%s", strings.Join(ds.Load.Decisions, "\n"))
	}
}

func TestPresetOverride(t *testing.T) {
	if _, err := LoadFile(fx+"hubspot_contacts.csv", Options{Preset: PresetHubSpotDeals}); err == nil ||
		!strings.Contains(err.Error(), "missing required column") {
		t.Fatalf("forcing the deals preset on contacts: %v", err)
	}
	ds := load(t, "history_log.csv", Options{Preset: PresetHistory})
	if ds.Len() != 3 {
		t.Fatal(ds.Len())
	}
	if _, err := LoadFile(fx+"history_log.csv", Options{Preset: "nope"}); err == nil || !strings.Contains(err.Error(), "hubspot-contacts") {
		t.Fatalf("unknown preset: %v", err)
	}
}

func TestProgressAndCancel(t *testing.T) {
	var last, total int64
	calls := 0
	files := []string{fx + "hubspot_contacts.csv", fx + "hubspot_deals.csv"}
	_, err := LoadFiles(context.Background(), files, Options{Progress: func(r, t int64) {
		if r < last || r > t {
			t0 := t
			panic(fmt.Sprintf("progress went from %d to %d of %d", last, r, t0))
		}
		last, total = r, t
		calls++
	}})
	if err != nil || calls < 4 || last != total || total != fileSize(files[0])+fileSize(files[1]) {
		t.Fatalf("progress %d/%d in %d calls, err %v", last, total, calls, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := LoadFiles(ctx, []string{fx + "hubspot_contacts.csv"}, Options{}); err != context.Canceled {
		t.Fatalf("cancelled load: %v", err)
	}
}

func TestJoinWithPresetForFirstFile(t *testing.T) {
	files := []string{fx + "hubspot_contacts.csv", fx + "hubspot_deals.csv"}
	ds, err := LoadFiles(context.Background(), files, Options{Preset: PresetHubSpotContacts,
		Stages: []string{"L", "M", "S", "O", "A", "Q", "P", "D", "C", "W"}})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Stages[9] != "W" || !hasDecision(ds, "hubspot_deals.csv: the given preset or mapping does not fit this file") {
		t.Fatalf("stages %v decisions\n%s", ds.Stages, strings.Join(ds.Load.Decisions, "\n"))
	}
}
