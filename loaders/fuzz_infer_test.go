package loaders

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// tinyWorkbook is an .xlsx with a header, a date-formatted column and a
// styled empty header cell, built in memory.
func tinyWorkbook(t testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	rows := [][]any{{"ID", "Status", "ACV", "CloseDate"}, {"1", "Won", 1200, 45658}, {"2", "Lost", 800, 45659}, {"2", "Open", nil, 45700}}
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if v != nil {
				_ = f.SetCellValue(sh, ref, v)
			}
			if c == 3 && r > 0 {
				_ = f.SetCellStyle(sh, ref, ref, date)
			}
		}
	}
	_ = f.SetCellStyle(sh, "F1", "G1", bold) // styled, empty: not columns
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestXLSX(t *testing.T) {
	raw := tinyWorkbook(t)
	ds, err := LoadBytes(context.Background(), raw, "deals.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Load.Columns) != 4 || exits(ds) != "won lost open" || ds.ExitDay[0] != day("2025-01-01") || ds.Amount[0] != 120000 {
		t.Fatalf("columns %d exits %s exit days %v amounts %v\n%v", len(ds.Load.Columns), exits(ds), ds.ExitDay, ds.Amount, ds.Load.Decisions)
	}
	if _, err := LoadBytes(context.Background(), tinyWorkbook(t), "deals.xlsx", Options{Sheet: "Nope"}); err == nil {
		t.Fatal("a missing sheet loaded")
	}
	// A zip that is not a workbook is refused, located.
	var z bytes.Buffer
	w := zip.NewWriter(&z)
	fw, _ := w.Create("hello.txt")
	fw.Write([]byte("hi"))
	w.Close()
	if _, err := LoadBytes(context.Background(), z.Bytes(), "a.xlsx", Options{}); err == nil {
		t.Fatal("a plain zip loaded")
	}
}

// FuzzXLSX: hostile zips and workbooks either load or fail with an error;
// never a panic, and the limits hold.
func FuzzXLSX(f *testing.F) {
	good := tinyWorkbook(f)
	f.Add(good)
	f.Add(good[:len(good)/2])
	if b, err := os.ReadFile(filepath.Join(fx, "xlsx_renamed.csv")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<20 {
			return
		}
		ds, err := LoadBytes(context.Background(), append([]byte("PK\x03\x04"), b...), "fuzz.xlsx", Options{})
		if err == nil && ds.Load.Read != ds.Load.Used+ds.Load.Skipped {
			t.Fatalf("rows do not add up: %+v", ds.Load)
		}
		_, _, _ = xlsxToCSV("fuzz.xlsx", b, "")
	})
}

// FuzzInfer: any header and rows profile and infer without a panic, and
// a mapping inferred compiles against its header.
func FuzzInfer(f *testing.F) {
	seedFixtures(f, "*.csv")
	for _, p := range []string{"../testdata/realdata/sf-devorg-pbi__Opportunity.csv", "../testdata/realdata/sf-devorg-pbi__Lead.csv"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("id,stage,IsWon,IsClosed\n1,Closed: abandoned,0,0\n2,Won,1,1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text := append([]byte(nil), b...)
		sp := newSplitter("", text, ',', 1<<20, 1)
		hdr, err := sp.next()
		if err != nil {
			return
		}
		header, _ := headerNames(hdr)
		if len(header) == 0 || len(header) > 64 {
			return
		}
		rows := profileSample(text[sp.pos:], ',', 2, len(header))
		in, err := inferMapping("fuzz.csv", header, profileColumns(header, rows), rows)
		if err != nil {
			return
		}
		if in.m.Shape == ShapeHistory && len(in.m.Stages) == 0 {
			return // ordered when the log is read
		}
		if err := in.m.Check(); err != nil {
			t.Fatalf("inferred mapping does not check: %v\n%+v", err, in.m)
		}
		if _, err := compile("fuzz.csv", header, in.m); err != nil {
			t.Fatalf("inferred mapping does not compile: %v\n%+v", err, in.m)
		}
	})
}
