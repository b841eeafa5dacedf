package loaders

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each rejection names the file, the line (and column when known), what was
// found and what was expected.
func TestRejections(t *testing.T) {
	big := "lead_id,created,notes\nA,2024-01-01,ok\nB,2024-01-02," + strings.Repeat("x", 2000) + "\n"
	cases := []struct {
		name, file, text string
		opt              Options
		line, col        int
		msg              string
	}{
		{"ragged", "ragged.csv", "", Options{}, 2, 0,
			`ragged.csv:2: ragged rows: found "11 of the first 11 rows with a field count unlike the header's 3 (this one has 2)", expected 3 fields per row`},
		{"unterminated quote", "unterminated.csv", "", Options{}, 3, 15,
			`unterminated.csv:3:15: unterminated quote: found "a quoted field that never closes", expected a closing " before the end of the file`},
		{"xlsx renamed", "xlsx_renamed.csv", "", Options{}, 1, 0,
			`xlsx_renamed.csv:1: not a workbook: found "a zip archive that is not a readable .xlsx workbook`},
		{"binary", "binary.csv", "", Options{}, 3, 1,
			`binary.csv:3:1: not a text file: found "a NUL byte (binary data)"`},
		{"field too large", "", big, Options{MaxField: 1000}, 3, 14,
			`big.csv:3:14: field too large: found "a field of 2000 bytes", expected at most 1000 bytes per field`},
		{"missing column", "", "Ref,Opened\nC1,2024-01-01\n", Options{Mapping: &Mapping{Shape: ShapeCurrentStage, ID: "Ref", Created: "Opened",
			StageColumn: "Phase", Stages: []StageMap{{Name: "Intro"}}}}, 1, 0,
			`big.csv:1: missing required column in column "Phase": found "Ref, Opened", expected a column named "Phase" (the stage column)`},
		{"no stage columns", "", "name,city\nA,Paris\n", Options{}, 1, 0,
			`big.csv:1: no stage columns: found "name,city", expected at least one stage date column`},
		{"empty", "", "", Options{}, 1, 0, `big.csv:1: no data: found "an empty file", expected a header row`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			if c.file != "" {
				_, err = LoadFile(fx+c.file, c.opt)
			} else {
				_, err = Load(strings.NewReader(c.text), "big.csv", c.opt)
			}
			var le *Error
			if !errors.As(err, &le) {
				t.Fatalf("want a located *Error, got %v", err)
			}
			if le.Line != c.line || le.Column != c.col {
				t.Errorf("at %d:%d, want %d:%d (%v)", le.Line, le.Column, c.line, c.col, err)
			}
			if !strings.HasPrefix(err.Error(), c.msg) {
				t.Errorf("message\n %s\nwant prefix\n %s", err, c.msg)
			}
		})
	}
}

// Rows that cannot be used are skipped and listed with line, column and wording.
func TestSkippedRowProblems(t *testing.T) {
	in := "lead_id,created,mql_date,amount,won\nA,2024-01-01,,10,yes\nB,2024-13-01,,5,no\nC,2024-01-02,2024-01-03,ten,no\nD,2024-01-02\nE,2024-01-05,,7,maybe\nF,,,,no\n"
	m := genericStageDates([]string{"lead_id", "created", "mql_date", "amount", "won"})
	m.Stages = append(m.Stages, StageMap{Name: "Won", Flag: "won"})
	m.Dims = nil
	ds, err := Load(strings.NewReader(in), "rows.csv", Options{Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	ld := ds.Load
	if ld.Read != 6 || ld.Used != 1 || ld.Skipped != 5 {
		t.Fatalf("read %d used %d skipped %d", ld.Read, ld.Used, ld.Skipped)
	}
	want := []string{
		`rows.csv:3:3: unreadable date in column "created": found "2024-13-01", expected a date like 2025-03-14, 03/14/2025 or 14 Mar 2025`,
		`rows.csv:4:25: unreadable amount in column "amount": found "ten", expected an amount like 1200, $1,200.50 or 1.200,50 €`,
		`rows.csv:5: wrong number of fields: found "2 fields", expected 5 fields as in the header`,
		`rows.csv:6:17: unreadable flag in column "won": found "maybe", expected a yes/no value (1/0, Yes/No, TRUE/FALSE)`,
		`rows.csv:7: no stage date: the record reached no stage`,
	}
	for i, w := range want {
		if i >= len(ld.Problems) || ld.Problems[i].String() != w {
			t.Errorf("problem %d:\n got %v\nwant %s", i, ld.Problems, w)
		}
	}
}

func TestMappingErrors(t *testing.T) {
	for in, want := range map[string]string{
		"stages: [{name: A}]":                         "shape is missing",
		"shape: funnel\nstages: [{name: A}]":          `shape "funnel" is unknown`,
		"shape: stage-dates\nstages: []":              "stages is empty",
		"shape: stage-dates\nstages: [{name: A}]":     `stage "A" has no date column`,
		"shape: current-stage\nstages: [{name: A}]":   "stage_column is missing",
		"shape: flags\nbogus: 1\nstages: [{name: A}]": "bogus",
	} {
		_, err := ParseMapping("m.yaml", []byte(in))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "m.yaml: ") {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
	// A .toml name is read as TOML: YAML text in it fails there, located.
	p := filepath.Join(t.TempDir(), "x.toml")
	if err := os.WriteFile(p, []byte("shape: flags\nstages: [{name: A}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadMapping(p); err == nil || !strings.HasPrefix(err.Error(), "x.toml: [1:") {
		t.Errorf("yaml text in x.toml: %v", err)
	}
	if _, err := ReadMapping(fx + "flags.toml"); err != nil {
		t.Errorf("flags.toml: %v", err)
	}
}
