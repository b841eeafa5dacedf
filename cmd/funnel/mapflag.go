package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/funnel-cli/funnel/loaders"
)

// mapFlagHelp is --map's line in every command's flags.
const mapFlagHelp = "mapping file (YAML, or TOML when it ends in .toml) naming the id, stage, date, channel and amount columns; " +
	"several FILEs take one each, as `[FILE=]MAPPING` with one --map per file (a bare MAPPING reads the first FILE; see funnel init, funnel help mapping)"

// fileMappings reads the --map values for the files to load: FILE=MAPPING
// maps the input FILE (its path as given, or its base name), a bare
// MAPPING the first file; each file at most once. The result is keyed by
// the file's loaders.InputName, as loaders.Options.FileMappings is; all
// lists every mapping read, in flag order (for their segment rules).
func fileMappings(values, files []string) (byFile map[string]*loaders.Mapping, all []*loaders.Mapping, err error) {
	if len(values) == 0 {
		return nil, nil, nil
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("--map says how to read FILEs; none was given (the demo needs none)")
	}
	byFile = map[string]*loaders.Mapping{}
	from := map[string]string{} // input name -> the --map value that mapped it
	bare := 0
	for _, v := range values {
		file, path, ok, err := splitMapValue(v, files)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			if bare++; bare > 1 {
				return nil, nil, fmt.Errorf("--map %s: a bare mapping reads the first FILE and one was given already; "+
					"with several FILEs say which file each maps: --map FILE=MAPPING (funnel help mapping)", v)
			}
			file, path = files[0], v
		}
		m, err := loaders.ReadMapping(path)
		if err != nil {
			return nil, nil, err
		}
		name := loaders.InputName(file)
		if prev, dup := from[name]; dup {
			return nil, nil, fmt.Errorf("--map %s: %s is mapped already (--map %s)", v, name, prev)
		}
		for _, f := range files {
			if f != file && loaders.InputName(f) == name {
				return nil, nil, fmt.Errorf("--map %s: two FILEs are called %s; a mapping needs files of different names", v, name)
			}
		}
		from[name], byFile[name] = v, m
		all = append(all, m)
	}
	return byFile, all, nil
}

// mapPaths are the mapping files the --map values name.
func mapPaths(values, files []string) []string {
	var out []string
	for _, v := range values {
		if _, path, ok, err := splitMapValue(v, files); ok && err == nil {
			out = append(out, path)
		} else {
			out = append(out, v)
		}
	}
	return out
}

// splitMapValue reads FILE=MAPPING: the FILE before an "=" is one of the
// input files, by its path as given or its base name (a mapping path with
// an "=" of its own still reads: the split is where an input file ends).
// ok is false for a bare MAPPING; an "=" whose left side is no input file
// (and no mapping file is called v) is an error naming the inputs.
func splitMapValue(v string, files []string) (file, path string, ok bool, err error) {
	for i := 0; i < len(v); i++ {
		if v[i] != '=' {
			continue
		}
		left := v[:i]
		for _, f := range files {
			if f == left || loaders.InputName(f) == left {
				return f, v[i+1:], true, nil
			}
		}
	}
	if i := strings.IndexByte(v, '='); i > 0 {
		if _, serr := os.Stat(v); serr != nil {
			names := make([]string, len(files))
			for j, f := range files {
				names[j] = loaders.InputName(f)
			}
			return "", "", false, fmt.Errorf("--map %s: %s is not one of the FILEs (%s)", v, v[:i], strings.Join(names, ", "))
		}
	}
	return "", "", false, nil
}
