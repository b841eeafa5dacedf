package loaders

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"time"
)

// streamMin is the smallest file read in chunks rather than whole.
var streamMin int64 = 4 << 20

// headSize is how much of a streamed file is read first: enough to sniff
// the dialect, read the header and take the sample.
const headSize = 2 << 20

// streamFile is a file whose body is read in chunks.
type streamFile struct {
	f    *os.File
	base int64 // where the decoded head starts in the file (after a BOM)
	size int64
	mod  time.Time // modification time when opened
}

// reader returns a function reading n bytes at off past start (a short
// read gives fewer; an error none).
func (s *streamFile) reader(start int64) func(off, n int) []byte {
	return func(off, n int) []byte {
		b := make([]byte, n)
		k, _ := s.f.ReadAt(b, start+int64(off))
		strayNULsAt(b[:k]) // as the whole-file load sees them
		return b[:k]
	}
}

// errNoStream says a file must be loaded whole (an encoding other than
// UTF-8, a history log, a first line longer than the head).
var errNoStream = errors.New("load the file whole")

// loadPath loads a regular file of at least streamMin bytes in chunks,
// never holding it whole; anything else (or a file that turns out to need
// it) is read whole and loaded from memory.
// note says how the input was read when it was not a plain file.
func loadPath(ctx context.Context, path, name string, opt Options, readProg func(read, total int64)) (l *loaded, note string, err error) {
	if path != StdinPath {
		if l, err := loadStreamed(ctx, path, name, opt); !errors.Is(err, errNoStream) {
			return l, "", err
		}
	}
	raw, note, err := readInput(ctx, path, opt.Stdin, readProg)
	if err != nil {
		return nil, "", err
	}
	if opt.prog != nil {
		opt.prog.textLen = int64(len(raw))
	}
	l, err = loadOne(ctx, raw, name, opt)
	return l, note, err
}

func loadStreamed(ctx context.Context, path, name string, opt Options) (l *loaded, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() {
		if l == nil || l.rest == nil || err != nil { // a Deferred keeps the file open
			f.Close()
		}
	}()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() < streamMin {
		return nil, errNoStream
	}
	head := make([]byte, headSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	head = head[:n]
	if bytes.HasPrefix(head, []byte{0x1f, 0x8b}) || isZip(head) {
		return nil, errNoStream // gzip, an .xlsx workbook
	}
	// Whole lines only, so that the head ends on a character boundary
	// (all of it when it is the whole file).
	cut := bytes.LastIndexAny(head, "\r\n")
	if int64(n) == st.Size() {
		cut = n - 1
	}
	if cut < 0 {
		return nil, errNoStream
	}
	text, enc, err := decodeText(name, head[:cut+1])
	if err != nil {
		return nil, err
	}
	base := int64(cut + 1 - len(text))
	if enc != "UTF-8" && enc != "UTF-8 with a byte-order mark" {
		return nil, errNoStream
	}
	opt = opt.withDefaults()
	l, err = loadDecoded(ctx, text, enc, nil, "", &streamFile{f: f, base: base, size: st.Size(), mod: st.ModTime()}, name, opt)
	return l, err
}

// strayNULsAt turns the NUL bytes of text into spaces and returns
// where they were (decodeText has refused text where they are binary).
func strayNULsAt(text []byte) []int {
	var at []int
	for i := bytes.IndexByte(text, 0); i >= 0; {
		at = append(at, i)
		text[i] = ' '
		k := bytes.IndexByte(text[i+1:], 0)
		if k < 0 {
			break
		}
		i += k + 1
	}
	return at
}

func bodyNULs(bi *bodyIndex) int {
	if bi == nil {
		return 0
	}
	return bi.nuls
}
