package main

import (
	"github.com/funnel-cli/funnel/loaders"
	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/mapping"
	"github.com/funnel-cli/funnel/tui"
)

// remapper lets the explorer's column screen read the files again with
// the mappings it edited (the options of the first load otherwise) and
// write a mapping file the way funnel init does (loaders.MappingFile).
// Standard input cannot be read twice: the screen then only saves.
func remapper(files []string, lo loaders.Options) *tui.Remapper {
	r := &tui.Remapper{Paths: map[string]string{}}
	for _, f := range files {
		if f == loaders.StdinPath {
			r.NoReload = "standard input cannot be read twice"
			continue
		}
		r.Paths[loaders.InputName(f)] = f
	}
	r.Reload = loaders.Reloader(files, lo)
	r.File = func(name string, m *mapping.Mapping, ld model.LoadInfo, toml bool) ([]byte, error) {
		format := loaders.FormatYAML
		if toml {
			format = loaders.FormatTOML
		}
		return loaders.MappingFile(name, m, ld, format)
	}
	return r
}
