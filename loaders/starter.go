package loaders

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// StarterMapping loads a file as `funnel` would with no mapping and
// returns the mapping it decided on (YAML or TOML, same keys), with every
// column, its type and its role listed in comments. Loading the file with
// the mapping unedited gives the same funnel.
func StarterMapping(ctx context.Context, path string, format MappingFormat) ([]byte, error) {
	return StarterMappingFor(ctx, path, format, Options{})
}

// StarterMappingFor is StarterMapping with options (an .xlsx sheet).
func StarterMappingFor(ctx context.Context, path string, format MappingFormat, opt Options) ([]byte, error) {
	m, ds, err := DecidedMapping(ctx, path, opt)
	if err != nil {
		return nil, err
	}
	return MappingFile(InputName(path), m, ds.Load, format)
}

// MappingFile is the text of the mapping file that reads the file called
// name (one of ld.Files) with m: comments saying what each of its columns
// (ld.Columns) is read as, then m in the format's syntax. It is the one
// writer of mapping files: `funnel init` writes the mapping the loader
// decided, the explorer's column screen the one the user edited, and the
// same mapping of the same load gives the same text. While m is the
// mapping the load decided, the summary line is the load's (with how it
// found the stage order); otherwise it says what m reads.
func MappingFile(name string, m *Mapping, ld model.LoadInfo, format MappingFormat) ([]byte, error) {
	y, err := EncodeMapping(m, format)
	if err != nil {
		return nil, err
	}
	sum := summary(m, nil)
	if len(ld.Files) > 0 && ld.Files[0] == name && len(ld.Mappings) > 0 && ld.Mappings[0] != nil &&
		reflect.DeepEqual(*ld.Mappings[0], *m) && ld.Summary != "" {
		sum = ld.Summary
	}
	var own []model.ColumnInfo
	for _, c := range ld.Columns {
		if c.File == name {
			own = append(own, c)
		}
	}
	header := make([]string, 0, len(own))
	for _, c := range own {
		for len(header) < c.Index {
			header = append(header, "")
		}
		header = append(header, c.Name)
	}
	roles := mappingRoles(m, header)
	var b bytes.Buffer
	fmt.Fprintf(&b, "# funnel mapping for %s: how funnel reads the file.\n", oneLine(name))
	b.WriteString("# Edit it, then run: funnel --map THIS_FILE " + oneLine(name) + "\n")
	b.WriteString("# shape: stage-dates (a date column per stage), current-stage (one stage column and\n")
	b.WriteString("#   the stage order), history (id, stage, timestamp per row) or flags (yes/no per stage).\n")
	b.WriteString("# " + oneLine(sum) + "\n")
	b.WriteString("# Columns in the file (type from a sample of values: role):\n")
	for _, c := range own {
		role := roles[c.Index]
		if role == "" {
			role = "not used"
		}
		typ := c.Type
		if c.Format != "" {
			typ += " " + c.Format
		}
		fmt.Fprintf(&b, "#   %d. %s (%s): %s\n", c.Index+1, oneLine(c.Name), oneLine(typ), role)
	}
	b.Write(y)
	return b.Bytes(), nil
}

// DecidedMapping loads one file with no mapping and returns the mapping
// the loader decided on (loading with it gives the same funnel) and the
// dataset, whose Load.Columns profile every column: what a screen that
// shows and corrects the roles starts from.
func DecidedMapping(ctx context.Context, path string, opt Options) (*Mapping, *model.Dataset, error) {
	opt.Mapping, opt.Preset, opt.Stages = nil, "", nil
	raw, _, err := readInput(ctx, path, opt.Stdin, nil)
	if err != nil {
		return nil, nil, err
	}
	l, err := loadOne(ctx, raw, InputName(path), opt)
	if err != nil {
		return nil, nil, err
	}
	return l.ds.Load.Mappings[0], l.ds, nil
}

func oneLine(s string) string { return strings.NewReplacer("\n", " ", "\r", " ").Replace(s) }

// effectiveMapping is the mapping a load used, with the stage list it
// ended with (values it placed itself, a log's derived order), so that
// loading with it gives the same funnel.
func effectiveMapping(l *loaded) *Mapping {
	m := *l.mapping
	m.Preset = ""
	ds := l.ds
	if len(ds.Stages) == len(m.Stages) {
		same := true
		for k := range ds.Stages {
			same = same && ds.Stages[k] == m.Stages[k].Name
		}
		if same {
			return &m
		}
	}
	by := map[string]StageMap{}
	for _, s := range m.Stages {
		by[s.Name] = s
	}
	m.Stages = nil
	for _, s := range ds.Stages {
		sm, ok := by[s]
		if !ok {
			sm = StageMap{Name: s}
		}
		m.Stages = append(m.Stages, sm)
	}
	return &m
}

// Reloader reads files (as LoadFiles does, with opt) again with edited
// mappings, one per file name in maps: what the explorer's column screen
// recomputes with. --stages is dropped: it renames stages by position,
// and the screen may have reordered them.
func Reloader(files []string, opt Options) func(ctx context.Context, maps map[string]*Mapping, progress func(done, total int64)) (*model.Dataset, error) {
	return func(ctx context.Context, maps map[string]*Mapping, progress func(done, total int64)) (*model.Dataset, error) {
		o := opt
		o.FileMappings, o.Progress, o.Stages = maps, progress, nil
		return LoadFiles(ctx, files, o)
	}
}
