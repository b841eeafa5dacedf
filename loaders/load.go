package loaders

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// Options steer a load. The zero value detects everything.
type Options struct {
	// Stages renames the stages, top first (must match their number).
	Stages []string
	// Preset forces a preset (see Presets); "" detects it from the headers.
	Preset string
	// Mapping, when set, says which columns mean what (overrides Preset).
	Mapping *Mapping
	// FileMappings reads the files it names (InputName) with their own
	// mappings, whatever Mapping and Preset say (the column screen's).
	FileMappings map[string]*Mapping
	// DateOrder forces how ambiguous numeric dates read ("DMY", "MDY").
	DateOrder DateOrder
	// Sheet names the worksheet of an .xlsx workbook (default: the first).
	Sheet string
	// MaxField is the largest field accepted, in bytes (default 1 MiB).
	MaxField int
	// MaxProblems caps the problems listed (default 1000; all are counted).
	MaxProblems int
	// Progress, when set, is called now and then with how many of the
	// files' total bytes are done (reading or indexing counts for a tenth
	// of a file, parsing for the rest) so a caller can draw a bar. Files
	// are parsed on every core; calls are serialised and never go back.
	Progress func(done, total int64)
	// Stdin is what the path "-" reads (default os.Stdin).
	Stdin io.Reader
	// SkipDims leaves a one-row-per-record file's dimension columns
	// (channel, campaign, owner, company, account...) unread: Dataset.Dims
	// is empty and Load.DimsSkipped says so. Stage dates, status and its
	// date, reasons, ids, emails and amounts are read (and rows skipped)
	// as always. For a caller that neither breaks down nor filters by a
	// dimension, such as the default report: the dictionaries of those
	// columns are a third of the parse.
	SkipDims bool
	// SkipIDs leaves a one-row-per-record file's ids and emails unread
	// (Dataset.IDs and Emails are empty): for a caller that lists no
	// record, such as the report. Rows are read and skipped as always.
	SkipIDs bool

	prog      *progress
	fallback  bool // detect the columns if Preset/Mapping does not fit
	join      bool // keep key columns and lines for joining files by value
	deferDims bool // leave a streamed file's dims, ids, emails to a Deferred (deferred.go)
}

func (o Options) withDefaults() Options {
	if o.MaxField <= 0 {
		o.MaxField = 1 << 20
	}
	if o.MaxProblems <= 0 {
		o.MaxProblems = 1000
	}
	return o
}

// LoadFile opens path read-only and loads it.
func LoadFile(path string, opt Options) (*model.Dataset, error) {
	return LoadFiles(context.Background(), []string{path}, opt)
}

// LoadFiles loads one or more files. Several files (leads, deals, …) are
// joined into one funnel, each onto the ones before, by lead id, email or
// account; each match rate is reported in Load.Decisions. Cancelling ctx
// stops the load.
func LoadFiles(ctx context.Context, paths []string, opt Options) (*model.Dataset, error) {
	ds, _, err := loadFiles(ctx, paths, opt) // Options from outside never set deferDims
	return ds, err
}

func loadFiles(ctx context.Context, paths []string, opt Options) (*model.Dataset, *Deferred, error) {
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("no files to load")
	}
	if err := checkStdinOnce(paths); err != nil {
		return nil, nil, err
	}
	var total int64
	sizes := make([]int64, len(paths))
	for i, p := range paths {
		sizes[i] = fileSize(p)
		total += sizes[i]
	}
	var done int64
	var sets []*loaded
	for i, p := range paths {
		o := opt
		var readProg func(read, total int64)
		if opt.Progress != nil {
			o.prog = &progress{fn: opt.Progress, base: done, size: sizes[i], total: total}
			readProg = func(read, _ int64) { o.prog.read(read) }
			if sizes[i] == 0 && p == StdinPath { // a pipe: bytes read, total unknown
				base := done
				readProg = func(read, _ int64) { opt.Progress(base+read, 0) }
			}
		}
		done += sizes[i]
		if len(paths) > 1 {
			// --stages renames the joined funnel; a preset or mapping that
			// does not fit a later file gives way to detection there.
			o.Stages, o.fallback, o.join = nil, i > 0, true
		}
		if fm := opt.FileMappings[InputName(p)]; fm != nil {
			o.Mapping, o.Preset, o.fallback = fm, "", false
		}
		l, note, err := loadPath(ctx, p, InputName(p), o, readProg)
		if err != nil {
			return nil, nil, err
		}
		if note != "" {
			l.ds.Load.Decisions = append([]string{note}, l.ds.Load.Decisions...)
		}
		sets = append(sets, l)
		if o.prog != nil {
			opt.Progress(done, total)
		}
	}
	if len(sets) == 1 {
		if r := sets[0].rest; r != nil {
			r.lean = sets[0].ds
		}
		return sets[0].ds, sets[0].rest, nil
	}
	ds, err := joinAll(sets, opt.withDefaults().MaxProblems)
	if err != nil {
		return nil, nil, err
	}
	if len(opt.Stages) > 0 {
		if len(opt.Stages) != len(ds.Stages) {
			return nil, nil, fmt.Errorf("--stages names %d stages but the joined files have %d (%s)",
				len(opt.Stages), len(ds.Stages), strings.Join(ds.Stages, ", "))
		}
		ds.Stages = append([]string(nil), opt.Stages...)
	}
	return ds, nil, nil
}

// Load reads everything from r and loads it as a file called name.
func Load(r io.Reader, name string, opt Options) (*model.Dataset, error) {
	r, _, err := maybeGunzip(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	raw, err := readAll(context.Background(), r, 0, nil)
	if err != nil {
		return nil, err
	}
	if opt.Progress != nil && opt.prog == nil {
		opt.prog = &progress{fn: opt.Progress, size: int64(len(raw)), total: int64(len(raw)), textLen: int64(len(raw))}
	}
	return LoadBytes(context.Background(), raw, name, opt)
}

// LoadBytes loads a file's bytes (it may modify raw in place).
func LoadBytes(ctx context.Context, raw []byte, name string, opt Options) (*model.Dataset, error) {
	l, err := loadOne(ctx, raw, name, opt)
	if err != nil {
		return nil, err
	}
	return l.ds, nil
}

func loadOne(ctx context.Context, raw []byte, name string, opt Options) (*loaded, error) {
	opt = opt.withDefaults()
	var pre []string
	if isZip(raw) {
		sheet := opt.Sheet
		if sheet == "" && opt.Mapping != nil {
			sheet = opt.Mapping.Sheet
		}
		text, note, err := xlsxToCSV(name, raw, sheet)
		if err != nil {
			return nil, err
		}
		raw, pre = text, []string{note}
	}
	nuls := replaceStrayNULs(name, raw)
	text, enc, err := decodeText(name, raw)
	if err != nil {
		return nil, err
	}
	return loadDecoded(ctx, text, enc, pre, nuls, nil, name, opt)
}

// loadDecoded loads decoded text; pre are decisions made before (an .xlsx
// sheet), nuls says which NULs were replaced. With f set, text is only the head of the file
// (whole lines) and the body is read from f in chunks; loadDecoded then
// returns errNoStream when the file needs loading whole (not UTF-8 after
// all, a stage-history log).
func loadDecoded(ctx context.Context, text []byte, enc string, pre []string, nuls string, f *streamFile, name string, opt Options) (*loaded, error) {
	var err error
	nulAt := strayNULsAt(text)
	d, start := sniffDialect(text)
	d.Encoding = enc
	if opt.prog != nil {
		opt.prog.textLen = int64(len(text))
		if f != nil {
			opt.prog.textLen = f.size
		}
	}
	decisions := pre
	if pre == nil {
		decisions = append(decisions, fmt.Sprintf("%s: read as %s, %s-separated, %s line endings", name, enc, delimNames[d.Delim], d.LineEnding))
	}
	if nuls != "" {
		decisions = append(decisions, nuls)
	}
	nulDecision := len(decisions) // where a streamed body's NUL note goes
	line := 1
	if d.SepLine {
		line = 2
		decisions = append(decisions, fmt.Sprintf("%s: the first line %q sets the separator", name, "sep="+string(d.Delim)))
	}
	sp := newSplitter(name, text, d.Delim, opt.MaxField, line)
	sp.pos = start
	var hdr [][]byte
	for {
		hdr, err = sp.next()
		if err == io.EOF {
			return nil, errorf(name, sp.line, 0, "", "an empty file", "a header row", "no data")
		}
		if err != nil {
			return nil, err
		}
		if !blank(hdr) {
			break
		}
	}
	header, notes := headerNames(hdr)
	header, notes = keepDataColumns(header, notes, len(hdr), text[sp.pos:], d.Delim, sp.line)
	for _, n := range notes {
		decisions = append(decisions, name+": "+n)
	}
	var rows [][][]byte
	if f != nil {
		rows = profileSampleFrom(int(f.size-f.base)-sp.pos, f.reader(f.base+int64(sp.pos)), d.Delim, sp.line, len(header))
	} else {
		rows = profileSample(text[sp.pos:], d.Delim, sp.line, len(header))
	}
	profiles := profileColumns(header, rows)
	var inf *inference
	var m *Mapping
	if opt.Mapping == nil && opt.Preset == "" {
		if inf, err = inferMapping(name, header, profiles, rows); err == nil {
			m = inf.m
		} else if len(rows) == 0 {
			// No row has the header's width: read by names alone, so the
			// scan can say what is wrong with the rows.
			inf, m, err = nil, genericStageDates(header), nil
		}
	} else {
		m, err = chooseMapping(name, header, opt)
	}
	var plan *plan
	if err == nil {
		plan, err = compile(name, header, m)
	}
	if err != nil && opt.fallback {
		decisions = append(decisions, fmt.Sprintf("%s: the given preset or mapping does not fit this file (%v); columns detected instead", name, err))
		if inf, err = inferMapping(name, header, profiles, rows); err == nil {
			m = inf.m
			plan, err = compile(name, header, m)
		}
	}
	if err != nil {
		return nil, err
	}
	switch {
	case inf != nil:
		for _, n := range inf.notes {
			decisions = append(decisions, name+": "+n)
		}
	case m.Preset != "" && opt.Mapping == nil:
		decisions = append(decisions, fmt.Sprintf("%s: columns read with the %s preset (%s shape)", name, m.Preset, m.Shape))
	default:
		decisions = append(decisions, fmt.Sprintf("%s: columns read with the given mapping (%s shape)", name, m.Shape))
	}
	plan.setup(profiles, opt.join)
	var bd body = memBody(text[sp.pos:])
	if f != nil {
		if m.Shape == ShapeHistory {
			return nil, errNoStream
		}
		bd = fileBody{f: f.f, base: f.base + int64(sp.pos), n: f.size - f.base - int64(sp.pos)}
	}
	headNULs := 0
	for _, i := range nulAt {
		if f == nil || i < sp.pos {
			headNULs++
		}
	}
	var sink interface {
		finish(opt Options) (*model.Dataset, error)
	}
	var st *scanStats
	var bi *bodyIndex
	var rest *Deferred
	if m.Shape == ShapeHistory {
		hb := newHistBuilder(plan, estimateRows(text[sp.pos:]))
		sink = hb
		st, err = scan(ctx, sp, len(header), hb, name, opt.MaxProblems, opt.prog, true)
	} else {
		bi, err = indexBody(ctx, bd, d.Delim, sp.line, opt.prog)
		if err != nil {
			return nil, err
		}
		if bi.badUTF8 {
			if f != nil {
				return nil, errNoStream
			}
			return nil, fmt.Errorf("%s: text is not valid UTF-8 after decoding", name)
		}
		if bi.lenient {
			// A quote read leniently: the body cannot be cut exactly, so
			// it is parsed as one range, rows bounded by its lines.
			bi.ranges = []bodyRange{{lo: 0, hi: bd.size(), rows: bi.lines + 1, line: sp.line, nuls: bi.nuls > 0}}
			bi.rows = bi.lines + 1
		}
		sm := takeSample(text[sp.pos:], d.Delim, sp.line)
		lazy := opt.deferDims && f != nil && (plan.hasDims() || plan.id >= 0 || plan.email >= 0)
		rb := newRecBuilder(plan, bi.rows, sm, opt.SkipDims || lazy, opt.SkipIDs || lazy)
		rb.keepSkip = lazy // the dims phase replays the rows skipped
		sink = rb
		st, err = rb.parseBody(ctx, bd, bi, name, d.Delim, len(header), opt)
		if err == nil && lazy {
			rest = deferFrom(rb, bd, bi, f, sm, name, d.Delim, len(header), opt)
		}
	}
	if err != nil {
		return nil, err
	}
	if nuls := headNULs + bodyNULs(bi); nuls > 0 {
		line, col := st.nulLine, st.nulCol
		if headNULs > 0 {
			line, col = lineCol(text, nulAt[0])
		}
		size := int64(len(text))
		if f != nil {
			size = f.size
		}
		if int64(nuls)*1000 > size {
			return nil, errorf(name, line, col, "", fmt.Sprintf("%d NUL bytes (binary data)", nuls), "a CSV text file", "not a text file")
		}
		note := fmt.Sprintf("%s: %d NUL bytes inside fields were replaced with spaces (the first at line %d, column %d)", name, nuls, line, col)
		decisions = append(decisions[:nulDecision], append([]string{note}, decisions[nulDecision:]...)...)
	}
	if st.ld.Read == 0 {
		return nil, errorf(name, 2, 0, "", "a header and no rows under it", "one row per record under the header", "no data rows")
	}
	ld := st.ld
	ld.Decisions = append(decisions, st.decisions(name)...)
	ds, err := sink.finish(opt)
	if err != nil {
		return nil, err
	}
	ld.Decisions = append(ld.Decisions, ds.Load.Decisions...)
	ld.Problems = append(ld.Problems, ds.Load.Problems...)
	ld.Files = []string{name}
	ld.DimsSkipped = ds.Load.DimsSkipped
	ds.Load = ld
	// The mapping that reads the file the same way again (before --stages
	// renames the stages), with the sheet of a workbook read with --sheet.
	eff := effectiveMapping(&loaded{ds: ds, mapping: m})
	if len(pre) > 0 && eff.Sheet == "" {
		eff.Sheet = opt.Sheet
	}
	ds.Load.Mappings = []*Mapping{eff}
	if len(opt.Stages) > 0 {
		if len(opt.Stages) != len(ds.Stages) {
			return nil, fmt.Errorf("%s: --stages names %d stages but the file has %d (%s)",
				name, len(opt.Stages), len(ds.Stages), strings.Join(ds.Stages, ", "))
		}
		ds.Stages = append([]string(nil), opt.Stages...)
	}
	out := &loaded{ds: ds, mapping: m, plan: plan, header: header, rest: rest}
	if rb, ok := sink.(*recBuilder); ok {
		if plan.leadRef >= 0 {
			lr := rb.leadRefs.strings()
			out.leadRefs = &lr
		}
		out.ext = rb.ext
		out.stageVals = rb.stageDim
	}
	if hb, ok := sink.(*histBuilder); ok {
		out.hist = hb
	}
	describeLoad(out, name, profiles, inf)
	return out, ds.Validate()
}
