package tabular

import (
	"strings"
	"testing"
)

func TestTextAndCSV(t *testing.T) {
	for _, c := range []struct {
		cell Cell
		kind Kind
		text string
	}{
		{Cell{Num: 2125}, KindCount, "2,125"},
		{Cell{Num: 0.425}, KindRate, "42.5%"},
		{Cell{Num: 12.34}, KindDays, "12.3"},
		{Cell{Num: 1234567}, KindMoney, "12,346"},
		{Cell{Num: 0.002384}, KindDecimal, "0.00238"},
		{Cell{Null: true}, KindCount, "—"},
		{Cell{Str: "\x1b[31mred"}, KindText, "red"},
	} {
		if got := Text(c.cell, c.kind); got != c.text {
			t.Errorf("Text(%+v, %d) = %q, want %q", c.cell, c.kind, got, c.text)
		}
	}
	tb := Table{Columns: []Column{{Name: "Name", Kind: KindText}, {Name: "Rate", Kind: KindRate}},
		Rows: [][]Cell{{{Str: "=SUM(A1)"}, {Num: 0.5}}, {{Str: "ok"}, {Null: true}}}}
	var b strings.Builder
	if err := WriteCSV(&b, tb); err != nil || b.String() != "Name,Rate\n'=SUM(A1),0.5\nok,\n" {
		t.Fatalf("csv %q %v", b.String(), err)
	}
}

// CSV money is in currency units: a spreadsheet reads 1234.50, not the
// 123450 cents it would take for dollars.
func TestCSVMoneyInCurrencyUnits(t *testing.T) {
	for _, c := range []struct {
		cents float64
		want  string
	}{{123450, "1234.50"}, {5, "0.05"}, {-250, "-2.50"}, {0, "0.00"}} {
		if got := CSVCell(Cell{Num: c.cents}, KindMoney); got != c.want {
			t.Errorf("CSVCell(%v cents) = %q, want %q", c.cents, got, c.want)
		}
	}
	if got := CSVCell(Cell{Null: true}, KindMoney); got != "" {
		t.Errorf("unknown money = %q", got)
	}
}
