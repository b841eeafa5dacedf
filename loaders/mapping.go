package loaders

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/funnel-cli/funnel/model/mapping"
)

// The mapping types live in model/mapping (the explorer's column screen
// edits them; the loader reads with them); these names keep the loader's
// code and callers as they were.
type (
	// Shape is how a file lays out the funnel.
	Shape = mapping.Shape
	// Mapping names the columns a file's funnel comes from.
	Mapping = mapping.Mapping
	// StageMap is one funnel stage of a mapping.
	StageMap = mapping.StageMap
)

// The four shapes a file takes.
const (
	ShapeStageDates   = mapping.ShapeStageDates
	ShapeCurrentStage = mapping.ShapeCurrentStage
	ShapeHistory      = mapping.ShapeHistory
	ShapeFlags        = mapping.ShapeFlags
)

// ReadMapping reads a mapping file: TOML when it ends in .toml, YAML
// otherwise (.yaml/.yml). Both have the same keys and the same checks.
func ReadMapping(path string) (*Mapping, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if MappingFormatOf(path) == FormatTOML {
		return ParseMappingTOML(filepath.Base(path), b)
	}
	return ParseMapping(filepath.Base(path), b)
}

// ParseMapping parses YAML mapping text and checks it.
func ParseMapping(name string, b []byte) (m *Mapping, err error) {
	// The YAML decoder can panic on hostile input; a mapping file is user
	// input, so that becomes an error.
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("%s: not a readable YAML mapping (%v)", name, r)
		}
	}()
	m = &Mapping{}
	if err := yaml.UnmarshalWithOptions(b, m, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("%s: %s", name, strings.TrimSpace(yaml.FormatError(err, false, true)))
	}
	if err := m.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// EncodeMapping renders m in a mapping file's syntax (YAML or TOML, the
// same keys).
func EncodeMapping(m *Mapping, format MappingFormat) ([]byte, error) {
	if format == FormatTOML {
		return encodeTOML(m)
	}
	return yaml.Marshal(m)
}

// chooseMapping returns the given mapping or the named preset's (a load
// with neither infers one: roles.go).
func chooseMapping(name string, header []string, opt Options) (*Mapping, error) {
	if opt.Mapping != nil {
		return opt.Mapping, opt.Mapping.Check()
	}
	hs := newHeaderSet(header)
	if opt.Preset != "" && opt.fallback && !presetFits(opt.Preset, hs) {
		return nil, fmt.Errorf("its headers are not those of a %s export", opt.Preset)
	}
	m, err := presetMapping(opt.Preset, hs, header)
	if e, ok := err.(*Error); ok {
		e.File = name
	}
	return m, err
}
