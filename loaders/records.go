package loaders

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/funnel-cli/funnel/model"
)

// recBuilder streams one-row-per-record files (stage dates, current stage,
// flags) into columns.
type recBuilder struct {
	p        *plan
	dcols    []int      // header index of every date column read
	dates    []*dateCol // parallel to dcols
	tmp      []dateVal
	tmpOK    []bool
	stageDC  []int // per stage: index into dates, or -1
	created  int   // index into dates, or -1
	won      int
	lost     int
	close    int
	flagMask []uint16
	ids      arena
	emails   arena
	leadRefs arena
	stage    *dimBuf
	status   *dimBuf
	reason   *dimBuf
	account  *dimBuf
	currency *dimBuf
	dims     []*dimBuf
	amount   []int64
	amountCc []uint32 // currency shown with the amount ($, EUR)
	prob     []uint8
	decComma bool
	n        int
	ext      *recExtra // outcome flags, join keys (outcome.go)
}

func newRecBuilder(p *plan, est int, sm *sample) *recBuilder {
	b := &recBuilder{p: p, created: -1, won: -1, lost: -1, close: -1, ext: newRecExtra(p, est)}
	b.ids.init(est, sm.avgLen(p.id))
	b.emails.init(est, sm.avgLen(p.email))
	b.leadRefs.init(est, sm.avgLen(p.leadRef))
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
		b.dates = append(b.dates, newDateCol(label, est))
		return len(b.dcols) - 1
	}
	for k := range p.m.Stages {
		b.stageDC = append(b.stageDC, addDate(p.stageDate[k], p.header[max(p.stageDate[k], 0)]))
	}
	b.created = addDate(p.created, p.header[max(p.created, 0)])
	b.won = addDate(p.wonDate, p.header[max(p.wonDate, 0)])
	b.lost = addDate(p.lostDate, p.header[max(p.lostDate, 0)])
	b.close = addDate(p.closeDate, p.header[max(p.closeDate, 0)])
	b.tmp, b.tmpOK = make([]dateVal, len(b.dcols)), make([]bool, len(b.dcols))
	for _, f := range p.stageFlag {
		if f >= 0 {
			b.flagMask = make([]uint16, 0, est)
			break
		}
	}
	mk := func(c int, name string) *dimBuf {
		if c < 0 {
			return nil
		}
		return newDimBuf(name, est)
	}
	b.stage, b.status = mk(p.stageCol, "stage"), mk(p.status, "status")
	b.reason, b.account, b.currency = mk(p.reason, "reason"), mk(p.account, "account"), mk(p.currency, "currency")
	if p.channel >= 0 {
		b.dims = append(b.dims, newDimBuf("channel", est))
	}
	for _, c := range p.dims {
		b.dims = append(b.dims, newDimBuf(p.header[c], est))
	}
	if p.amount >= 0 {
		b.amount = make([]int64, 0, est)
		b.decComma = moneyDecimalComma(sm.column(p.amount))
	}
	if p.prob >= 0 {
		b.prob = make([]uint8, 0, est)
	}
	return b
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

func (b *recBuilder) row(f [][]byte, line int, sp *splitter) *model.Problem {
	p := b.p
	any := false
	for i, c := range b.dcols {
		v := bytes.TrimSpace(f[c])
		if len(v) == 0 || isNull(v) {
			b.tmpOK[i] = false
			continue
		}
		dv, ok := parseDate(v)
		if !ok {
			return b.bad(f, sp, line, c, "a date like 2025-03-14, 03/14/2025 or 14 Mar 2025", "unreadable date")
		}
		b.tmp[i], b.tmpOK[i] = dv, true
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
		if i >= 0 && b.tmpOK[i] || fm&(1<<k) != 0 {
			any = true
		}
	}
	if b.created >= 0 && b.tmpOK[b.created] {
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
	var cc uint32
	if p.amount >= 0 {
		if v := bytes.TrimSpace(f[p.amount]); len(v) > 0 && !isNull(v) {
			c, cur, ok := parseAmount(v, b.decComma)
			if !ok {
				return b.bad(f, sp, line, p.amount, "an amount like 1200, $1,200.50 or 1.200,50 €", "unreadable amount")
			}
			cents = c
			if cur != "" && p.currency < 0 {
				if b.amountCc == nil {
					b.amountCc = make([]uint32, b.n, cap(b.amount))
					if b.currency == nil {
						b.currency = newDimBuf("currency", cap(b.amount))
					}
				}
				cc = b.currency.code([]byte(cur))
			}
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
	// The row is good: commit every column.
	for i, d := range b.dates {
		d.push(b.tmp[i], b.tmpOK[i])
	}
	if b.flagMask != nil {
		b.flagMask = append(b.flagMask, fm)
	}
	if p.id >= 0 {
		b.ids.add(f[p.id])
	}
	if p.email >= 0 {
		b.emails.add(f[p.email])
	}
	if p.leadRef >= 0 {
		b.leadRefs.add(f[p.leadRef])
	}
	for _, x := range []struct {
		d *dimBuf
		c int
	}{{b.stage, p.stageCol}, {b.status, p.status}, {b.reason, p.reason}, {b.account, p.account}} {
		if x.d != nil {
			x.d.push(x.d.code(f[x.c]))
		}
	}
	if b.currency != nil {
		if p.currency >= 0 {
			b.currency.push(b.currency.code(f[p.currency]))
		} else {
			b.amountCc = append(b.amountCc, cc)
		}
	}
	di := 0
	if p.channel >= 0 {
		b.dims[0].add(f[p.channel])
		di = 1
	}
	for j, c := range p.dims {
		d := b.dims[di+j]
		d.add(f[c])
	}
	if b.amount != nil {
		b.amount = append(b.amount, cents)
	}
	if b.prob != nil {
		b.prob = append(b.prob, pr)
	}
	b.ext.commit(f, line, outBits)
	b.n++
	return nil
}

// stageError is a located description of a bad stage mapping.
func stageError(name string, err string) error { return fmt.Errorf("%s: %s", name, err) }
