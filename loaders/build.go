package loaders

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"unsafe"

	"funnel/model"
)

// plan is a mapping resolved to column indices (-1 when absent).
type plan struct {
	m      *Mapping
	name   string
	header []string
	id, email, account, leadRef, created, stageCol, status, ts,
	wonDate, lostDate, closeDate, reason, amount, currency, prob, channel int
	stageDate, stageFlag []int
	dims                 []int
}

// compile resolves mapping column names against the header; a named column
// that is not there is a located error on line 1.
func compile(name string, header []string, m *Mapping) (*plan, error) {
	idx := map[string]int{}
	for i, h := range header {
		if _, ok := idx[strings.ToLower(h)]; !ok {
			idx[strings.ToLower(h)] = i
		}
	}
	var missing error
	col := func(what, h string) int {
		if h == "" {
			return -1
		}
		if i, ok := idx[strings.ToLower(strings.TrimSpace(h))]; ok {
			return i
		}
		if missing == nil {
			shown := strings.Join(header, ", ")
			if len(shown) > 200 {
				shown = shown[:200] + "..."
			}
			missing = errorf(name, 1, 0, h, shown, fmt.Sprintf("a column named %q (the %s)", h, what), "missing required column")
		}
		return -1
	}
	p := &plan{m: m, name: name, header: header}
	p.id, p.email, p.account = col("id", m.ID), col("email", m.Email), col("account", m.Account)
	p.leadRef, p.created = col("lead reference", m.LeadRef), col("created date", m.Created)
	p.stageCol, p.status, p.ts = col("stage column", m.StageColumn), col("status", m.Status), col("timestamp", m.Timestamp)
	p.wonDate, p.lostDate, p.closeDate = col("won date", m.WonDate), col("lost date", m.LostDate), col("close date", m.CloseDate)
	p.reason, p.amount, p.currency = col("reason", m.Reason), col("amount", m.Amount), col("currency", m.Currency)
	p.prob, p.channel = col("probability", m.Probability), col("channel", m.Channel)
	for _, s := range m.Stages {
		p.stageDate = append(p.stageDate, col(s.Name+" date", s.Date))
		p.stageFlag = append(p.stageFlag, col(s.Name+" flag", s.Flag))
	}
	used := map[int]bool{}
	for _, c := range []int{p.id, p.email, p.leadRef, p.created, p.stageCol, p.status, p.ts, p.wonDate, p.lostDate,
		p.closeDate, p.reason, p.amount, p.currency, p.prob, p.channel} {
		used[c] = true
	}
	for _, d := range m.Dims {
		if c := col("dimension", d); c >= 0 && !used[c] {
			used[c] = true
			p.dims = append(p.dims, c)
		}
	}
	if missing != nil {
		return nil, missing
	}
	if m.Shape == ShapeStageDates || m.Shape == ShapeFlags {
		any := p.created >= 0
		for k := range m.Stages {
			any = any || p.stageDate[k] >= 0 || p.stageFlag[k] >= 0
		}
		if !any {
			return nil, errorf(name, 1, 0, "", strings.Join(header, ","), "at least one stage date column (created, mql_date, ...)", "no stage columns")
		}
	}
	if (m.Shape == ShapeCurrentStage || m.Shape == ShapeHistory) && p.stageCol < 0 {
		return nil, errorf(name, 1, 0, "", strings.Join(header, ","), "a current-stage column", "missing required column")
	}
	return p, nil
}

// dimBuf interns byte values into a model.Dim without allocating for
// values already seen.
type dimBuf struct {
	d     *model.Dim
	cache map[string]uint32
}

func newDimBuf(name string, capacity int) *dimBuf {
	return &dimBuf{d: model.NewDim(name, capacity), cache: map[string]uint32{"": 0}}
}

func (b *dimBuf) code(v []byte) uint32 {
	v = bytes.TrimSpace(v)
	if c, ok := b.cache[string(v)]; ok {
		return c
	}
	s := string(v)
	c := b.d.Intern(s)
	b.cache[s] = c
	return c
}

func (b *dimBuf) push(c uint32) { b.d.Codes = append(b.d.Codes, c) }

// appendStr appends a field to a string arena without a temporary string.
func appendStr(s *model.Strings, v []byte) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		s.Append("")
		return
	}
	s.Append(unsafe.String(&v[0], len(v)))
}

// sampleRows copies the start of the data and returns up to 500 values of column col.
func sampleRows(text []byte, delim byte, line, col int) [][]byte {
	if col < 0 {
		return nil
	}
	n := min(len(text), 256<<10)
	sp := newSplitter("", append([]byte(nil), text[:n]...), delim, 1<<30, line)
	sp.partial = n < len(text)
	var out [][]byte
	for len(out) < 500 {
		f, err := sp.next()
		if err != nil {
			break
		}
		if col < len(f) && len(f[col]) > 0 {
			out = append(out, f[col])
		}
	}
	return out
}

func fileSize(p string) int64 {
	if st, err := os.Stat(p); err == nil {
		return st.Size()
	}
	return 0
}

// norm lowercases and drops everything but letters and digits, so "Closed
// Won", "closedwon" and "closed-won" compare equal.
func norm(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func normSet(lists ...[]string) map[string]bool {
	out := map[string]bool{}
	for _, l := range lists {
		for _, v := range l {
			out[norm(v)] = true
		}
	}
	return out
}

// parseBool reads a yes/no flag; ok is false for anything else.
func parseBool(b []byte) (val, ok bool) {
	switch strings.ToLower(string(bytes.TrimSpace(b))) {
	case "1", "yes", "y", "true", "t", "x", "✓", "checked":
		return true, true
	case "0", "no", "n", "false", "f", "", "-":
		return false, true
	}
	return false, false
}

func shrink[T any](s []T) []T {
	if cap(s)-len(s) <= len(s)/32 {
		return s
	}
	return append(make([]T, 0, len(s)), s...)
}
