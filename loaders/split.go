package loaders

import (
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
)

// splitter cuts UTF-8 CSV bytes into records without copying: fields are
// sub-slices of data (quoted fields with doubled quotes are unescaped in
// place, so data is consumed). CRLF, LF and a lone CR all end a line, so
// old Mac files need no translating reader.
type splitter struct {
	name     string
	data     []byte
	pos      int
	line     int // physical line of data[pos]
	delim    byte
	maxField int
	partial  bool // data is a prefix: an unfinished last record ends quietly

	stop    [256]bool
	fields  [][]byte
	starts  []int // offset of each field's first byte
	recLine int   // line the current record starts on
	recOff  int   // offset the current record starts at
}

func newSplitter(name string, data []byte, delim byte, maxField int, line int) *splitter {
	s := &splitter{name: name, data: data, delim: delim, maxField: maxField, line: line}
	s.stop[delim], s.stop['\n'], s.stop['\r'] = true, true, true
	return s
}

// blank reports whether the record is an empty line.
func blank(f [][]byte) bool { return len(f) == 1 && len(f[0]) == 0 }

// next returns the next record (reused between calls) or io.EOF.
func (s *splitter) next() ([][]byte, error) {
	d := s.data
	if s.pos >= len(d) {
		return nil, io.EOF
	}
	s.fields, s.starts = s.fields[:0], s.starts[:0]
	s.recLine, s.recOff = s.line, s.pos
	i := s.pos
	for {
		start := i
		var f []byte
		if i < len(d) && d[i] == '"' {
			var err error
			f, i, err = s.quoted(i)
			if err != nil {
				return nil, err
			}
		} else {
			i = s.fieldEnd(d, i)
			f = d[start:i]
		}
		if len(f) > s.maxField {
			return nil, s.errAt(start, "", fmt.Sprintf("a field of %d bytes", len(f)),
				fmt.Sprintf("at most %d bytes per field", s.maxField), "field too large")
		}
		s.fields = append(s.fields, f)
		s.starts = append(s.starts, start)
		if i >= len(d) {
			s.pos = i
			return s.fields, nil
		}
		switch d[i] {
		case s.delim:
			i++
			continue
		case '\r':
			i++
			if i < len(d) && d[i] == '\n' {
				i++
			}
		case '\n':
			i++
		}
		s.line++
		s.pos = i
		return s.fields, nil
	}
}

// fieldEnd returns the index of the first delimiter or line end at or
// after i (len(d) if none), eight bytes at a time: the lowest byte that
// matches is found exactly (a false flag can only sit above a true one).
func (s *splitter) fieldEnd(d []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	dl := uint64(s.delim) * ones
	for ; i+8 <= len(d); i += 8 {
		w := binary.LittleEndian.Uint64(d[i:])
		a, b, c := w^dl, w^('\n'*ones), w^('\r'*ones)
		m := ((a - ones) &^ a) | ((b - ones) &^ b) | ((c - ones) &^ c)
		if m &= highs; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for i < len(d) && !s.stop[d[i]] {
		i++
	}
	return i
}

// quoted reads a quoted field starting at d[i] == '"'. Text after the
// closing quote up to the delimiter is kept (lenient, like Excel).
func (s *splitter) quoted(i int) ([]byte, int, error) {
	d := s.data
	open := i
	w := i // write position for in-place unescaping
	i++
	lines := 0
	for {
		if i >= len(d) {
			if s.partial {
				return nil, i, io.EOF
			}
			return nil, i, s.errAt(open, "", "a quoted field that never closes",
				"a closing \" before the end of the file (\"\" for a quote inside a field)", "unterminated quote")
		}
		c := d[i]
		switch {
		case c == '"' && i+1 < len(d) && d[i+1] == '"':
			d[w] = '"'
			w++
			i += 2
		case c == '"':
			i++
			for i < len(d) && !s.stop[d[i]] {
				d[w] = d[i]
				w++
				i++
			}
			s.line += lines
			return d[open:w], i, nil
		default:
			if c == '\n' || (c == '\r' && (i+1 >= len(d) || d[i+1] != '\n')) {
				lines++
			}
			d[w] = c
			w++
			i++
		}
	}
}

// fieldPos returns the line and column of field k of the current record.
func (s *splitter) fieldPos(k int) (int, int) {
	if k < 0 || k >= len(s.starts) {
		return s.recLine, 0
	}
	l, c := lineCol(s.data[s.recOff:], s.starts[k]-s.recOff)
	return s.recLine + l - 1, c
}

func (s *splitter) errAt(off int, field, found, expected, reason string) *Error {
	l, c := lineCol(s.data[s.recOff:], off-s.recOff)
	return errorf(s.name, s.recLine+l-1, c, field, found, expected, reason)
}
