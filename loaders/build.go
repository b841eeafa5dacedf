package loaders

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"os"
	"strings"
	"unsafe"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mapping"
)

// plan is a mapping resolved to column indices (-1 when absent).
type plan struct {
	m      *Mapping
	name   string
	header []string
	id, email, account, leadRef, created, stageCol, status, ts,
	wonDate, lostDate, closeDate, reason, amount, currency, prob, channel int
	modified             int // the record's last change (clamp.go)
	wonFlag, closedFlag  int
	stageDate, stageFlag []int
	dims                 []int
	// probFrac: the probability column holds fractions (0.1 is 10%).
	probFrac bool
	// keyCols are kept per record for joining files by value (keys.go).
	keyCols []int
	fold    map[int]bool // key columns compared without case (emails, names)
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
	p.wonFlag, p.closedFlag = col("won flag", m.WonFlag), col("closed flag", m.ClosedFlag)
	p.modified = col("last modified", m.Modified)
	for _, s := range m.Stages {
		p.stageDate = append(p.stageDate, col(s.Name+" date", s.Date))
		p.stageFlag = append(p.stageFlag, col(s.Name+" flag", s.Flag))
	}
	used := map[int]bool{}
	for _, c := range []int{p.id, p.email, p.leadRef, p.created, p.stageCol, p.status, p.ts, p.wonDate, p.lostDate,
		p.closeDate, p.reason, p.amount, p.currency, p.prob, p.channel, p.wonFlag, p.closedFlag, p.modified} {
		used[c] = true
	}
	for _, d := range append([]string{m.Owner}, m.Dims...) {
		// The stage column may also be a dimension: its raw values show
		// side states (on hold, abandoned) the stage order leaves out.
		if c := col("dimension", d); c >= 0 && (!used[c] || c == p.stageCol && m.Shape == ShapeCurrentStage) {
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
			return nil, errorf(name, 1, 0, "", strings.Join(header, ","), "at least one stage date column (created, mql_date, ...); for yes/no stage columns write a mapping with `funnel init` and set shape: flags", "no stage columns")
		}
	}
	if (m.Shape == ShapeCurrentStage || m.Shape == ShapeHistory) && p.stageCol < 0 {
		return nil, errorf(name, 1, 0, "", strings.Join(header, ","), "a current-stage column", "missing required column")
	}
	return p, nil
}

// dimBuf interns byte values into a model.Dim through a compact
// open-addressing table whose keys live in one byte arena, so a lookup
// touches one slot and one run of bytes. It allocates only for values not
// seen before.
type dimBuf struct {
	d     *model.Dim
	codes []uint32 // while loading; done() packs them into d.Codes
	// pend holds values not yet looked up (add, flush): once the
	// dictionary outgrows the caches, lookups are done in batches.
	pend  [][]byte
	touch uint64 // keeps flush's loads
	slots []dslot
	keys  []byte
	seed  maphash.Seed
}

type dslot struct {
	hc      uint64 // hash tag << 32 | code+1; 0 is empty
	off, ln uint32 // the key in keys
}

func newDimBuf(name string, capacity int) *dimBuf {
	return &dimBuf{d: &model.Dim{Name: name, Values: []string{""}}, codes: make([]uint32, 0, capacity),
		slots: make([]dslot, 64), seed: maphash.MakeSeed()}
}

func (b *dimBuf) code(v []byte) uint32 {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return 0
	}
	return b.lookup(maphash.Bytes(b.seed, v), unsafe.String(&v[0], len(v)))
}

// lookup finds or adds v (which may point into the input: it is copied
// when added).
func (b *dimBuf) lookup(h uint64, v string) uint32 {
	mask := uint64(len(b.slots) - 1)
	tag := h >> 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := &b.slots[i]
		if s.hc == 0 {
			c := uint32(len(b.d.Values))
			off := len(b.keys)
			b.keys = append(b.keys, v...)
			// Values point into the arena (an old backing array stays
			// valid); done() packs them into one exact block.
			b.d.Values = append(b.d.Values, unsafe.String(unsafe.SliceData(b.keys[off:]), len(v)))
			*s = dslot{hc: tag<<32 | uint64(c+1), off: uint32(off), ln: uint32(len(v))}
			if 2*len(b.d.Values) > len(b.slots) {
				b.grow()
			}
			return c
		}
		if s.hc>>32 == tag && int(s.ln) == len(v) && string(b.keys[s.off:s.off+s.ln]) == v {
			return uint32(s.hc) - 1
		}
	}
}

func (b *dimBuf) grow() {
	slots := make([]dslot, 2*len(b.slots))
	mask := uint64(len(slots) - 1)
	for _, s := range b.slots {
		if s.hc == 0 {
			continue
		}
		h := maphash.Bytes(b.seed, b.keys[s.off:s.off+s.ln])
		i := h & mask
		for slots[i].hc != 0 {
			i = (i + 1) & mask
		}
		slots[i] = s
	}
	b.slots = slots
}

// done releases the table, packs the values into one block and returns
// the dimension.
func (b *dimBuf) done() *model.Dim {
	b.flush()
	if b.slots == nil {
		return b.d
	}
	b.slots = nil
	block := make([]byte, 0, len(b.keys))
	for _, v := range b.d.Values {
		block = append(block, v...)
	}
	off := 0
	vals := make([]string, len(b.d.Values))
	for i, v := range b.d.Values {
		if len(v) > 0 {
			vals[i] = unsafe.String(&block[off], len(v))
		}
		off += len(v)
	}
	b.keys = nil
	b.d.Values = vals
	b.d.Codes = model.CodesOf(b.codes, len(b.d.Values))
	b.codes = nil
	return b.d
}

func (b *dimBuf) push(c uint32) { b.codes = append(b.codes, c) }

// batchFrom is the dictionary size from which values are looked up in
// batches of batchSize.
const (
	batchFrom = 1 << 12
	batchSize = 32
)

// add appends the code of v. A large dictionary (a company column) misses
// the caches on most lookups; looking up a batch of values at a time
// starts their memory loads together instead of one after another.
func (b *dimBuf) add(v []byte) {
	if len(b.d.Values) < batchFrom && len(b.pend) == 0 {
		b.push(b.code(v))
		return
	}
	b.pend = append(b.pend, v)
	if len(b.pend) == batchSize {
		b.flush()
	}
}

// flush looks up the pending values, in order.
func (b *dimBuf) flush() {
	if len(b.pend) == 0 {
		return
	}
	var hs [batchSize]uint64
	var vs [batchSize]string
	for i, v := range b.pend {
		if v = bytes.TrimSpace(v); len(v) > 0 {
			vs[i] = unsafe.String(&v[0], len(v))
			hs[i] = maphash.Bytes(b.seed, v)
		}
	}
	// Touch each value's first slot and its key: independent loads the
	// processor overlaps; the lookups below then find them cached.
	mask := uint64(len(b.slots) - 1)
	var touch uint64
	for i := range b.pend {
		s := &b.slots[hs[i]&mask]
		touch += s.hc
		if s.hc != 0 && int(s.off) < len(b.keys) {
			touch += uint64(b.keys[s.off])
		}
	}
	b.touch += touch
	for i := range b.pend {
		if vs[i] == "" {
			b.push(0)
			continue
		}
		b.push(b.lookup(hs[i], vs[i]))
	}
	b.pend = b.pend[:0]
}

// appendStr appends a field to a string arena without a temporary string.
func appendStr(s *model.Strings, v []byte) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		s.Append("")
		return
	}
	s.Append(unsafe.String(&v[0], len(v)))
}

// sample is a copy of the first records, for decisions made before the
// stream (decimal comma, column sizes).
type sample struct{ rows [][][]byte }

func takeSample(text []byte, delim byte, line int) *sample {
	n := min(len(text), 256<<10)
	sp := newSplitter("", append([]byte(nil), text[:n]...), delim, 1<<30, line)
	sp.partial = n < len(text)
	sm := &sample{}
	for len(sm.rows) < 500 {
		f, err := sp.next()
		if err != nil {
			break
		}
		sm.rows = append(sm.rows, append([][]byte(nil), f...))
	}
	return sm
}

// column returns the non-empty sample values of column c.
func (s *sample) column(c int) [][]byte {
	var out [][]byte
	for _, r := range s.rows {
		if c >= 0 && c < len(r) && len(r[c]) > 0 {
			out = append(out, r[c])
		}
	}
	return out
}

// avgLen is the mean length of column c in the sample (0 if absent).
func (s *sample) avgLen(c int) int {
	if c < 0 || len(s.rows) == 0 {
		return 0
	}
	t := 0
	for _, r := range s.rows {
		if c < len(r) {
			t += len(r[c])
		}
	}
	return t/len(s.rows) + 1
}

// arena collects strings as one byte slice and end offsets.
type arena struct {
	data []byte
	ends []uint32
}

// init sizes the arena for n strings of avg bytes (a sample's mean) with
// half again as much room: strings later in a file run longer (ids and
// emails count up), and room never written costs no memory (the pages are
// never touched), while running out would copy everything so far.
func (a *arena) init(n, avg int) {
	if avg > 0 {
		a.data, a.ends = model.ColumnCap[byte](n*avg+n*avg/2), model.ColumnCap[uint32](n)
	}
}

func (a *arena) add(v []byte) {
	a.data = append(a.data, trimSpace(v)...)
	a.ends = append(a.ends, uint32(len(a.data)))
}

func (a *arena) merge(o *arena) {
	base := uint32(len(a.data))
	a.data = append(a.data, o.data...)
	for _, e := range o.ends {
		a.ends = append(a.ends, base+e)
	}
}

// strings hands the arena over as it is (no trimming copy: its spare room
// was never touched).
func (a *arena) strings() model.Strings { return model.StringsFrom(a.data, a.ends) }

func fileSize(p string) int64 {
	if st, err := os.Stat(p); err == nil {
		return st.Size()
	}
	return 0
}

// norm folds a stage or outcome value for comparing (mapping.Norm).
func norm(s string) string { return mapping.Norm(s) }

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
