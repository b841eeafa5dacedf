package loaders

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// StarterMapping reads a file's header and returns a mapping file (YAML or
// TOML, same keys) to edit: the detected preset's columns, or a
// date-per-stage guess, with every header listed in a comment. It reads at
// most the first 1 MiB.
func StarterMapping(ctx context.Context, path string, format MappingFormat) ([]byte, error) {
	raw, err := readFile(ctx, path, nil)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(path)
	text, enc, err := decodeText(name, raw[:min(len(raw), 1<<20)])
	if err != nil {
		return nil, err
	}
	d, start := sniffDialect(text)
	sp := newSplitter(name, text, d.Delim, 1<<20, 1)
	sp.pos, sp.partial = start, len(raw) > 1<<20
	var hdr [][]byte
	for {
		hdr, err = sp.next()
		if err == io.EOF {
			return nil, errorf(name, 1, 0, "", "an empty file", "a header row", "no data")
		}
		if err != nil {
			return nil, err
		}
		if !blank(hdr) {
			break
		}
	}
	header, _ := headerNames(hdr)
	m, err := chooseMapping(name, header, Options{})
	if err != nil {
		return nil, err
	}
	note := ""
	if rows := flagRows(header, takeSample(text[sp.pos:], d.Delim, sp.line)); len(m.Stages) == 0 {
		// No date columns: yes/no columns become stage flags.
		if fm, _ := flagsMapping(header, rows); fm != nil {
			m = fm
		}
	} else if m.Preset == PresetStageDates {
		note = flagNote(header, rows)
	}
	if len(m.Stages) == 0 {
		m.Stages = []StageMap{{Name: "Lead"}}
	}
	var y []byte
	if format == FormatTOML {
		y, err = m.TOML()
	} else {
		y, err = m.YAML()
	}
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# funnel mapping for %s (%s, %s-separated)\n", name, enc, delimNames[d.Delim])
	b.WriteString("# Edit it, then run: funnel --map THIS_FILE " + name + "\n")
	b.WriteString("# shape: stage-dates (a date column per stage), current-stage (one stage column and\n")
	b.WriteString("#   the stage order), history (id, stage, timestamp per row) or flags (yes/no per stage).\n")
	b.WriteString("# Columns in the file:\n")
	for i, h := range header {
		fmt.Fprintf(&b, "#   %d. %s\n", i+1, strings.ReplaceAll(h, "\n", " "))
	}
	b.WriteString(note)
	b.Write(y)
	return b.Bytes(), nil
}
