package loaders

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/funnel-cli/funnel/model"
)

// finish resolves date orders and stage values and assembles the dataset.
func (b *recBuilder) finish(opt Options) (*model.Dataset, error) {
	p, m, n := b.p, b.p.m, b.n
	ds := &model.Dataset{HasDates: true}
	var dec []string
	hintDateOrder(b.dates)
	for _, d := range b.dates {
		if s := d.finish(opt.DateOrder); s != "" {
			dec = append(dec, p.name+": "+s)
		}
	}
	b.compact()
	b.finishDims()
	col := func(i int) []int32 {
		if i < 0 {
			return nil
		}
		return b.dates[i].vals
	}
	created := col(b.created)
	for _, s := range m.Stages {
		ds.Stages = append(ds.Stages, s.Name)
	}
	statusExit, stageExit := exitCodes(m, b.statusDim), exitCodes(m, b.stageDim)
	var stageOf []int
	if m.Shape == ShapeCurrentStage {
		var notes []string
		stageOf, notes = b.resolveStages(ds)
		dec = append(dec, notes...)
	}
	ns := len(ds.Stages)
	if ns > model.MaxStages {
		return nil, stageError(p.name, fmt.Sprintf("%d stages (%s); at most %d are supported", ns, strings.Join(ds.Stages, ", "), model.MaxStages))
	}
	ds.Days = make([][]int32, ns)
	for k := range ds.Days {
		if k < len(b.stageDC) && b.stageDC[k] >= 0 {
			ds.Days[k] = col(b.stageDC[k])
		}
	}
	if ds.Days[0] == nil && created != nil {
		ds.Days[0] = created
	}
	for k := range ds.Days {
		if ds.Days[k] == nil {
			ds.Days[k] = model.Column[int32](n)
			for i := range ds.Days[k] {
				ds.Days[k][i] = model.NoDay
			}
		}
	}
	if created != nil && b.stageDC[0] >= 0 {
		for i, v := range ds.Days[0] {
			if v == model.NoDay {
				ds.Days[0][i] = created[i]
			}
		}
	}
	flagOnly := 0
	for k := 1; k < len(m.Stages); k++ {
		if b.stageDC[k] < 0 && p.stageFlag[k] >= 0 {
			flagOnly++
		}
	}
	if m.Shape == ShapeFlags || flagOnly > 0 {
		ds.HasDates = false
		if n := max(flagOnly, 1); n == 1 {
			dec = append(dec, fmt.Sprintf("%s: 1 stage comes from a yes/no flag without dates; views over time have no data", p.name))
		} else {
			dec = append(dec, fmt.Sprintf("%s: %d stages come from yes/no flags without dates; views over time have no data", p.name, n))
		}
	}
	ds.Reached = model.Column[uint16](n)
	if m.Shape == ShapeCurrentStage && ns > 2 {
		ds.StageUnknown = make([]bool, n) // nil again below when no record is
	}
	ds.Exit = model.Column[model.ExitKind](n)
	ds.ExitDay = model.Column[int32](n)
	won, lost, closeD := col(b.won), col(b.lost), col(b.close)
	var mu sync.Mutex
	dlo, dhi := int32(math.MaxInt32), int32(math.MinInt32)
	parallelFor(n, func(lo, hi int) {
		overruled := map[string]int{}
		l, h := b.finishRows(ds, lo, hi, statusExit, stageExit, stageOf, won, lost, closeD, overruled)
		mu.Lock()
		dlo, dhi = min(dlo, l), max(dhi, h)
		for k, v := range overruled {
			if b.ext.overruled == nil {
				b.ext.overruled = map[string]int{}
			}
			b.ext.overruled[k] += v
		}
		mu.Unlock()
	})
	if note, moved := clampToModified(ds, col(b.modified), m.Modified, p.name, wonStageOf(m, ds.Stages)); note != "" {
		dec = append(dec, note)
		if moved {
			dlo, dhi, _ = ds.DayRange() // a won day moved: the range is worked out again
		}
	}
	if m.Shape == ShapeCurrentStage {
		dec = append(dec, b.currentNotes(ds)...)
	}
	dec = append(dec, b.ext.overruleNotes(p.name)...)
	b.assemble(ds)
	if ds.Amount != nil {
		// Amounts are kept to the decimals the column has (up to 4), so
		// that sums are exact; each sum is rounded to cents once.
		ds.AmountDecimals = amountDecimals(ds.Amount)
		scaleAmounts(ds.Amount, ds.AmountDecimals)
		if ds.AmountDecimals > 2 {
			dec = append(dec, fmt.Sprintf("%s: amounts in %q have up to %d decimals: kept to %d, so totals are exact",
				p.name, m.Amount, ds.AmountDecimals, ds.AmountDecimals))
		}
	}
	ds.SetDayRange(dlo, dhi)
	ds.Load.Decisions = dec
	return ds, nil
}

// finishRows works out records [lo, hi): reached mask, exit and its day;
// it returns the first and last stage date among them.
func (b *recBuilder) finishRows(ds *model.Dataset, lo, hi int, statusExit, stageExit []model.ExitKind, stageOf []int, won, lost, closeD []int32, overruled map[string]int) (int32, int32) {
	dlo, dhi := int32(math.MaxInt32), int32(math.MinInt32)
	m := b.p.m
	ns := len(ds.Stages)
	last := ns - 1
	lastIsWon := wonStageOf(m, ds.Stages)
	for i := lo; i < hi; i++ {
		var mask uint16
		for k := 0; k < ns; k++ {
			if d := ds.Days[k][i]; d != model.NoDay {
				mask |= 1 << k
				dlo, dhi = min(dlo, d), max(dhi, d)
			}
		}
		if b.flagMask != nil {
			mask |= b.flagMask[i]
		}
		exit, k := b.exitOf(i, statusExit, stageExit, stageOf, lastIsWon, last, overruled)
		if k >= 0 {
			mask |= 1<<(k+1) - 1
		}
		if ds.StageUnknown != nil && exit != model.ExitWon {
			// the stage value names no stage (Closed Lost, on hold, blank)
			// or the flags overruled the one it names: how far it got is unknown
			code := b.stageDim.Codes.At(i)
			ds.StageUnknown[i] = !b.stagePlaced[code] || k != stageOf[code]
		}
		if exit == model.ExitOpen && lastIsWon && mask&(1<<last) != 0 {
			exit = model.ExitWon
		}
		if exit == model.ExitWon && lastIsWon {
			mask |= 1 << last
		}
		ds.Reached[i] = mask
		ds.Exit[i] = exit
		day := model.NoDay
		switch exit {
		case model.ExitWon:
			day = pick(i, won, closeD, ds.Days[last])
			if ds.Days[last][i] == model.NoDay && lastIsWon {
				ds.Days[last][i] = day
				if day != model.NoDay {
					dlo, dhi = min(dlo, day), max(dhi, day)
				}
			}
		case model.ExitLost, model.ExitDisqualified, model.ExitChurned:
			day = pick(i, lost, closeD)
		}
		ds.ExitDay[i] = day
	}
	return dlo, dhi
}

func pick(i int, cols ...[]int32) int32 {
	for _, c := range cols {
		if c != nil && c[i] != model.NoDay {
			return c[i]
		}
	}
	return model.NoDay
}

func isWonName(s string) bool {
	switch norm(s) {
	case "won", "closedwon", "customer", "customers", "win":
		return true
	}
	return false
}

// exitCodes maps each value code of a status or stage column to an exit kind.
func exitCodes(m *Mapping, d *model.Dim) []model.ExitKind {
	if d == nil {
		return nil
	}
	won, lost := normSet(m.Won), normSet(m.Lost)
	dq, churn := normSet(m.Disqualified), normSet(defaultChurn)
	out := make([]model.ExitKind, len(d.Values))
	for c, v := range d.Values {
		k := norm(v)
		switch {
		case won[k]:
			out[c] = model.ExitWon
		case lost[k]:
			out[c] = model.ExitLost
		case dq[k]:
			out[c] = model.ExitDisqualified
		case churn[k]:
			out[c] = model.ExitChurned
		}
	}
	return out
}

// resolveStages maps every current-stage value to a stage index. Values
// not in the mapping's order become new stages placed before a final
// Won stage (or after the last), in the order first seen.
func (b *recBuilder) resolveStages(ds *model.Dataset) ([]int, []string) {
	m := b.p.m
	byNorm := map[string]int{}
	for k, s := range m.Stages {
		byNorm[norm(s.Name)] = k
		for _, v := range s.Values {
			byNorm[norm(v)] = k
		}
	}
	// Exits and values that are no stage count at the first stage.
	exits := normSet(m.Won, m.Lost, m.Disqualified, m.NotStages)
	vals := b.stageDim.Values
	out := make([]int, len(vals))
	b.stagePlaced = make([]bool, len(vals))
	var extra []string
	for c, v := range vals {
		k, ok := byNorm[norm(v)]
		b.stagePlaced[c] = ok || !exits[norm(v)] && v != ""
		if ok || v == "" {
			out[c] = k
			continue
		}
		if exits[norm(v)] {
			out[c] = 0
			continue
		}
		extra = append(extra, v)
		out[c] = -1 // placed below
	}
	var notes []string
	if len(extra) == 0 {
		return out, notes
	}
	insert := len(ds.Stages)
	if isWonName(ds.Stages[insert-1]) {
		insert--
	}
	stages := append([]string(nil), ds.Stages[:insert]...)
	stages = append(stages, extra...)
	stages = append(stages, ds.Stages[insert:]...)
	pos := map[string]int{}
	for k, s := range stages {
		pos[s] = k
	}
	for c, v := range vals {
		if k := out[c]; k >= 0 {
			if k >= insert {
				out[c] = k + len(extra)
			}
			continue
		}
		out[c] = pos[v]
	}
	ds.Stages = stages
	notes = append(notes, fmt.Sprintf("%s: stages %s are not in the preset's order; placed after %s in the order first seen (give a mapping file to set the order)",
		b.p.name, quoteList(extra), ds.Stages[max(insert-1, 0)]))
	return out, notes
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// finishDims turns every code column into a model.Dim (values in
// first-seen order) once the rows are compacted.
func (b *recBuilder) finishDims() {
	done := func(d *dimCol) *model.Dim {
		if d == nil {
			return nil
		}
		return d.done(b.rows)
	}
	b.stageDim, b.statusDim = done(b.stage), done(b.status)
	b.reasonDim, b.accountDim = done(b.reason), done(b.account)
	for _, d := range b.dims {
		b.dimsDone = append(b.dimsDone, done(d))
	}
	if b.currency != nil {
		if b.amountCc != nil && b.p.currency < 0 {
			b.currency.codes = codeCol{w: 4, u32: b.amountCc}
		}
		b.currencyDim = done(b.currency)
	}
}

// assemble moves the remaining columns into the dataset.
func (b *recBuilder) assemble(ds *model.Dataset) {
	ds.IDs, ds.Emails = b.ids.strings(), b.emails.strings()
	ds.Load.DimsSkipped = b.skipDims
	ds.Dims = append(ds.Dims, b.dimsDone...)
	ds.Account = b.p.colName(b.p.account) // also when the dims are read later
	if b.accountDim != nil {
		ds.Dims = append(ds.Dims, b.accountDim)
	}
	if b.reasonDim != nil {
		ds.Reason = b.reasonDim
	} else {
		ds.Reason = model.NewDim("reason", 0)
		ds.Reason.Codes = model.MakeCodes(b.n, 1)
	}
	if b.amount != nil {
		ds.Amount = b.amount
	}
	if b.prob != nil {
		ds.Probability = b.prob
	}
	if cur := b.currencyDim; cur != nil {
		if len(cur.Values) <= 2 {
			ds.Currency = cur.Values[len(cur.Values)-1]
		} else {
			ds.Currencies = cur
		}
	}
}
