package loaders

import (
	"bytes"
	"context"
	"hash/maphash"
	"runtime"
	"sync"

	"github.com/funnel-cli/funnel/model"
)

// parallelMin is the smallest body worth splitting across two cores.
var parallelMin = 8 << 20

// scanAll scans the rows, splitting a large one-row-per-record body in two
// halves parsed on two cores when the quoting allows an exact cut.
func scanAll(ctx context.Context, sp *splitter, width int, sink rowSink, name string, opt Options, est int) (*scanStats, error) {
	rb, ok := sink.(*recBuilder)
	body := len(sp.data) - sp.pos
	if !ok || body < parallelMin || runtime.GOMAXPROCS(0) < 2 {
		return scan(ctx, sp, width, sink, name, opt.MaxProblems, opt.prog)
	}
	cut, ok := recordCut(sp.data, sp.pos, sp.pos+body/2, sp.delim)
	if !ok {
		return scan(ctx, sp, width, sink, name, opt.MaxProblems, opt.prog)
	}
	lines := countLines(sp.data[sp.pos:cut])
	first := newSplitter(name, sp.data[:cut], sp.delim, sp.maxField, sp.line)
	first.pos = sp.pos
	second := newSplitter(name, sp.data[cut:], sp.delim, sp.maxField, sp.line+lines)
	rb2 := newRecBuilderLike(rb, est/2+16)
	var st2 *scanStats
	var err2 error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		st2, err2 = scan(ctx, second, width, rb2, name, opt.MaxProblems, opt.prog)
	}()
	st, err := scan(ctx, first, width, rb, name, opt.MaxProblems, opt.prog)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if err2 != nil {
		return nil, err2
	}
	// The ragged-row tolerance applies to the whole file.
	if st.ragged+st2.ragged > 10 && (st.ragged+st2.ragged)*20 > st.ld.Read+st2.ld.Read {
		line := st.firstRagged
		if line == 0 {
			line = st2.firstRagged
		}
		return nil, errorf(name, line, 0, "", "too many rows with a field count unlike the header's",
			"rows with as many fields as the header; check the separator and quoting", "ragged rows")
	}
	st.merge(st2, opt.MaxProblems)
	rb.merge(rb2)
	return st, nil
}

// recordCut finds the first line end at or after mid that is outside any
// quoted field, walking the quotes from start. It gives up (ok false) on
// a quote that is not at a field start or a closing quote followed by
// text, since the parser then reads the quote leniently.
func recordCut(d []byte, start, mid int, delim byte) (int, bool) {
	inQ := false
	sep := func(c byte) bool { return c == delim || c == '\n' || c == '\r' }
	i := start
	for i < mid {
		j := bytes.IndexByte(d[i:mid], '"')
		if j < 0 {
			break
		}
		q := i + j
		if !inQ {
			if q > start && !sep(d[q-1]) {
				return 0, false
			}
			inQ, i = true, q+1
			continue
		}
		if q+1 < len(d) && d[q+1] == '"' {
			i = q + 2
			continue
		}
		if q+1 < len(d) && !sep(d[q+1]) {
			return 0, false
		}
		inQ, i = false, q+1
	}
	for k := max(i, mid); k < len(d); k++ {
		c := d[k]
		switch {
		case c == '"':
			if !inQ {
				if !sep(d[k-1]) {
					return 0, false
				}
				inQ = true
			} else if k+1 < len(d) && d[k+1] == '"' {
				k++
			} else {
				if k+1 < len(d) && !sep(d[k+1]) {
					return 0, false
				}
				inQ = false
			}
		case !inQ && c == '\n':
			return k + 1, k+1 < len(d)
		case !inQ && c == '\r' && (k+1 >= len(d) || d[k+1] != '\n'):
			return k + 1, k+1 < len(d)
		}
	}
	return 0, false
}

// countLines counts line ends (CRLF, LF or a lone CR) in b.
func countLines(b []byte) int {
	return bytes.Count(b, []byte{'\n'}) + bytes.Count(b, []byte{'\r'}) - bytes.Count(b, []byte("\r\n"))
}

// newRecBuilderLike makes an empty builder with the same columns and
// decisions as b, for the second half of a file.
func newRecBuilderLike(b *recBuilder, est int) *recBuilder {
	o := newRecBuilder(b.p, est, &sample{})
	o.decComma = b.decComma
	o.ids.init(est, cap(b.ids.data)/max(cap(b.ids.ends), 1))
	o.emails.init(est, cap(b.emails.data)/max(cap(b.emails.ends), 1))
	return o
}

// merge appends o's records after b's.
func (b *recBuilder) merge(o *recBuilder) {
	for i, d := range b.dates {
		d.merge(o.dates[i])
	}
	if b.flagMask != nil {
		b.flagMask = append(b.flagMask, o.flagMask...)
	}
	b.ext.merge(o.ext)
	b.ids.merge(&o.ids)
	b.emails.merge(&o.emails)
	b.leadRefs.merge(&o.leadRefs)
	for _, pair := range [][2]*dimBuf{{b.stage, o.stage}, {b.status, o.status}, {b.reason, o.reason}, {b.account, o.account}} {
		if pair[0] != nil {
			pair[0].merge(pair[1])
		}
	}
	for i, d := range b.dims {
		d.merge(o.dims[i])
	}
	if b.amount != nil {
		b.amount = append(b.amount, o.amount...)
	}
	if b.prob != nil {
		b.prob = append(b.prob, o.prob...)
	}
	// Currencies shown with amounts: either half may have seen some.
	if b.amountCc != nil || o.amountCc != nil {
		if b.currency == nil {
			b.currency = newDimBuf("currency", b.n+o.n)
		}
		if b.amountCc == nil {
			b.amountCc = make([]uint32, b.n, b.n+o.n)
		}
		remap := b.currency.remap(o.currency)
		if o.amountCc == nil {
			o.amountCc = make([]uint32, o.n)
		}
		for _, c := range o.amountCc {
			b.amountCc = append(b.amountCc, remap[c])
		}
	} else if b.currency != nil && o.currency != nil {
		b.currency.merge(o.currency)
	}
	b.n += o.n
}

// remap interns o's values into b and returns o's code -> b's code.
func (b *dimBuf) remap(o *dimBuf) []uint32 {
	if o == nil {
		return []uint32{0}
	}
	b.flush()
	o.flush()
	r := make([]uint32, len(o.d.Values))
	for c, v := range o.d.Values {
		if v != "" {
			r[c] = b.lookup(maphash.String(b.seed, v), v)
		}
	}
	return r
}

func (b *dimBuf) merge(o *dimBuf) {
	r := b.remap(o)
	for _, c := range o.codes {
		b.codes = append(b.codes, r[c])
	}
}

// merge appends o's values after c's, keeping the evidence for the order.
func (c *dateCol) merge(o *dateCol) {
	base := int32(len(c.vals))
	for _, i := range o.pending {
		c.pending = append(c.pending, base+i)
	}
	c.vals = append(c.vals, o.vals...)
	c.dayGT12 += o.dayGT12
	c.monGT12 += o.monGT12
	for k := range c.kinds {
		c.kinds[k] += o.kinds[k]
	}
}

var _ = model.NoDay
