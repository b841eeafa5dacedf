package loaders

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

// The last-modified role from the name: the CRMs' spellings are a record's
// last change; last activity, next step, by-whom and previous-value
// columns are not.
func TestModifiedScore(t *testing.T) {
	for h, want := range map[string]bool{
		"LastModifiedDate": true, "SystemModstamp": true, "Last Modified Date": true, "Update time": true,
		"Modified Time": true, "updated_at": true, "Date Modified": true, "Last Updated": true, "last_edited_time": true,
		"Fecha de modificación": true,
		"LastActivityDate":      false, "Last Activity Date": false, "Next Step Date": false, "Next Activity Date": false,
		"LastModifiedById": false, "Last Modified By": false, "PrevForecastUpdate": false, "LastStageChangeDate": false,
		"Stage Last Updated": false, "CreatedDate": false, "CloseDate": false, "changed_at": false, "Latest Source Timestamp": false,
	} {
		if got := modifiedScore(nameWords(h)) > 0; got != want {
			t.Errorf("%s: %v, want %v", h, got, want)
		}
	}
	// A user's last change is preferred to the system's stamp.
	if modifiedScore(nameWords("LastModifiedDate")) <= modifiedScore(nameWords("SystemModstamp")) {
		t.Error("SystemModstamp scores at least LastModifiedDate")
	}
}

func TestModifiedRole(t *testing.T) {
	const head = "Id,StageName,CreatedDate,CloseDate,"
	rows := func(mod ...string) string {
		var b strings.Builder
		for i, m := range mod {
			b.WriteString([]string{"1", "2", "3", "4", "5", "6"}[i] + ",Prospecting,2024-01-0" + string(rune('1'+i)) + ",2024-06-01," + m + "\n")
		}
		return b.String()
	}
	good := []string{"2024-02-01 10:00:00", "2024-02-02 10:00:00", "2024-01-03 09:00:00", "2024-03-01 08:00:00", "2024-01-05 00:00:00", "2024-02-09 11:00:00"}
	for _, h := range []string{"LastModifiedDate", "Last Modified Date", "Update time", "Modified Time", "updated_at", "SystemModstamp"} {
		ds := loadText(t, "o.csv", head+h+"\n"+rows(good...))
		if !strings.HasPrefix(roleOf(ds, h), "last modified") || ds.Load.Mappings[0].Modified != h {
			t.Errorf("%s: role %q, mapping %q", h, roleOf(ds, h), ds.Load.Mappings[0].Modified)
		}
		if !hasDecision(ds, h+" as the last change") {
			t.Errorf("%s: not said: %q", h, ds.Load.Decisions)
		}
	}
	// Both Salesforce columns: the user's last change.
	ds := loadText(t, "o.csv", head+"SystemModstamp,LastModifiedDate\n1,Prospecting,2024-01-01,2024-06-01,2024-02-02,2024-02-01\n2,Prospecting,2024-01-02,2024-06-01,2024-02-03,2024-02-02\n")
	if m := ds.Load.Mappings[0].Modified; m != "LastModifiedDate" {
		t.Errorf("modified %q, want LastModifiedDate", m)
	}
	// A future next-step date and a last-activity date are not the clock,
	// even when they are after the entry date.
	for _, h := range []string{"Next Step Date", "Last Activity Date", "LastActivityDate"} {
		ds := loadText(t, "o.csv", head+h+"\n"+rows(good...))
		if ds.Load.Mappings[0].Modified != "" || strings.HasPrefix(roleOf(ds, h), "last modified") {
			t.Errorf("%s read as the last change", h)
		}
	}
	// Named like it but before the entry date on many rows: not the
	// records' last change (a migration stamp, another object's date), and said.
	bad := []string{"2023-02-01", "2023-02-02", "2024-01-03", "2023-03-01", "2024-01-05", "2023-02-09"}
	ds = loadText(t, "o.csv", head+"LastModifiedDate\n"+rows(bad...))
	if ds.Load.Mappings[0].Modified != "" || roleOf(ds, "LastModifiedDate") != "" {
		t.Errorf("taken: %q", ds.Load.Mappings[0].Modified)
	}
	if !hasDecision(ds, "LastModifiedDate looks like the records' last change, but it is before CreatedDate (the entry date) on 4 of 6 sampled rows; not used") {
		t.Errorf("not said: %q", ds.Load.Decisions)
	}
	// No entry date to check it against: not taken.
	ds = loadText(t, "o.csv", "Id,StageName,CloseDate,LastModifiedDate\n1,Prospecting,2024-06-01,2024-02-01\n2,Closed Won,2024-06-01,2024-02-01\n")
	if ds.Load.Mappings[0].Modified != "" {
		t.Errorf("taken with no entry date")
	}
}

// A close after the record's last change is taken as closed on its last
// change; exits and counts stay, the as-of (LatestDay) follows.
func TestClampToModified(t *testing.T) {
	text := "Id,StageName,IsClosed,IsWon,CreatedDate,CloseDate,LastModifiedDate\n" +
		"1,Closed Lost,1,0,2024-01-01,2024-12-15,2024-03-01 10:00:00\n" + // planned close, never updated
		"2,Closed Lost,1,0,2024-01-02,2024-02-01,2024-03-01 10:00:00\n" + // closed before its last change: kept
		"3,Closed Won,1,1,2024-01-03,2024-11-30,2024-04-02 09:00:00\n" + // won: its won day moves too
		"4,Prospecting,0,0,2024-01-04,2024-12-31,2024-04-01 09:00:00\n" + // open: its close date is an expected one
		"5,Closed Lost,1,0,2024-01-05,2024-10-01,\n" // no last change: kept
	ds := loadText(t, "o.csv", text)
	want := []string{"2024-03-01", "2024-02-01", "2024-04-02", "", "2024-10-01"}
	for i, w := range want {
		got := ""
		if d := ds.ExitDay[i]; d != model.NoDay {
			got = model.DayString(d)
		}
		if got != w {
			t.Errorf("record %d: exit day %q, want %q", i+1, got, w)
		}
	}
	if e := exits(ds); e != "lost lost won open lost" {
		t.Errorf("exits %s", e)
	}
	last := len(ds.Stages) - 1
	if ds.Stages[last] != "Won" || model.DayString(ds.Days[last][2]) != "2024-04-02" {
		t.Errorf("won stage day %s", model.DayString(ds.Days[last][2]))
	}
	if d, _ := ds.LatestDay(); model.DayString(d) != "2024-10-01" {
		t.Errorf("latest day %s, want 2024-10-01 (record 5 has no last change)", model.DayString(d))
	}
	const line = "o.csv: 2 closed records are dated after their last change (LastModifiedDate), 2 of them after the data's latest change (2024-04-02): planned close dates; each is taken as closed on its last change"
	if !hasDecision(ds, line) {
		t.Errorf("decisions %q", ds.Load.Decisions)
	}
	// One record, before the data's latest change.
	ds = loadText(t, "o.csv", "Id,StageName,IsClosed,IsWon,CreatedDate,CloseDate,LastModifiedDate\n"+
		"1,Closed Lost,1,0,2024-01-01,2024-03-15,2024-03-01\n2,Prospecting,0,0,2024-01-02,,2024-05-01\n")
	if !hasDecision(ds, "o.csv: 1 closed record is dated after its last change (LastModifiedDate): a planned close date; it is taken as closed on its last change") {
		t.Errorf("decisions %q", ds.Load.Decisions)
	}
	// A last change before one of the record's own stage dates is not
	// trusted: it bounds nothing (the mapping gives the role: the
	// inference would not take a column before the entry date on a third of the rows).
	m := *ds.Load.Mappings[0]
	ds, err := Load(strings.NewReader("Id,StageName,IsClosed,IsWon,CreatedDate,CloseDate,LastModifiedDate\n"+
		"1,Closed Lost,1,0,2024-01-01,2024-06-01,2024-03-01\n2,Closed Lost,1,0,2024-01-02,2024-06-01,2024-03-01\n"+
		"3,Closed Lost,1,0,2024-04-02,2024-06-01,2024-03-01\n"), "o.csv", Options{Mapping: &m})
	if err != nil {
		t.Fatal(err)
	}
	if model.DayString(ds.ExitDay[2]) != "2024-06-01" || model.DayString(ds.ExitDay[0]) != "2024-03-01" {
		t.Errorf("exit days %s %s", model.DayString(ds.ExitDay[0]), model.DayString(ds.ExitDay[2]))
	}
}

// The mapping's modified field: read, written by funnel init in YAML and
// TOML, and cleared by a mapping without it (no close moves).
func TestModifiedMappingRoundTrip(t *testing.T) {
	text := "Id,StageName,IsClosed,IsWon,CreatedDate,CloseDate,Last Modified Date\n" +
		"1,Closed Lost,1,0,2024-01-01,2024-12-15,2024-03-01\n2,Prospecting,0,0,2024-01-02,2024-12-31,2024-03-02\n"
	dir := t.TempDir()
	csv := filepath.Join(dir, "deals.csv")
	if err := os.WriteFile(csv, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	auto, err := LoadFile(csv, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []MappingFormat{FormatYAML, FormatTOML} {
		b, err := StarterMapping(context.Background(), csv, f)
		if err != nil {
			t.Fatal(err)
		}
		key := map[MappingFormat]string{FormatYAML: "modified: Last Modified Date", FormatTOML: "modified = 'Last Modified Date'"}[f]
		if !strings.Contains(string(b), key) || !strings.Contains(string(b), "Last Modified Date (date YYYY-MM-DD): last modified (the record's last change)") {
			t.Errorf("%s starter does not write the role:\n%s", f, b)
		}
		p := filepath.Join(dir, "m."+string(f))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := ReadMapping(p)
		if err != nil || m.Modified != "Last Modified Date" {
			t.Fatalf("%s: read back %v, modified %q", f, err, m.Modified)
		}
		given, err := LoadFile(csv, Options{Mapping: m})
		if err != nil {
			t.Fatal(err)
		}
		a, g := *auto, *given
		a.Load, g.Load = model.LoadInfo{}, model.LoadInfo{}
		if !reflect.DeepEqual(a, g) {
			t.Errorf("%s: the mapped load differs", f)
		}
		if model.DayString(given.ExitDay[0]) != "2024-03-01" {
			t.Errorf("%s: exit day %s", f, model.DayString(given.ExitDay[0]))
		}
		// Cleared: the close date stands.
		m.Modified = ""
		cleared, err := LoadFile(csv, Options{Mapping: m})
		if err != nil {
			t.Fatal(err)
		}
		if model.DayString(cleared.ExitDay[0]) != "2024-12-15" || hasDecision(cleared, "last change") {
			t.Errorf("%s: cleared mapping still clamps: %s", f, model.DayString(cleared.ExitDay[0]))
		}
	}
	// A mapping naming a column that is not there is a located error.
	m := *auto.Load.Mappings[0]
	m.Modified = "Updated"
	if _, err := LoadFile(csv, Options{Mapping: &m}); err == nil || !strings.Contains(err.Error(), `"Updated" (the last modified)`) {
		t.Errorf("err %v", err)
	}
}
