package loaders

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"

	"github.com/funnel-cli/funnel/model"
)

// recBuilder holds the columns of a one-row-per-record file (stage
// dates, current stage, flags) while workers parse ranges of it into
// them: every row-indexed column is allocated once, at the body's record
// count, and each worker writes its rows at their index.
type recBuilder struct {
	p        *plan
	rows     int        // records in the body (an upper bound of the rows kept)
	dcols    []int      // header index of every date column read
	dates    []*dateCol // parallel to dcols
	stageDC  []int      // per stage: index into dates, or -1
	created  int        // index into dates, or -1
	won      int
	lost     int
	close    int
	modified int // the record's last change (clamp.go), or -1 (set by addDate)
	flagMask []uint16
	ids      arena
	emails   arena
	leadRefs arena
	stage    *dimCol
	status   *dimCol
	reason   *dimCol
	account  *dimCol
	currency *dimCol
	dims     []*dimCol
	dimSrc   []int // header index of each of dims
	amount   []int64
	ccOnce   sync.Once
	amountCc []uint32 // currency shown with the amount ($, EUR)
	prob     []uint8
	decComma bool
	skipDims bool       // Options.SkipDims: account and dims are not read
	skipIDs  bool       // Options.SkipIDs: ids and emails are not read
	dimsOnly bool       // the dims phase of a deferred load (deferred.go): only account and dims
	keepSkip bool       // note which parsed rows were skipped (rangeUse.skips), for the dims phase
	dimsIDs  [2]bool    // the dims phase keeps ids, emails (set before its workers start)
	n        int        // rows kept
	uses     []rangeUse // where each range's rows went
	ext      *recExtra  // outcome flags, join keys (outcome.go)

	// the dimensions once finished
	stageDim, statusDim, reasonDim, accountDim, currencyDim *model.Dim
	dimsDone                                                []*model.Dim
	stagePlaced                                             []bool // per stage value: it names a stage
}

func newRecBuilder(p *plan, rows int, sm *sample, skipDims, skipIDs bool) *recBuilder {
	b := &recBuilder{p: p, rows: rows, created: -1, won: -1, lost: -1, close: -1, ext: newRecExtra(p, rows), skipDims: skipDims, skipIDs: skipIDs}
	if !skipIDs {
		b.ids.init(rows, sm.avgLen(p.id))
		b.emails.init(rows, sm.avgLen(p.email))
	}
	b.leadRefs.init(rows, sm.avgLen(p.leadRef))
	addDate := func(c int, label string) int {
		if c < 0 {
			return -1
		}
		for i, x := range b.dcols {
			if x == c {
				return i
			}
		}
		b.dcols = append(b.dcols, c)
		b.dates = append(b.dates, &dateCol{name: label, vals: model.Column[int32](rows)})
		return len(b.dcols) - 1
	}
	for k := range p.m.Stages {
		b.stageDC = append(b.stageDC, addDate(p.stageDate[k], p.header[max(p.stageDate[k], 0)]))
	}
	b.created = addDate(p.created, p.header[max(p.created, 0)])
	b.won = addDate(p.wonDate, p.header[max(p.wonDate, 0)])
	b.lost = addDate(p.lostDate, p.header[max(p.lostDate, 0)])
	b.close = addDate(p.closeDate, p.header[max(p.closeDate, 0)])
	b.modified = addDate(p.modified, p.header[max(p.modified, 0)])
	for _, f := range p.stageFlag {
		if f >= 0 {
			b.flagMask = model.Column[uint16](rows)
			break
		}
	}
	b.stage, b.status = b.codeCol(p.stageCol, "stage", sm), b.codeCol(p.status, "status", sm)
	b.reason, b.currency = b.codeCol(p.reason, "reason", sm), b.codeCol(p.currency, "currency", sm)
	if !skipDims {
		b.makeDims(sm)
	}
	if p.amount >= 0 {
		b.amount = model.Column[int64](rows)
		b.decComma = moneyDecimalComma(sm.column(p.amount))
	}
	if p.prob >= 0 {
		b.prob = make([]uint8, rows)
	}
	return b
}

// codeCol makes the code column of header index c (nil when c < 0),
// sized from the sample.
func (b *recBuilder) codeCol(c int, name string, sm *sample) *dimCol {
	if c < 0 {
		return nil
	}
	return newDimCol(name, b.rows, sm.column(c), len(sm.rows))
}

// colName is column c's header, the name its dimension keeps ("" for none).
func (p *plan) colName(c int) string {
	if c < 0 || c >= len(p.header) {
		return ""
	}
	return p.header[c]
}

// makeDims makes the dimension columns: account, channel and the others.
func (b *recBuilder) makeDims(sm *sample) {
	p := b.p
	b.account = b.codeCol(p.account, p.colName(p.account), sm)
	if p.channel >= 0 {
		b.dims, b.dimSrc = append(b.dims, b.codeCol(p.channel, "channel", sm)), append(b.dimSrc, p.channel)
	}
	for _, c := range p.dims {
		b.dims, b.dimSrc = append(b.dims, b.codeCol(c, p.header[c], sm)), append(b.dimSrc, c)
	}
}

// recWorker parses rows into a recBuilder's columns; one per goroutine.
type recWorker struct {
	b      *recBuilder
	r      int  // row index of the next row kept
	limit  int  // row index past the range's rows (pass 1 counted them)
	over   bool // a row found no room: the file changed
	tmp    []dateVal
	tmpOK  []bool
	dstat  []dateStats // per date column
	scr    []arena     // ids, emails, lead refs, join keys of the current range
	cols   []*dimCol   // every code column, locked for the range
	batchs []batch     // per dims entry
	fixed  []fixedCol  // stage, status, reason, account, currency when read
	fronts []front     // per fixed, then per dims entry
	calls  int         // rows handed to row in the current range
	skips  []int32     // which of them were skipped (keepSkip), or are to be (dimsOnly)
}

type fixedCol struct {
	d *dimCol
	c int // header index
}

func (b *recBuilder) worker() *recWorker {
	w := &recWorker{b: b, tmp: make([]dateVal, len(b.dcols)), tmpOK: make([]bool, len(b.dcols)),
		dstat: make([]dateStats, len(b.dcols)), batchs: make([]batch, len(b.dims))}
	p := b.p
	var cur *dimCol // only a currency column; one shown with amounts is made by ccOnce, while workers run
	if p.currency >= 0 {
		cur = b.currency
	}
	for _, x := range []fixedCol{{b.stage, p.stageCol}, {b.status, p.status}, {b.reason, p.reason}, {b.account, p.account}, {cur, p.currency}} {
		if x.d != nil && x.c >= 0 {
			w.cols = append(w.cols, x.d)
			w.fixed = append(w.fixed, x)
		}
	}
	w.cols = append(w.cols, b.dims...)
	w.fronts = make([]front, len(w.fixed)+len(b.dims))
	return w
}

// begin starts a range whose first row has index row and which holds
// rows records.
func (w *recWorker) begin(row, rows int) {
	w.r, w.limit, w.over = row, row+rows, false
	w.calls, w.skips = 0, nil
	for i := range w.scr {
		w.scr[i].data, w.scr[i].ends = w.scr[i].data[:0], w.scr[i].ends[:0]
	}
	for _, c := range w.cols {
		c.codes.mu.RLock()
	}
}

// end finishes the range: pending lookups done, columns unlocked.
func (w *recWorker) end() {
	for i := range w.batchs {
		w.batchs[i].flush(w.b.dims[i])
	}
	for _, c := range w.cols {
		c.codes.mu.RUnlock()
	}
}

func (b *recBuilder) bad(f [][]byte, sp *splitter, line, c int, expected, reason string) *model.Problem {
	l, col := sp.fieldPos(c)
	if l == 0 {
		l = line
	}
	return &model.Problem{File: b.p.name, Line: l, Column: col, Field: b.p.header[c], Found: clip(string(bytes.TrimSpace(f[c]))),
		Expected: expected, Reason: reason}
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// row parses one row into the columns; it notes the ordinal of a row it
// skips when a dims phase is to replay the range (deferred.go).
func (w *recWorker) row(f [][]byte, line int, sp *splitter) *model.Problem {
	if w.b.dimsOnly {
		return w.dimsRow(f)
	}
	p := w.parse(f, line, sp)
	if p != nil && w.b.keepSkip {
		w.skips = append(w.skips, int32(w.calls))
	}
	w.calls++
	return p
}

func (w *recWorker) parse(f [][]byte, line int, sp *splitter) *model.Problem {
	b := w.b
	p := b.p
	any := false
	for i, c := range b.dcols {
		v := trimSpace(f[c])
		if len(v) == 0 || isNull(v) {
			w.tmpOK[i] = false
			continue
		}
		dv, ok := parseDate(v)
		if !ok && i == b.modified {
			w.tmpOK[i] = false // only bounds the close: an unreadable one bounds nothing
			continue
		}
		if !ok {
			return b.bad(f, sp, line, c, "a date like 2025-03-14, 03/14/2025 or 14 Mar 2025", "unreadable date")
		}
		w.tmp[i], w.tmpOK[i] = dv, true
	}
	var fm uint16
	for k, c := range p.stageFlag {
		if c < 0 || isNull(f[c]) {
			continue
		}
		v, ok := parseBool(f[c])
		if !ok {
			return b.bad(f, sp, line, c, "a yes/no value (1/0, Yes/No, TRUE/FALSE)", "unreadable flag")
		}
		if v {
			fm |= 1 << k
		}
	}
	for k, i := range b.stageDC {
		if i >= 0 && w.tmpOK[i] || fm&(1<<k) != 0 {
			any = true
		}
	}
	if b.created >= 0 && w.tmpOK[b.created] {
		any = true
	}
	if p.m.Shape == ShapeFlags && p.stageFlag[0] < 0 && p.stageDate[0] < 0 {
		any, fm = true, fm|1 // every record is at the top stage
	}
	if !any && p.m.Shape != ShapeCurrentStage {
		return &model.Problem{File: p.name, Line: line, Reason: "no stage date: the record reached no stage"}
	}
	outBits, bad := b.ext.read(b, f, sp, line)
	if bad != nil {
		return bad
	}
	var cents int64
	var cur string
	if p.amount >= 0 {
		if v := trimSpace(f[p.amount]); len(v) > 0 && !isNull(v) {
			c, cc, ok := parseAmount4(v, b.decComma) // ten-thousandths: finish scales them to the decimals the column has
			if !ok {
				return b.bad(f, sp, line, p.amount, "an amount like 1200, $1,200.50 or 1.200,50 €", "unreadable amount")
			}
			cents, cur = c, cc
		}
	}
	var pr uint8 = 255
	if p.prob >= 0 {
		if v := bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(f[p.prob]), []byte("%"))); len(v) > 0 && !isNull(v) {
			x, err := strconv.ParseFloat(string(v), 64)
			if p.probFrac {
				x *= 100
			}
			if err != nil || x < 0 || x > 100 {
				return b.bad(f, sp, line, p.prob, "a percentage from 0 to 100", "unreadable probability")
			}
			pr = uint8(x + 0.5)
		}
	}
	// The row is good: write every column at its index.
	if w.r >= w.limit {
		w.over = true
		return &model.Problem{File: p.name, Line: line, Reason: changedReason}
	}
	r := w.r
	w.r++
	for i, d := range b.dates {
		d.vals[r] = w.dstat[i].add(w.tmp[i], w.tmpOK[i], r)
	}
	if b.flagMask != nil {
		b.flagMask[r] = fm
	}
	if p.id >= 0 && !b.skipIDs {
		w.scr[0].add(f[p.id])
	}
	if p.email >= 0 && !b.skipIDs {
		w.scr[1].add(f[p.email])
	}
	if p.leadRef >= 0 {
		w.scr[2].add(f[p.leadRef])
	}
	if cur != "" && p.currency < 0 {
		b.ccOnce.Do(func() {
			b.amountCc = model.Column[uint32](b.rows)
			b.currency = newDimCol("currency", 0, nil, 0)
		})
		b.amountCc[r] = b.currency.dict.code([]byte(cur), r)
	}
	w.codes(f, r)
	if b.amount != nil {
		b.amount[r] = cents
	}
	if b.prob != nil {
		b.prob[r] = pr
	}
	w.commitExtra(f, line, outBits, r)
	return nil
}

// codes writes row r's values of every code column (stage, status,
// reason, account, currency, dims: those read).
func (w *recWorker) codes(f [][]byte, r int) {
	b := w.b
	for i, x := range w.fixed {
		x.d.set(r, w.fronts[i].code(x.d.dict, f[x.c], r))
	}
	for i, d := range b.dims {
		c := b.dimSrc[i]
		if d.dict.card() < batchFrom && len(w.batchs[i].vals) == 0 {
			d.set(r, w.fronts[len(w.fixed)+i].code(d.dict, f[c], r))
			continue
		}
		w.batchs[i].add(d, f[c], r)
	}
}

// changedReason is the problem of a row a range has no room for: the
// file changed between the two passes.
const changedReason = "the file changed while it was read"

// stageError is a located description of a bad stage mapping.
func stageError(name string, err string) error { return fmt.Errorf("%s: %s", name, err) }
