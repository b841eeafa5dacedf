package loaders

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits on a workbook: its unzipped size, and a worksheet's XML held in
// memory at once (excelize streams beyond it).
const (
	xlsxUnzipLimit    = 2 << 30
	xlsxUnzipXMLLimit = 64 << 20
)

// isZip says whether raw starts like a zip archive (an .xlsx workbook).
func isZip(raw []byte) bool { return bytes.HasPrefix(raw, []byte("PK\x03\x04")) }

// xlsxToCSV reads one worksheet of an .xlsx workbook (the first, or the
// one named sheet) and writes it as CSV text, one line per row so that a
// line number is the sheet's row number. Cells formatted as dates become
// YYYY-MM-DD (with a time when they have one); other cells keep their raw
// values. Trailing header cells that are empty (however styled) are not
// columns. A panic inside the workbook reader becomes an error.
func xlsxToCSV(name string, raw []byte, sheet string) (out []byte, note string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, note, err = nil, "", errorf(name, 1, 0, "", fmt.Sprintf("a workbook the reader cannot open (%v)", r), "an .xlsx workbook saved by Excel or another spreadsheet", "unreadable workbook")
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{RawCellValue: true,
		UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxUnzipXMLLimit})
	if err != nil {
		return nil, "", errorf(name, 1, 0, "", "a zip archive that is not a readable .xlsx workbook ("+err.Error()+")", "an .xlsx workbook, or a CSV text file", "not a workbook")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, "", errorf(name, 1, 0, "", "a workbook with no worksheets", "a worksheet with a header row", "no data")
	}
	if sheet == "" {
		sheet = sheets[0]
	} else if !containsStr(sheets, sheet) {
		return nil, "", fmt.Errorf("%s: no sheet %q: the workbook has %s", name, sheet, quoteList(sheets))
	}
	use1904 := false
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		use1904 = *p.Date1904
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, "", errorf(name, 1, 0, "", "an unreadable worksheet ("+err.Error()+")", "a worksheet with a header row", "unreadable workbook")
	}
	defer rows.Close()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	width, n := 0, 0
	var dates []bool // per column: formatted as a date
	for rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, "", errorf(name, n+1, 0, "", "an unreadable row ("+err.Error()+")", "worksheet rows", "unreadable workbook")
		}
		n++
		if n == 1 {
			width = len(cells)
			for width > 0 && strings.TrimSpace(cells[width-1]) == "" {
				width--
			}
			dates = make([]bool, width)
		}
		if n >= 2 && n <= 21 {
			for c := 0; c < width && c < len(cells); c++ {
				if cells[c] != "" && !dates[c] {
					dates[c] = isDateCell(f, sheet, c, n)
				}
			}
		}
		row := make([]string, width)
		copy(row, cells)
		for c := range row {
			row[c] = strings.ReplaceAll(strings.ReplaceAll(row[c], "\r\n", " "), "\n", " ")
		}
		if err := w.Write(row); err != nil {
			return nil, "", err
		}
	}
	if err := rows.Error(); err != nil {
		return nil, "", errorf(name, n+1, 0, "", "an unreadable row ("+err.Error()+")", "worksheet rows", "unreadable workbook")
	}
	w.Flush()
	text := buf.Bytes()
	if hasTrue(dates) {
		text, err = convertDates(text, dates, use1904)
		if err != nil {
			return nil, "", err
		}
	}
	var dcols []string
	note = fmt.Sprintf("%s: read the worksheet %q of an .xlsx workbook (a header and %d rows)", name, sheet, max(n-1, 0))
	if len(sheets) > 1 {
		note += fmt.Sprintf("; it has %d sheets (%s), choose another with --sheet", len(sheets), quoteList(sheets))
	}
	for c, d := range dates {
		if d {
			dcols = append(dcols, strconv.Itoa(c+1))
		}
	}
	if len(dcols) > 0 {
		note += "; cells formatted as dates (Excel serial numbers) in columns " + strings.Join(dcols, ", ") + " read as dates"
	}
	return text, note, nil
}

func hasTrue(b []bool) bool {
	for _, v := range b {
		if v {
			return true
		}
	}
	return false
}

// isDateCell says whether the cell at column c (0-based), row r (1-based)
// has a date or time number format.
func isDateCell(f *excelize.File, sheet string, c, r int) bool {
	ref, err := excelize.CoordinatesToCellName(c+1, r)
	if err != nil {
		return false
	}
	idx, err := f.GetCellStyle(sheet, ref)
	if err != nil || idx == 0 {
		return false
	}
	st, err := f.GetStyle(idx)
	if err != nil || st == nil {
		return false
	}
	if st.CustomNumFmt != nil {
		return dateFormatCode(*st.CustomNumFmt)
	}
	n := st.NumFmt
	return n >= 14 && n <= 22 || n >= 27 && n <= 36 || n >= 45 && n <= 47 || n >= 50 && n <= 58
}

// dateFormatCode says whether a custom number format shows a date or
// time: it has y, d, h or s (or m with them) outside quotes and brackets.
func dateFormatCode(code string) bool {
	var b strings.Builder
	inQ, inB := false, false
	for i := 0; i < len(code); i++ {
		ch := code[i]
		switch {
		case ch == '"':
			inQ = !inQ
		case inQ:
		case ch == '[':
			inB = true
		case ch == ']':
			inB = false
		case inB:
		case ch == '\\' || ch == '_' || ch == '*':
			i++
		default:
			b.WriteByte(ch | 0x20)
		}
	}
	s := b.String()
	return strings.ContainsAny(s, "ydhs") && !strings.Contains(s, "general")
}

// convertDates rewrites the date columns' serial numbers as ISO dates.
func convertDates(text []byte, dates []bool, use1904 bool) ([]byte, error) {
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	for i, rec := range recs {
		if i == 0 {
			continue
		}
		for c, v := range rec {
			if c >= len(dates) || !dates[c] || v == "" {
				continue
			}
			x, err := strconv.ParseFloat(v, 64)
			if err != nil || x < 1 || x > 2958465 {
				continue
			}
			t, err := excelize.ExcelDateToTime(x, use1904)
			if err != nil {
				continue
			}
			if x == float64(int64(x)) {
				rec[c] = t.Format("2006-01-02")
			} else {
				rec[c] = t.Format("2006-01-02 15:04:05")
			}
		}
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	if err := w.WriteAll(recs); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
