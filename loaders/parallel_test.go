package loaders

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model/demo"
)

// The two-core split must give exactly the sequential result.
func TestParallelMatchesSequential(t *testing.T) {
	quoted := "lead_id,created,notes,amount,mql_date\n"
	for i := 0; i < 3000; i++ {
		note := "plain"
		switch i % 5 {
		case 1:
			note = "\"two\nlines\""
		case 2:
			note = "\"says \"\"hi\"\", ok\""
		}
		mql := ""
		if i%3 == 0 {
			mql = fmt.Sprintf("%02d/%02d/2024", i%28+1, i%12+1)
		}
		quoted += fmt.Sprintf("Q%d,%02d/%02d/2024,%s,\"$%d,%03d.50\",%s\r\n", i, i%12+1, i%28+1, note, i%50, i%1000, mql)
	}
	quoted += "Q-bad,2024-13-01,x,1,\n"
	inputs := map[string]string{
		"demo":   demo.LeadsCSV(demo.Generate(demo.Options{Rows: 3000, Seed: 5})),
		"quoted": quoted,
		"bare":   strings.Replace(quoted, "plain", `5" screen`, 1),
	}
	old := chunkSize
	defer func() { chunkSize = old }()
	for name, in := range inputs {
		chunkSize = 1 << 30
		seq, err := LoadBytes(context.Background(), []byte(in), name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		chunkSize = 61 // cuts inside fields, quotes, CRLFs and multi-byte runes
		par, err := LoadBytes(context.Background(), []byte(in), name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range append(seq.Dims, seq.Reason) {
			d.Freeze()
		}
		for _, d := range append(par.Dims, par.Reason) {
			d.Freeze()
		}
		if !reflect.DeepEqual(seq, par) {
			t.Errorf("%s: parallel load differs from sequential:\nseq %+v\npar %+v", name, seq.Load, par.Load)
		}
	}
}

// TestBatchedLookupsKeepOrder loads a file whose company column outgrows
// the batch threshold, on one core and on two, and checks every record's
// company against the generator's.
func TestBatchedLookupsKeepOrder(t *testing.T) {
	src := demo.Generate(demo.Options{Rows: 60_000, Seed: 3})
	var buf bytes.Buffer
	if err := demo.WriteLeadsCSV(&buf, src); err != nil {
		t.Fatal(err)
	}
	want := src.Dim("company")
	if want.Cardinality() < 2*batchFrom {
		t.Fatalf("only %d companies: the test needs more than %d", want.Cardinality(), 2*batchFrom)
	}
	for _, min := range []int{1 << 30, 1 << 10} {
		old := chunkSize
		chunkSize = min
		ds, err := LoadBytes(context.Background(), append([]byte(nil), buf.Bytes()...), "leads.csv", Options{})
		chunkSize = old
		if err != nil {
			t.Fatal(err)
		}
		got := ds.Dim("company")
		for i := range ds.Len() {
			if got.Value(i) != want.Value(i) {
				t.Fatalf("chunkSize %d: record %d company %q, want %q", min, i, got.Value(i), want.Value(i))
			}
		}
	}
}
