// Package tabular is the column model the explorer's tables and the
// headless report share: a table of typed columns (text, count, rate, days,
// money, decimal) and cells, and how a cell is written for people (Text)
// and for a spreadsheet (WriteCSV, SafeCell). It imports no Bubble Tea.
package tabular

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/funnel-cli/funnel/tui/format"
)

// Kind says what a column holds and so how each format writes it.
type Kind uint8

const (
	KindText    Kind = iota // a string (from the data: sanitized on output)
	KindCount               // an integer count
	KindRate                // a fraction, shown as a percentage
	KindDays                // a number of days
	KindMoney               // minor units (cents)
	KindDecimal             // a plain number (a q-value, an expected count)
)

// Column is a table column.
type Column struct {
	Name string
	Kind Kind
}

// Cell is one value: Str for Text columns, Num for the others. A numeric
// cell with Null set is unknown (shown as "—", empty in CSV).
type Cell struct {
	Str  string
	Num  float64
	Null bool
}

// Table is a section rendered generically.
type Table struct {
	// Name is short and unique in a report (the section's name, then the
	// table's): the file name `funnel report --out DIR` writes it to.
	Name string
	// Section is the report section the table belongs to.
	Section   string
	Title     string
	Columns   []Column
	Rows      [][]Cell
	Footnotes []string
}

// Text formats a cell for people (text, markdown, the screen): counts
// and money with thousands separators, rates as percentages, days with
// one decimal, "—" for an unknown number; text cleaned.
func Text(c Cell, k Kind) string {
	if k == KindText {
		return format.Clean(c.Str)
	}
	if c.Null {
		return "—"
	}
	switch k {
	case KindCount:
		return format.Count(int(c.Num))
	case KindRate:
		return format.Percent(c.Num)
	case KindDays:
		return strconv.FormatFloat(math.Round(c.Num*10)/10, 'f', -1, 64)
	case KindMoney:
		return format.Money(int64(math.Round(c.Num)), "")
	}
	return Decimal(c.Num)
}

// Decimal writes a plain number for people: thousands separated from 100,
// one decimal from 1, three significant digits below (2,125, 12.5 and
// 0.00238; never 2.13e+03).
func Decimal(x float64) string {
	switch a := math.Abs(x); {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return "—"
	case a >= 100 || x == math.Trunc(x):
		return format.Count(int(math.Round(x)))
	case a >= 1:
		return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 3, 64), 64)
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// WriteCSV writes one table as CSV, with its header row. Numbers are plain
// (rates as fractions, money in currency units with two decimals: 1234.50,
// not the cents a spreadsheet would read as dollars); text cells are sanitised
// and neutralised against formula injection (SafeCell).
func WriteCSV(w io.Writer, t Table) error {
	cw := csv.NewWriter(w)
	rec := make([]string, len(t.Columns))
	for j, c := range t.Columns {
		rec[j] = SafeCell(c.Name)
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, row := range t.Rows {
		for j, c := range row {
			rec[j] = CSVCell(c, t.Columns[j].Kind)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// CSVCell writes a cell for CSV: plain numbers, "" for unknown, safe text.
func CSVCell(c Cell, k Kind) string {
	switch {
	case k == KindText:
		return SafeCell(c.Str)
	case c.Null:
		return ""
	case k == KindCount:
		return strconv.FormatInt(int64(c.Num), 10)
	case k == KindMoney: // in currency units, as a spreadsheet user reads them
		cents := int64(math.Round(c.Num))
		sign := ""
		if cents < 0 {
			sign, cents = "-", -cents
		}
		return fmt.Sprintf("%s%d.%02d", sign, cents/100, cents%100)
	}
	return strconv.FormatFloat(math.Round(c.Num*1e6)/1e6, 'f', -1, 64)
}

// SafeCell makes a text cell safe to open in Excel, LibreOffice or Google
// Sheets: it is sanitized (no escapes, controls or bidi overrides), and a
// cell that would start a formula (=, +, -, @, tab, CR, also after leading
// spaces) gets a leading apostrophe so it stays text.
func SafeCell(s string) string {
	c := format.Clean(s)
	t := strings.TrimLeft(c, " ")
	if (s != "" && (s[0] == '\t' || s[0] == '\r')) || (t != "" && strings.IndexByte("=+-@", t[0]) >= 0) {
		return "'" + c
	}
	return c
}
