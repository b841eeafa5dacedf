package loaders

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// Date layouts a value can have.
const (
	dkISO    uint8 = iota + 1 // 2025-03-14, 2025/03/14, with or without a time
	dkSlash                   // 03/14/2025 or 14/03/2025 (also 14-03-2025)
	dkDot                     // 14.03.2025
	dkNamed                   // 15 Apr, 2021 00:03:00 / Apr 15, 2021 / 15-Apr-2021
	dkSerial                  // Excel serial day number, 45000 or 45000.5
)

var kindNames = [...]string{"", "YYYY-MM-DD", "numeric day/month", "DD.MM.YYYY", "month names", "Excel serial numbers"}

// dateVal is one parsed value. For a numeric a/b/year date with both parts
// ≤ 12, Amb is set and Day is not known until the column's order is decided.
type dateVal struct {
	Day  int32
	Kind uint8
	Amb  bool
	A, B uint8
	Y    int
}

// parseDate reads one date value (already trimmed, non-empty).
func parseDate(s []byte) (dateVal, bool) {
	if len(s) < 5 || len(s) > 64 {
		return dateVal{}, false
	}
	if isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]) && len(s) >= 8 && (s[4] == '-' || s[4] == '/' || s[4] == '.') {
		return parseISO(s)
	}
	if isDigit(s[0]) {
		if v, ok := parseNumericDMY(s); ok {
			return v, true
		}
		if v, ok := parseSerial(s); ok {
			return v, true
		}
	}
	return parseNamed(s)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// num reads up to max digits at s[i:], returning the value and next index.
func num(s []byte, i, max int) (int, int, bool) {
	n, j := 0, i
	for j < len(s) && j-i < max && isDigit(s[j]) {
		n = n*10 + int(s[j]-'0')
		j++
	}
	return n, j, j > i
}

// timeTail accepts the end of the value or a time part after ' ' or 'T'.
func timeTail(s []byte, i int) bool {
	if i == len(s) {
		return true
	}
	if s[i] != ' ' && s[i] != 'T' && s[i] != ',' {
		return false
	}
	rest := strings.TrimLeft(string(s[i+1:]), " ,")
	return rest == "" || isDigit(rest[0])
}

func parseISO(s []byte) (dateVal, bool) {
	sep := s[4]
	y, _, _ := num(s, 0, 4)
	m, i, ok := num(s, 5, 2)
	if !ok || i >= len(s) || s[i] != sep {
		return dateVal{}, false
	}
	d, i, ok := num(s, i+1, 2)
	if !ok || !validYMD(y, m, d) || !timeTail(s, i) {
		return dateVal{}, false
	}
	return dateVal{Day: model.DayFromCivil(y, m, d), Kind: dkISO}, true
}

func parseNumericDMY(s []byte) (dateVal, bool) {
	a, i, ok := num(s, 0, 2)
	if !ok || i >= len(s) {
		return dateVal{}, false
	}
	sep := s[i]
	if sep != '/' && sep != '.' && sep != '-' {
		return dateVal{}, false
	}
	b, j, ok := num(s, i+1, 2)
	if !ok || j >= len(s) || s[j] != sep {
		return dateVal{}, false
	}
	y, k, ok := num(s, j+1, 4)
	if !ok || (k-j-1 != 4 && k-j-1 != 2) || !timeTail(s, k) {
		return dateVal{}, false
	}
	if k-j-1 == 2 {
		y += 2000
		if y > 2069 {
			y -= 100
		}
	}
	kind := dkSlash
	if sep == '.' {
		kind = dkDot
	}
	v := dateVal{Kind: kind, A: uint8(a), B: uint8(b), Y: y}
	switch {
	case a <= 12 && b <= 12 && a >= 1 && b >= 1:
		v.Amb = true
		return v, true
	case a > 12 && validYMD(y, b, a): // day first
		v.Day = model.DayFromCivil(y, b, a)
		return v, true
	case b > 12 && validYMD(y, a, b): // month first
		v.Day = model.DayFromCivil(y, a, b)
		return v, true
	}
	return dateVal{}, false
}

func parseSerial(s []byte) (dateVal, bool) {
	n, i, ok := num(s, 0, 7)
	if !ok {
		return dateVal{}, false
	}
	if i < len(s) && s[i] == '.' {
		_, j, ok := num(s, i+1, 12)
		if !ok {
			return dateVal{}, false
		}
		i = j
	}
	// 1940..2100 keeps ids and amounts from passing as dates.
	if i != len(s) || n < 14611 || n > 73051 {
		return dateVal{}, false
	}
	return dateVal{Day: int32(n - 25569), Kind: dkSerial}, true
}

var months = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4,
	"june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

var weekdays = map[string]bool{"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// parseNamed reads "15 Apr, 2021 00:03:00", "Apr 15, 2021", "15-Apr-2021",
// "April 15 2021 3:04 PM" and the like.
func parseNamed(s []byte) (dateVal, bool) {
	toks := strings.FieldsFunc(string(s), func(r rune) bool { return r == ' ' || r == ',' || r == '-' || r == '/' || r == '.' })
	if len(toks) > 0 && weekdays[strings.ToLower(toks[0])] {
		toks = toks[1:]
	}
	if len(toks) < 3 {
		return dateVal{}, false
	}
	var d, m, y int
	if mm, ok := months[strings.ToLower(toks[0])]; ok {
		m = mm
		d, y = atoiTok(toks[1]), atoiTok(toks[2])
	} else if mm, ok := months[strings.ToLower(toks[1])]; ok {
		m = mm
		d, y = atoiTok(toks[0]), atoiTok(toks[2])
	} else {
		return dateVal{}, false
	}
	if y >= 0 && y < 100 && len(toks[2]) == 2 {
		y += 2000
	}
	if !validYMD(y, m, d) {
		return dateVal{}, false
	}
	for _, t := range toks[3:] {
		if !isDigit(t[0]) && !strings.EqualFold(t, "am") && !strings.EqualFold(t, "pm") && !strings.EqualFold(t, "utc") && !strings.EqualFold(t, "gmt") {
			return dateVal{}, false
		}
	}
	return dateVal{Day: model.DayFromCivil(y, m, d), Kind: dkNamed}, true
}

func atoiTok(t string) int {
	n, i, ok := num([]byte(t), 0, 4)
	if !ok || i != len(t) {
		return -1
	}
	return n
}

func validYMD(y, m, d int) bool {
	return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// DateOrder forces how ambiguous numeric dates read.
type DateOrder string

const (
	OrderAuto DateOrder = ""
	OrderDMY  DateOrder = "DMY" // 03/04/2025 is 3 April
	OrderMDY  DateOrder = "MDY" // 03/04/2025 is 4 March
)

// dateCol collects one date column's values and decides its day/month
// order from all of them once the file is read.
type dateCol struct {
	name    string
	vals    []int32 // day numbers; packed y/a/b for pending entries
	pending []int32 // indices of ambiguous entries
	dayGT12 int     // values whose first part is > 12 (so day first)
	monGT12 int     // values whose second part is > 12 (so month first)
	kinds   [6]int
	// hint is the order the file's other date columns show, for a
	// column whose own values do not tell (dates_time.go).
	hint DateOrder
}

func newDateCol(name string, capacity int) *dateCol {
	return &dateCol{name: name, vals: make([]int32, 0, capacity)}
}

func (c *dateCol) push(v dateVal, ok bool) {
	if !ok {
		c.vals = append(c.vals, model.NoDay)
		return
	}
	c.kinds[v.Kind]++
	if v.Amb {
		c.pending = append(c.pending, int32(len(c.vals)))
		c.vals = append(c.vals, int32(v.Y)<<10|int32(v.A)<<5|int32(v.B))
		return
	}
	if v.Kind == dkSlash || v.Kind == dkDot {
		if v.A > 12 {
			c.dayGT12++
		} else {
			c.monGT12++
		}
	}
	c.vals = append(c.vals, v.Day)
}

// finish resolves ambiguous entries and describes what was decided.
func (c *dateCol) finish(force DateOrder) string {
	total, main := 0, uint8(0)
	for k, n := range c.kinds {
		total += n
		if n > c.kinds[main] {
			main = uint8(k)
		}
	}
	if total == 0 {
		return ""
	}
	numeric := c.kinds[dkSlash] + c.kinds[dkDot]
	if numeric == 0 {
		return fmt.Sprintf("dates in %q read as %s", c.name, kindNames[main])
	}
	order, why := OrderMDY, ""
	sep := "/"
	if c.kinds[dkDot] > c.kinds[dkSlash] {
		sep = "."
	}
	switch {
	case force != OrderAuto:
		order, why = force, "as set by the options"
	case c.dayGT12 > 0 && c.monGT12 == 0:
		order, why = OrderDMY, fmt.Sprintf("%d values had a day > 12", c.dayGT12)
	case c.monGT12 > 0 && c.dayGT12 == 0:
		order, why = OrderMDY, fmt.Sprintf("%d values had a second part > 12, so the day comes second", c.monGT12)
	case c.hint != OrderAuto && c.dayGT12 == 0 && c.monGT12 == 0:
		order, why = c.hint, "no value had a part > 12; the file's other date columns are "+string(c.hint)
	case c.dayGT12 > 0 && c.monGT12 > 0:
		if c.dayGT12 > c.monGT12 {
			order = OrderDMY
		}
		why = fmt.Sprintf("the column mixes both orders: %d values only fit day first, %d only month first; ambiguous ones follow the majority", c.dayGT12, c.monGT12)
	case sep == ".":
		order, why = OrderDMY, "no value had a part > 12; dotted dates are day first"
	default:
		why = "no value had a part > 12, so US month-first was assumed; set the date order if that is wrong"
	}
	for _, i := range c.pending {
		p := c.vals[i]
		y, a, b := int(p>>10), int(p>>5&31), int(p&31)
		if order == OrderDMY {
			a, b = b, a
		}
		c.vals[i] = model.DayFromCivil(y, a, b)
	}
	layout := "MM" + sep + "DD" + sep + "YYYY"
	if order == OrderDMY {
		layout = "DD" + sep + "MM" + sep + "YYYY"
	}
	return fmt.Sprintf("dates in %q read as %s (%s)", c.name, layout, why)
}

// parseISODate reads YYYY-MM-DD with an optional time part after 'T' or ' '
// (kept for callers that need exactly ISO, such as the spend loader).
func parseISODate(s string) (int32, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := atoiN(s[0:4])
	m, ok2 := atoiN(s[5:7])
	d, ok3 := atoiN(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	if len(s) > 10 && s[10] != 'T' && s[10] != ' ' {
		return 0, false
	}
	return model.DayFromCivil(y, m, d), true
}

// atoiN reads an unsigned decimal ("" reads as 0).
func atoiN(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
