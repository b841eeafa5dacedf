package main

import (
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/funnel-cli/funnel/tui/format"
)

// IO is where commands read and write and what they know of the terminal;
// tests swap in buffers and flags.
type IO struct {
	In       io.Reader // standard input: what the file name "-" reads
	Out, Err io.Writer
	// InIsTTY: standard input is a terminal (so "-" has nothing to read).
	// InPiped: it is a pipe or a redirected file, so with no FILE named
	// funnel reads it (`cat leads.csv | funnel`, `funnel < leads.csv`).
	InIsTTY, InPiped bool
	OutIsTTY         bool
	Width            int
	Environ          []string
}

func defaultIO() *IO {
	tty := term.IsTerminal(os.Stdout.Fd())
	w := 100
	if tty {
		if cw, _, err := term.GetSize(os.Stdout.Fd()); err == nil && cw > 0 {
			w = cw
		}
	}
	io := &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, OutIsTTY: tty, Width: w, Environ: os.Environ()}
	io.InIsTTY = term.IsTerminal(os.Stdin.Fd())
	if st, err := os.Stdin.Stat(); err == nil && !io.InIsTTY {
		// a pipe or a regular file; not /dev/null (a device) or a socket
		io.InPiped = st.Mode()&os.ModeNamedPipe != 0 || st.Mode().IsRegular()
	}
	return io
}

// Getenv is the value of an environment variable ("" when unset).
func (io *IO) Getenv(name string) string {
	for _, e := range io.Environ {
		if v, ok := strings.CutPrefix(e, name+"="); ok {
			return v
		}
	}
	return ""
}

// terminalWriter is Out, with funnel's glyphs written as ASCII when it is
// a terminal whose locale is not UTF-8 (files and pipes keep UTF-8).
func terminalWriter(ios *IO) io.Writer {
	if ios.OutIsTTY && !format.UTF8Locale(ios.Environ) {
		return asciiWriter{ios.Out}
	}
	return ios.Out
}

type asciiWriter struct{ w io.Writer }

func (a asciiWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(a.w, format.ASCII(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

func envSet(env []string, name string) bool {
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, name+"="); ok && v != "" {
			return true
		}
	}
	return false
}
