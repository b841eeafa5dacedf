package loaders

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
)

// loadWays loads in the three ways a body can be cut: whole (one range),
// from memory in tiny chunks, and streamed from a file in tiny chunks.
func loadWays(t testing.TB, in []byte) (whole, mem, file *model.Dataset, errs [3]error) {
	oldChunk, oldMin := chunkSize, streamMin
	defer func() { chunkSize, streamMin = oldChunk, oldMin }()
	chunkSize = 1 << 30
	whole, errs[0] = LoadBytes(context.Background(), append([]byte(nil), in...), "in.csv", Options{})
	chunkSize = 61 // cuts inside fields, quotes, CRLFs and multi-byte runes
	mem, errs[1] = LoadBytes(context.Background(), append([]byte(nil), in...), "in.csv", Options{})
	path := filepath.Join(t.TempDir(), "in.csv")
	if err := os.WriteFile(path, in, 0o644); err != nil {
		t.Fatal(err)
	}
	streamMin = 0
	file, errs[2] = LoadFiles(context.Background(), []string{path}, Options{})
	return
}

func freeze(ds *model.Dataset) {
	if ds == nil {
		return
	}
	for _, d := range append(ds.Dims, ds.Reason) {
		d.Freeze()
	}
}

// Streaming a file in chunks must give exactly what loading it whole
// gives: columns, decisions, problems and their lines.
func TestStreamedMatchesWhole(t *testing.T) {
	var quoted strings.Builder
	quoted.WriteString("lead_id,created,notes,amount,mql_date,company\r\n")
	for i := 0; i < 800; i++ {
		note := "plain é"
		switch i % 5 {
		case 1:
			note = "\"two\nlines\""
		case 2:
			note = "\"says \"\"hi\"\", ok\""
		case 3:
			note = "\"\"" // empty quoted
		}
		mql := ""
		if i%3 == 0 {
			mql = fmt.Sprintf("%02d/%02d/2024", i%28+1, i%12+1)
		}
		fmt.Fprintf(&quoted, "Q%d,%02d/%02d/2024,%s,\"$%d,%03d.50\",%s,Co%d ✓\r\n", i, i%12+1, i%28+1, note, i%50, i%1000, mql, i%300)
		if i%97 == 0 {
			quoted.WriteString("Q-bad,2024-13-01,x,1,,\r\n\r\n")
		}
	}
	inputs := map[string]string{
		"demo":     demo.LeadsCSV(demo.Generate(demo.Options{Rows: 2000, Seed: 5})),
		"quoted":   quoted.String(),
		"lenient":  strings.Replace(quoted.String(), "plain é", `5" screen`, 1),
		"lone-cr":  strings.ReplaceAll(strings.ReplaceAll(quoted.String(), "\r\n", "\r"), "\"two\nlines\"", "\"two\rlines\""),
		"no-final": strings.TrimRight(quoted.String(), "\r\n"),
		"bom":      "\xEF\xBB\xBF" + demo.LeadsCSV(demo.Generate(demo.Options{Rows: 300, Seed: 2})),
		"nul":      strings.Replace(quoted.String(), "Co7 ✓", "Co\x007 ✓", 3),
		"cp1252":   strings.ReplaceAll(quoted.String(), "é", "\xe9"),
		"history":  "record_id,stage,changed_at\n1,Lead,2024-01-01\n1,Won,02/01/2024\n2,Lead,2024-01-03\n",
	}
	for name, in := range inputs {
		whole, mem, file, errs := loadWays(t, []byte(in))
		if errs[0] != nil {
			t.Fatalf("%s: %v", name, errs[0])
		}
		for i, ds := range []*model.Dataset{mem, file} {
			if errs[i+1] != nil {
				t.Fatalf("%s way %d: %v", name, i+1, errs[i+1])
			}
			freeze(whole)
			freeze(ds)
			checkDayRange(t, ds)
			if !reflect.DeepEqual(whole, ds) {
				t.Errorf("%s: way %d differs from the whole load:\nwhole %+v\ngot   %+v", name, i+1, whole.Load, ds.Load)
			}
		}
	}
}

// Errors are the same, located the same, however the body is cut.
func TestStreamedErrorsMatchWhole(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("lead_id,created,mql_date\n")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, "L%d,2024-01-%02d,\n", i, i%28+1)
	}
	base := b.String()
	inputs := map[string]string{
		"unterminated": base + "L9,\"2024-01-01,\nL10,2024-01-02,\n",
		"binary-nul":   base + "L9,2024-01-01,\x00\x01\x02\n",
		"ragged":       base + strings.Repeat("a,b\n", 400),
	}
	for name, in := range inputs {
		_, _, _, errs := loadWays(t, []byte(in))
		if errs[0] == nil {
			t.Fatalf("%s: no error", name)
		}
		for i := 1; i < 3; i++ {
			if errs[i] == nil || errs[i].Error() != errs[0].Error() {
				t.Errorf("%s way %d: error %v, want %v", name, i, errs[i], errs[0])
			}
		}
	}
}

// FuzzChunkedMatchesWhole: a body cut into tiny chunks (record ends,
// quotes, line numbers found per chunk) loads exactly as the whole body:
// the same dataset or the same error.
func FuzzChunkedMatchesWhole(f *testing.F) {
	seedFixtures(f, "*.csv")
	f.Add([]byte("id,created\n1,\"2024-01-01\"\r\n2,\"x\"\"y\"\r3,2024-01-02"))
	f.Add([]byte("id,created,n\n1,2024-01-01,\"a\nb\"\n2,2024-01-02,5\" x\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		oldChunk := chunkSize
		defer func() { chunkSize = oldChunk }()
		chunkSize = 1 << 30
		whole, err0 := LoadBytes(context.Background(), append([]byte(nil), b...), "fuzz.csv", Options{})
		chunkSize = 7
		cut, err1 := LoadBytes(context.Background(), append([]byte(nil), b...), "fuzz.csv", Options{})
		if (err0 == nil) != (err1 == nil) || (err0 != nil && err0.Error() != err1.Error()) {
			t.Fatalf("errors differ: whole %v, chunked %v", err0, err1)
		}
		if err0 != nil {
			return
		}
		freeze(whole)
		freeze(cut)
		if !reflect.DeepEqual(whole, cut) {
			t.Fatalf("chunked load differs:\nwhole %+v\ncut   %+v", whole.Load, cut.Load)
		}
	})
}

// checkDayRange compares the day range the loader recorded with one
// worked out from copies of the columns.
func checkDayRange(t *testing.T, ds *model.Dataset) {
	t.Helper()
	lo, hi, ok := ds.DayRange()
	cp := *ds
	cp.Days = nil
	for _, c := range ds.Days {
		cp.Days = append(cp.Days, append([]int32(nil), c...))
	}
	if l, h, o := cp.DayRange(); l != lo || h != hi || o != ok {
		t.Fatalf("recorded day range %d..%d %v, columns say %d..%d %v", lo, hi, ok, l, h, o)
	}
}

// Every real export (and every fixture) loads the same streamed in tiny
// chunks from its file as loaded whole.
func TestStreamedRealExports(t *testing.T) {
	files, _ := filepath.Glob(fx + "*.csv")
	if dir := realDir(); dir != "" {
		more, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
		files = append(files, more...)
	}
	oldChunk, oldMin := chunkSize, streamMin
	defer func() { chunkSize, streamMin = oldChunk, oldMin }()
	for _, p := range files {
		streamMin, chunkSize = 1<<62, 1<<30
		whole, err0 := LoadFiles(context.Background(), []string{p}, Options{})
		streamMin, chunkSize = 0, 997
		got, err1 := LoadFiles(context.Background(), []string{p}, Options{})
		if (err0 == nil) != (err1 == nil) || (err0 != nil && err0.Error() != err1.Error()) {
			t.Errorf("%s: errors differ: whole %v, streamed %v", p, err0, err1)
			continue
		}
		if err0 != nil {
			continue
		}
		freeze(whole)
		freeze(got)
		if !reflect.DeepEqual(whole, got) {
			t.Errorf("%s: streamed load differs:\nwhole %+v\ngot   %+v", p, whole.Load.Decisions, got.Load.Decisions)
		}
	}
	t.Logf("%d files", len(files))
}
