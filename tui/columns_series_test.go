package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshotFiles writes two exports of the same deals a month apart (read
// as a series: the funnel is the later one's).
func snapshotFiles(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"deals-2024-01-01.csv": "Id,StageName,CreatedDate,Amount\n" +
			"1,Prospecting,2023-12-01,100\n2,Qualification,2023-12-05,200\n3,Prospecting,2023-12-10,300\n",
		"deals-2024-02-01.csv": "Id,StageName,CreatedDate,Amount\n" +
			"1,Negotiation/Review,2023-12-01,100\n2,Qualification,2023-12-05,250\n4,Prospecting,2024-01-20,400\n",
	}
	var out []string
	for _, name := range []string{"deals-2024-01-01.csv", "deals-2024-02-01.csv"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// On snapshots of one object the column screen lists the stages once,
// those of the latest snapshot the funnel reads, so the list and the
// Funnel line cannot disagree; an earlier snapshot says whose they are.
func TestColumnScreenSnapshotsListTheFunnelsStages(t *testing.T) {
	a := columnsApp(t, 120, 80, snapshotFiles(t)...)
	press(a, ch('C'))
	out := screen(a)
	if n := strings.Count(out, "Stages, top first"); n != 1 {
		t.Fatalf("%d stage lists, want the latest snapshot's only:\n%s", n, out)
	}
	if !strings.Contains(out, "Stages: as in deals-2024-02-01.csv, the latest snapshot") {
		t.Fatalf("the earlier snapshot does not say whose stages the funnel reads:\n%s", out)
	}
	if i, j := strings.Index(out, "▾ deals-2024-02-01.csv"), strings.Index(out, "Stages, top first"); i < 0 || j < i {
		t.Fatalf("the stage list is not under the latest snapshot:\n%s", out)
	}
}

// The column screen opens with the first file's heading in view, and a
// window too short for the list says what is below it.
func TestColumnScreenShowsHeadingAndWhatIsBelow(t *testing.T) {
	a := columnsApp(t, 60, 15, snapshotFiles(t)...)
	press(a, ch('C'))
	out := screen(a)
	if !strings.Contains(out, "▾ deals-2024-01-01.csv") {
		t.Fatalf("the first file's heading is scrolled off:\n%s", out)
	}
	if !strings.Contains(out, "↓ ") || !strings.Contains(out, "more rows (j, pgdn): the stage") {
		t.Fatalf("no word of the rows below:\n%s", out)
	}
	checkWidth(t, out, 60)
}
