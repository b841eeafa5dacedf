package loaders

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// StdinPath is the file name that means standard input, as in `funnel -`.
const StdinPath = "-"

// StdinName is how standard input is named in decisions and errors
// ("stdin:3:2: ...").
const StdinName = "stdin"

// InputName is the name a path is reported under: its base name, or
// "stdin" for "-".
func InputName(path string) string {
	if path == StdinPath {
		return StdinName
	}
	return filepath.Base(path)
}

// gzipMagic starts every gzip stream (RFC 1952).
var gzipMagic = []byte{0x1f, 0x8b}

// input is one opened input: a file or standard input, decompressed when
// its content is gzip (whatever its name says).
type input struct {
	r       io.Reader
	raw     *countReader // the bytes as stored, before decompression
	size    int64        // stored size, 0 when unknown (a pipe)
	gzipped bool
	close   func() error
}

// openInput opens path ("-": stdin) for reading.
func openInput(path string, stdin io.Reader) (*input, error) {
	in := &input{close: func() error { return nil }}
	var src io.Reader
	if path == StdinPath {
		if stdin == nil {
			stdin = os.Stdin
		}
		src = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			in.size = st.Size()
		}
		src, in.close = f, f.Close
	}
	in.raw = &countReader{r: src}
	r, gz, err := maybeGunzip(in.raw)
	if err != nil {
		in.close()
		return nil, fmt.Errorf("%s: %w", InputName(path), err)
	}
	in.r, in.gzipped = r, gz
	return in, nil
}

// maybeGunzip returns a reader of r's content, decompressed when it starts
// with the gzip magic bytes.
func maybeGunzip(r io.Reader) (io.Reader, bool, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(len(gzipMagic))
	if len(head) < len(gzipMagic) || head[0] != gzipMagic[0] || head[1] != gzipMagic[1] {
		return br, false, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, false, fmt.Errorf("gzip-compressed data that does not decompress: %w", err)
	}
	return &gunzipReader{zr}, true, nil
}

// gunzipReader names decompression errors for what they are.
type gunzipReader struct{ zr *gzip.Reader }

func (g *gunzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip-compressed data cut short or damaged: %w", err)
	}
	return n, err
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readInput reads path ("-": stdin) whole, decompressed, with progress
// counted in stored bytes; note says how it was read ("" for a plain file).
func readInput(ctx context.Context, path string, stdin io.Reader, progress func(read, total int64)) (raw []byte, note string, err error) {
	in, err := openInput(path, stdin)
	if err != nil {
		return nil, "", err
	}
	defer in.close()
	prog := progress
	if prog != nil && in.gzipped {
		prog = func(_, total int64) { progress(min(in.raw.n, total), total) }
	}
	hint := in.size
	if in.gzipped {
		hint = 4 * in.size // text compresses about 4 to 10 times
	}
	raw, err = readAll(ctx, in.r, hint, prog)
	if err != nil {
		if path == StdinPath || in.gzipped {
			return nil, "", fmt.Errorf("%s: %w", InputName(path), err)
		}
		return nil, "", err
	}
	name := InputName(path)
	switch {
	case path == StdinPath && in.gzipped:
		note = fmt.Sprintf("%s: read from standard input, gzip-compressed (%s decompressed to %s)", name, byteSize(in.raw.n), byteSize(int64(len(raw))))
	case path == StdinPath:
		note = fmt.Sprintf("%s: read from standard input (%s)", name, byteSize(int64(len(raw))))
	case in.gzipped:
		note = fmt.Sprintf("%s: gzip-compressed (%s decompressed to %s)", name, byteSize(in.raw.n), byteSize(int64(len(raw))))
	}
	return raw, note, nil
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// checkStdinOnce refuses "-" given twice: standard input reads once.
func checkStdinOnce(paths []string) error {
	n := 0
	for _, p := range paths {
		if p == StdinPath {
			n++
		}
	}
	if n > 1 {
		return fmt.Errorf("%q (standard input) is named %d times; it can be read only once", StdinPath, n)
	}
	return nil
}
