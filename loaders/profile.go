package loaders

import (
	"bytes"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/funnel-cli/funnel/model"
)

// ColType is what a column's values are, judged from a sample of them.
type ColType string

const (
	TypeEmpty    ColType = "empty"
	TypeBool     ColType = "yes/no"
	TypeInt      ColType = "integer"
	TypeNumber   ColType = "number"
	TypeMoney    ColType = "money"
	TypeDate     ColType = "date"
	TypeDateTime ColType = "datetime"
	TypeEmail    ColType = "email"
	TypeID       ColType = "id"
	TypeCategory ColType = "category"
	TypeText     ColType = "text"
)

// ValueCount is one distinct value of a column and how often the sample has it.
type ValueCount = model.ValueCount

// ColumnProfile is what the sample says about one column: its type and
// format, how many values are blank or distinct, the most frequent values
// and a few examples.
type ColumnProfile struct {
	Index    int     `json:"index"`
	Name     string  `json:"name"`
	Type     ColType `json:"type"`
	Format   string  `json:"format,omitempty"`
	Rows     int     `json:"rows"`     // sampled rows
	Blank    int     `json:"blank"`    // blank or a null word (N/A, null, -)
	Distinct int     `json:"distinct"` // distinct non-blank values (capped)
	// Top holds the most frequent values (all of them for a category).
	Top     []ValueCount `json:"top,omitempty"`
	Samples []string     `json:"samples,omitempty"`
	// True is how many values read as yes (yes/no columns).
	True     int     `json:"true,omitempty"`
	Min      float64 `json:"min,omitempty"`
	Max      float64 `json:"max,omitempty"`
	Currency string  `json:"currency,omitempty"`
	AvgLen   float64 `json:"avg_len,omitempty"`

	counts map[string]int
	words  []string // the header split into lower-case words
}

// NonBlank is the number of sampled values that are not blank.
func (c *ColumnProfile) NonBlank() int { return c.Rows - c.Blank }

// Unique says whether every sampled non-blank value differs.
func (c *ColumnProfile) Unique() bool { return c.NonBlank() > 0 && c.Distinct == c.NonBlank() }

// count returns how often the sample has value v.
func (c *ColumnProfile) count(v string) int { return c.counts[v] }

// values lists the distinct sampled values, most frequent first.
func (c *ColumnProfile) values() []ValueCount {
	out := make([]ValueCount, 0, len(c.counts))
	for v, n := range c.counts {
		out = append(out, ValueCount{Value: v, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}

// nullWords are values that mean "no value" in exports.
var nullWords = []string{"n/a", "na", "#n/a", "null", "none", "nil", "-", "--", "—", "nan", "(blank)", "(none)",
	"0000-00-00", "0000-00-00 00:00:00"}

// isNull reports a blank field or a null word. It is called on every date
// and amount field, so it decides most values on their first byte and
// never allocates.
func isNull(v []byte) bool {
	v = trimSpace(v)
	if len(v) == 0 {
		return true
	}
	switch v[0] {
	case 'n', 'N', '#', '-', '(', '0', 0xE2:
	default:
		return false
	}
	if len(v) > 19 {
		return false
	}
	for _, w := range nullWords {
		if len(w) == len(v) && bytes.EqualFold(v, []byte(w)) {
			return true
		}
	}
	return false
}

const maxDistinct = 4096

// profileColumns types every column from the sampled rows (rows with as
// many fields as the header).
func profileColumns(header []string, rows [][][]byte) []*ColumnProfile {
	out := make([]*ColumnProfile, len(header))
	// Columns are profiled on every core (a column's profile reads only
	// its own values): ~20 ms of a large file's load before any row is
	// parsed, on one core.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(header)) {
		wg.Go(func() {
			for c := int(next.Add(1) - 1); c < len(header); c = int(next.Add(1) - 1) {
				out[c] = profileColumn(c, header[c], rows)
			}
		})
	}
	wg.Wait()
	return out
}

func profileColumn(c int, name string, rows [][][]byte) *ColumnProfile {
	p := &ColumnProfile{Index: c, Name: name, counts: map[string]int{}, words: nameWords(name)}
	var nBool, nInt, nNum, nMoney, nDate, nTime, nEmail, nSerial, nIDish, total int
	var kinds [6]int
	dayFirst, monFirst, twoDigitYear := 0, 0, 0
	boolSpell := map[string]bool{}
	currencies := map[string]int{}
	decComma := false
	var nums []float64
	first := true
	for _, r := range rows {
		if c >= len(r) {
			continue
		}
		p.Rows++
		raw := bytes.TrimSpace(r[c])
		if isNull(raw) {
			p.Blank++
			continue
		}
		v := string(raw)
		total++
		if _, seen := p.counts[v]; seen || len(p.counts) < maxDistinct {
			p.counts[v]++
		}
		if len(p.Samples) < 5 && p.counts[v] == 1 {
			p.Samples = append(p.Samples, clip(v))
		}
		p.AvgLen += float64(len(v))
		if b, ok := parseBool(raw); ok {
			nBool++
			if b {
				p.True++
			}
			boolSpell[strings.ToLower(v)] = true
		}
		if isInt(v) {
			nInt++
			f, _ := strconv.ParseFloat(v, 64)
			nums = append(nums, f)
			if f >= 14611 && f <= 73051 {
				nSerial++
			}
		} else if f, err := strconv.ParseFloat(v, 64); err == nil {
			nNum++
			nums = append(nums, f)
			if f >= 14611 && f <= 73051 {
				nSerial++
			}
		} else if cents, cur, ok := parseAmount(raw, decComma); ok && moneyish(v) && !strings.HasPrefix(strings.TrimLeft(v, "$€£¥₹ "), "00") {
			nMoney++
			nums = append(nums, float64(cents)/100)
			if cur != "" {
				currencies[cur]++
			}
		}
		if dv, ok := parseDate(raw); ok && dv.Kind != dkSerial {
			nDate++
			kinds[dv.Kind]++
			if bytes.IndexByte(raw, ':') > 0 {
				nTime++
			}
			if dv.Kind == dkSlash || dv.Kind == dkDot {
				switch {
				case dv.A > 12:
					dayFirst++
				case dv.B > 12:
					monFirst++
				}
				if yearDigits(raw) == 2 {
					twoDigitYear++
				}
			}
		}
		if at := strings.IndexByte(v, '@'); at > 0 && strings.IndexByte(v[at:], '.') > 0 && !strings.ContainsAny(v, " ,;") {
			nEmail++
		}
		if idToken(v) {
			nIDish++
		}
		if first {
			first = false
			if strings.Contains(v, ",") && !strings.Contains(v, ".") && moneyDecimalComma([][]byte{raw}) {
				decComma = true
			}
		}
	}
	p.Distinct = len(p.counts)
	if total > 0 {
		p.AvgLen /= float64(total)
	}
	if len(nums) > 0 {
		p.Min, p.Max = nums[0], nums[0]
		for _, f := range nums {
			p.Min, p.Max = min(p.Min, f), max(p.Max, f)
		}
	}
	most := func(n int) bool { return total > 0 && n*100 >= total*95 }
	switch {
	case total == 0:
		p.Type = TypeEmpty
	case nBool == total:
		p.Type = TypeBool
		var sp []string
		for s := range boolSpell {
			sp = append(sp, s)
		}
		sort.Strings(sp)
		p.Format = strings.Join(sp, "/")
	case most(nDate):
		p.Type = TypeDate
		if nTime*2 > nDate {
			p.Type = TypeDateTime
		}
		p.Format = dateFormat(kinds, dayFirst, monFirst, twoDigitYear*2 > nDate, p.Type == TypeDateTime)
	case nDate*10 >= total*6 && nDate > 0 && (hasWord(p.words, dateWords...) || hasWordPrefix(p.words, "creat", "date")):
		// Named like a date and mostly dates: the rest are bad values.
		p.Type = TypeDate
		if nTime*2 > nDate {
			p.Type = TypeDateTime
		}
		p.Format = dateFormat(kinds, dayFirst, monFirst, twoDigitYear*2 > nDate, p.Type == TypeDateTime)
	case most(nSerial) && (hasWord(p.words, dateWords...) || hasWordPrefix(p.words, "creat", "date")):
		p.Type, p.Format = TypeDate, "Excel serial numbers"
	case most(nInt) && (idName(p.words) || nameIsID(name)) && p.Unique():
		p.Type = TypeID
	case most(nInt):
		p.Type = TypeInt
	case most(nInt + nNum):
		p.Type = TypeNumber
	case most(nInt+nNum+nMoney) && nMoney > 0:
		p.Type = TypeMoney
		p.Format = moneyFormat(currencies, decComma)
		p.Currency = topKey(currencies)
	case most(nEmail):
		p.Type = TypeEmail
	case most(nIDish) && (p.Distinct*10 >= total*9 || idName(p.words)):
		p.Type = TypeID
	case p.Distinct <= 64 || p.Distinct*2 <= total:
		p.Type = TypeCategory
	default:
		p.Type = TypeText
	}
	if len(p.counts) <= 64 {
		p.Top = p.values()
	} else {
		p.Top = p.values()[:12]
	}
	return p
}

// String describes the profile in a few words ("date MM/DD/YY", "category
// of 4").
func (c *ColumnProfile) String() string {
	s := string(c.Type)
	if c.Format != "" {
		s += " " + c.Format
	}
	if c.Type == TypeCategory {
		s += fmt.Sprintf(" of %d", c.Distinct)
	}
	return s
}
