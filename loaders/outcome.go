package loaders

import (
	"fmt"
	"sort"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// recExtra is what a one-row-per-record file keeps besides the columns of
// the dataset: the outcome flags per record, and for a join, each
// record's line and key values.
type recExtra struct {
	p     *plan
	out   []uint8 // per record: outWonYes, outWonSet, outClosedYes, outClosedSet
	lines []int32 // per record: the line it starts on (joins only)
	keys  []arena // per p.keyCols (joins only)
	// labelled counts records whose stage label the flags overrule, by label.
	overruled map[string]int
}

const (
	outWonYes uint8 = 1 << iota
	outWonSet
	outClosedYes
	outClosedSet
)

// newRecExtra allocates the per-record columns at the body's record
// count; workers write them at each row's index (commitExtra).
func newRecExtra(p *plan, rows int) *recExtra {
	x := &recExtra{p: p}
	if p.wonFlag >= 0 || p.closedFlag >= 0 {
		x.out = model.Column[uint8](rows)
	}
	if len(p.keyCols) > 0 {
		x.lines = model.Column[int32](rows)
		x.keys = make([]arena, len(p.keyCols))
		for i := range x.keys {
			x.keys[i].init(rows, 12)
		}
	}
	return x
}

// read parses the row's outcome flags before the row is committed.
func (x *recExtra) read(b *recBuilder, f [][]byte, sp *splitter, line int) (uint8, *model.Problem) {
	if x.out == nil {
		return 0, nil
	}
	var bits uint8
	for _, fl := range [2]struct {
		c        int
		yes, set uint8
	}{{x.p.wonFlag, outWonYes, outWonSet}, {x.p.closedFlag, outClosedYes, outClosedSet}} {
		if fl.c < 0 || isNull(f[fl.c]) {
			continue
		}
		v, ok := parseBool(f[fl.c])
		if !ok {
			return 0, b.bad(f, sp, line, fl.c, "a yes/no value (1/0, Yes/No, TRUE/FALSE)", "unreadable flag")
		}
		bits |= fl.set
		if v {
			bits |= fl.yes
		}
	}
	return bits, nil
}

// commitExtra keeps the row's flags, line and keys (row r).
func (w *recWorker) commitExtra(f [][]byte, line int, bits uint8, r int) {
	x := w.b.ext
	if x.out != nil {
		x.out[r] = bits
	}
	if x.lines != nil {
		x.lines[r] = int32(line)
		for i, c := range x.p.keyCols {
			w.scr[3+i].add(f[c])
		}
	}
}

// exitOf decides record i's exit and, in a current-stage file, the stage
// it is at (-1 otherwise). The status column's exit comes first, then the
// stage label's; a won or closed flag overrules both, and a stage labelled
// won or closed that the flags say is not is counted at the first stage.
// Flags that overrule a label are counted into overruled (one map per
// goroutine, merged after).
func (b *recBuilder) exitOf(i int, statusExit, stageExit []model.ExitKind, stageOf []int, wonStage bool, last int, overruled map[string]int) (model.ExitKind, int) {
	m := b.p.m
	exit := model.ExitOpen
	if b.statusDim != nil {
		exit = statusExit[b.statusDim.Codes.At(i)]
	}
	k := -1
	var code uint32
	if m.Shape == ShapeCurrentStage {
		code = b.stageDim.Codes.At(i)
		if e := stageExit[code]; e != model.ExitOpen && exit == model.ExitOpen {
			exit = e
		}
		k = stageOf[code]
	}
	label := exit
	if x := b.ext; x.out != nil {
		bits := x.out[i]
		switch {
		case bits&outWonYes != 0:
			exit = model.ExitWon
		case bits&outClosedSet != 0 && bits&outClosedYes == 0:
			exit = model.ExitOpen
		case bits&outClosedYes != 0:
			if exit == model.ExitOpen {
				exit = model.ExitLost
			}
		case bits&outWonSet != 0 && exit == model.ExitWon:
			exit = model.ExitOpen
		}
		if exit != label && m.Shape == ShapeCurrentStage {
			overruled[b.stageDim.Values[code]+"\x00"+label.String()+"\x00"+exit.String()]++
			if label != model.ExitOpen && exit == model.ExitOpen || k == last && exit != model.ExitWon {
				k = 0 // a closed label the flags reopen: its stage is not known
			}
		}
	}
	if exit == model.ExitWon && wonStage && k >= 0 {
		k = last
	}
	return exit, k
}

// overruleNotes says which stage labels the flags overruled.
func (x *recExtra) overruleNotes(name string) []string {
	var keys []string
	for k := range x.overruled {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		p := strings.Split(k, "\x00")
		flags := strings.Trim(x.p.m.WonFlag+"/"+x.p.m.ClosedFlag, "/")
		out = append(out, fmt.Sprintf("%s: %d records at %q are %s by %s (the label says %s); the flag is kept",
			name, x.overruled[k], p[0], p[2], flags, p[1]))
	}
	return out
}

// wonStageOf says whether the mapping's last stage is the won stage:
// named like one, listed among the won values, or dated or flagged by
// the won column.
func wonStageOf(m *Mapping, stages []string) bool {
	if len(stages) == 0 {
		return false
	}
	last := stages[len(stages)-1]
	if isWonName(last) {
		return true
	}
	won := normSet(m.Won)
	if won[norm(last)] {
		return true
	}
	if n := len(m.Stages); n > 0 && m.Stages[n-1].Name == last {
		s := m.Stages[n-1]
		for _, v := range s.Values {
			if won[norm(v)] {
				return true
			}
		}
		if s.Flag != "" && s.Flag == m.WonFlag {
			return true
		}
	}
	return false
}

// currentNotes says how a current-stage file's stages were read: whether
// earlier stages are inferred (some open stage has no date column), and
// how many records have no stage.
func (b *recBuilder) currentNotes(ds *model.Dataset) []string {
	p := b.p
	var out []string
	undated := 0
	for k := range ds.Stages {
		if k < len(b.stageDC) && b.stageDC[k] >= 0 || k == 0 && b.created >= 0 {
			continue
		}
		if k == len(ds.Stages)-1 && wonStageOf(p.m, ds.Stages) && (b.won >= 0 || b.close >= 0) {
			continue
		}
		undated++
	}
	if undated > 0 && p.m.Status != p.m.StageColumn {
		ds.DatesInferred = true
		out = append(out, fmt.Sprintf("%s: each record holds its current stage; earlier stages are inferred from the stage order (%s) and %d stages have no date of their own",
			p.name, strings.Join(ds.Stages, " > "), undated))
	}
	if len(b.dcols) == 0 {
		ds.HasDates = false
		out = append(out, fmt.Sprintf("%s: the file has no dates: counts and breakdowns work, views over time stay empty", p.name))
	}
	blank := 0
	for i := range b.n {
		if b.stageDim.Codes.At(i) == 0 {
			blank++
		}
	}
	if blank > 0 {
		out = append(out, fmt.Sprintf("%s: %d records have no stage in %q; they count at %s, open", p.name, blank, p.header[p.stageCol], ds.Stages[0]))
	}
	return append(out, unknownNote(ds, p.name, p.header[p.stageCol])...)
}

// unknownNote says how many records have no known stage (and drops
// Dataset.StageUnknown when none has): they count at the first stage,
// and the step out of it leaves them out.
func unknownNote(ds *model.Dataset, name, col string) []string {
	closed, open := 0, 0
	for i, u := range ds.StageUnknown {
		switch {
		case !u:
		case ds.Exit[i] == model.ExitOpen:
			open++
		default:
			closed++
		}
	}
	if closed+open == 0 {
		ds.StageUnknown = nil
		return nil
	}
	who := fmt.Sprintf("%d closed records", closed)
	switch {
	case closed == 0:
		who = fmt.Sprintf("%d open records", open)
	case open > 0:
		who += fmt.Sprintf(" and %d open ones", open)
	}
	return []string{fmt.Sprintf("%s: %s have no known stage (%q gives an outcome or a value that is no stage, not the stage they got to): "+
		"they count at %s, and the step from %s to %s leaves them out, as they may have got further",
		name, who, col, ds.Stages[0], ds.Stages[0], ds.Stages[1])}
}
