package loaders

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Two exports of the same deals a month apart are one object over time:
// the later one is the funnel, a stage a deal moved to between them is
// dated by the later export's date, a deal only in the earlier one is
// skipped and listed; the file order does not matter.
func TestSnapshotsReadAsASeries(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"deals-2024-01-01.csv": "Id,StageName,CreatedDate,Amount\n" +
			"1,Prospecting,2023-12-01,100\n2,Qualification,2023-12-05,200\n3,Prospecting,2023-12-10,300\n",
		"deals-2024-02-01.csv": "Id,StageName,CreatedDate,Amount\n" +
			"1,Negotiation/Review,2023-12-01,100\n2,Qualification,2023-12-05,250\n4,Prospecting,2024-01-20,400\n",
	})
	a, b := filepath.Join(dir, "deals-2024-01-01.csv"), filepath.Join(dir, "deals-2024-02-01.csv")
	for _, files := range [][]string{{a, b}, {b, a}} {
		ds, err := LoadFiles(context.Background(), files, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ld := ds.Load
		if ds.Len() != 3 || ld.Read != 6 || ld.Used != 5 || ld.Skipped != 1 {
			t.Fatalf("records %d, rows %d = %d + %d", ds.Len(), ld.Read, ld.Used, ld.Skipped)
		}
		if len(ld.Snapshots) != 1 || ld.Snapshots[0].Both != 2 || ld.Snapshots[0].Dropped != 1 || ld.Snapshots[0].New != 1 || ld.Snapshots[0].Changed != 1 {
			t.Fatalf("snapshots %+v", ld.Snapshots)
		}
		if len(ld.Problems) != 1 || ld.Problems[0].Found != "3" || ld.Problems[0].Line != 4 || ld.Problems[0].File != "deals-2024-01-01.csv" {
			t.Fatalf("problems %+v", ld.Problems)
		}
		neg := ds.StageIndex("Negotiation/Review")
		if neg < 0 || ds.IDs.At(0) != "1" || ds.Days[neg][0] != model.DayFromCivil(2024, 2, 1) || ds.Deepest(0) != neg {
			t.Fatalf("deal 1: stages %v, deepest %d, days %v", ds.Stages, ds.Deepest(0), ds.Days)
		}
		if ds.Amount[1] != 25000 { // the latest state
			t.Fatalf("amounts %v", ds.Amount)
		}
		if len(ld.Notes) != 1 || len(ld.Joins) != 1 || ld.Joins[0].Kind != "snapshot" {
			t.Fatalf("notes %q joins %+v", ld.Notes, ld.Joins)
		}
	}
}

// Files that share an id column name but hold other objects (leads and
// deals: another stage column, ids that do not overlap) are not snapshots.
func TestNotSnapshots(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.csv": "Id,StageName,CreatedDate\n1,Prospecting,2023-12-01\n2,Qualification,2023-12-05\n",
		"b.csv": "Id,StageName,CreatedDate\n7,Prospecting,2023-12-01\n8,Qualification,2023-12-05\n",
		"c.csv": "Id,Status,CreatedDate\n1,Open - Not Contacted,2023-12-01\n2,Working - Contacted,2023-12-05\n",
	})
	for _, pair := range [][2]string{{"a.csv", "b.csv"}, {"c.csv", "a.csv"}} {
		ds, err := LoadFiles(context.Background(), []string{filepath.Join(dir, pair[0]), filepath.Join(dir, pair[1])}, Options{})
		if err != nil {
			continue // joined as leads and deals, which these two cannot be
		}
		if len(ds.Load.Snapshots) != 0 {
			t.Errorf("%v read as snapshots: %+v", pair, ds.Load.Snapshots)
		}
	}
}
