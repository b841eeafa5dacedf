package loaders

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// readAll reads r to the end in chunks, reporting progress and honouring ctx.
func readAll(ctx context.Context, r io.Reader, total int64, progress func(read, total int64)) ([]byte, error) {
	size := total
	if size <= 0 {
		size = 1 << 16
	}
	buf := make([]byte, 0, size+1)
	const chunk = 4 << 20
	var read int64
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		end := min(cap(buf), len(buf)+chunk)
		n, err := r.Read(buf[len(buf):end])
		buf = buf[:len(buf)+n]
		read += int64(n)
		if progress != nil && n > 0 {
			progress(read, total)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// readFile opens path read-only and reads it with progress.
func readFile(ctx context.Context, path string, progress func(read, total int64)) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var total int64
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		total = st.Size()
	}
	return readAll(ctx, f, total, progress)
}

// decodeText checks that raw is text and returns it as UTF-8 with the
// encoding's name. It rejects zip (xlsx) and OLE (xls) files and binaries.
func decodeText(name string, raw []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte("PK\x03\x04")):
		return nil, "", errorf(name, 1, 1, "", "a zip archive (an .xlsx workbook?)", "a CSV text file (in Excel: File > Save As > CSV UTF-8)", "not a CSV file")
	case bytes.HasPrefix(raw, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, "", errorf(name, 1, 1, "", "an old Excel .xls workbook", "a CSV text file (in Excel: File > Save As > CSV UTF-8)", "not a CSV file")
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return checkText(name, raw[3:], "UTF-8 with a byte-order mark")
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return utf16Decode(name, raw, unicode.LittleEndian, "UTF-16 little-endian (Excel Unicode text)")
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return utf16Decode(name, raw, unicode.BigEndian, "UTF-16 big-endian")
	}
	// UTF-16 without a BOM: ASCII text has a zero in every other byte.
	if n := min(len(raw), 512) &^ 1; n >= 4 {
		evenZero, oddZero := 0, 0
		for i := 0; i < n; i += 2 {
			if raw[i] == 0 {
				evenZero++
			}
			if raw[i+1] == 0 {
				oddZero++
			}
		}
		half := n / 2
		if oddZero > half*3/4 && evenZero == 0 {
			return utf16Decode(name, raw, unicode.LittleEndian, "UTF-16 little-endian without a byte-order mark")
		}
		if evenZero > half*3/4 && oddZero == 0 {
			return utf16Decode(name, raw, unicode.BigEndian, "UTF-16 big-endian without a byte-order mark")
		}
	}
	if utf8.Valid(raw) {
		return checkText(name, raw, "UTF-8")
	}
	if err := checkBinary(name, raw); err != nil {
		return nil, "", err
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return nil, "", fmt.Errorf("%s: decoding Windows-1252: %w", name, err)
	}
	return out, "Windows-1252 (not valid UTF-8)", nil
}

func utf16Decode(name string, raw []byte, order unicode.Endianness, label string) ([]byte, string, error) {
	out, err := unicode.UTF16(order, unicode.UseBOM).NewDecoder().Bytes(raw)
	if err != nil {
		return nil, "", errorf(name, 1, 0, "", "bytes that are not valid "+label, "a text file", "unreadable text")
	}
	return checkText(name, out, label)
}

func checkText(name string, b []byte, label string) ([]byte, string, error) {
	if err := checkBinary(name, b); err != nil {
		return nil, "", err
	}
	return b, label, nil
}

// checkBinary rejects data holding mostly control characters, or NUL
// bytes that are dense or next to other control bytes. A stray NUL in
// ordinary text is kept (the load replaces it with a space and says so).
func checkBinary(name string, b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		bad := i
		if bytes.Count(b, []byte{0})*1000 <= len(b) {
			bad = -1
			for j := i; ; {
				if !strayNUL(b, j) {
					bad = j
					break
				}
				k := bytes.IndexByte(b[j+1:], 0)
				if k < 0 {
					break
				}
				j += k + 1
			}
		}
		if bad >= 0 {
			line, col := lineCol(b, bad)
			return errorf(name, line, col, "", "a NUL byte (binary data)", "a CSV text file", "not a text file")
		}
	}
	n := min(len(b), 4096)
	ctrl := 0
	for _, c := range b[:n] {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
			ctrl++
		}
	}
	if n > 0 && ctrl*10 > n {
		return errorf(name, 1, 1, "", fmt.Sprintf("%d control bytes in the first %d", ctrl, n), "a CSV text file", "not a text file")
	}
	return nil
}

// lineCol turns a byte offset into a 1-based line and column, counting
// CRLF, LF and lone CR as line ends.
func lineCol(b []byte, off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(b); i++ {
		switch b[i] {
		case '\n':
			line++
			start = i + 1
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				continue
			}
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(b[start:min(off, len(b))]) + 1
}
