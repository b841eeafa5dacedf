package loaders

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// MappingFormat is the syntax of a mapping file.
type MappingFormat string

const (
	FormatYAML MappingFormat = "yaml"
	FormatTOML MappingFormat = "toml"
)

// MappingFormatOf says which syntax a mapping file's name implies: TOML for
// .toml, YAML for anything else.
func MappingFormatOf(path string) MappingFormat {
	if strings.EqualFold(filepath.Ext(path), ".toml") {
		return FormatTOML
	}
	return FormatYAML
}

// ParseMappingTOML parses TOML mapping text and checks it. The keys and
// checks are those of the YAML form; errors name the file, line and column.
func ParseMappingTOML(name string, b []byte) (m *Mapping, err error) {
	// A mapping file is user input: a decoder panic becomes an error.
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("%s: not a readable TOML mapping (%v)", name, r)
		}
	}()
	m = &Mapping{}
	dec := toml.NewDecoder(bytes.NewReader(b)).DisallowUnknownFields()
	if err := dec.Decode(m); err != nil {
		return nil, fmt.Errorf("%s: %s", name, tomlError(err))
	}
	if err := m.Check(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// tomlError words a go-toml error like the YAML decoder's: "[line:col]
// message" followed by the lines around it.
func tomlError(err error) string {
	var sm *toml.StrictMissingError
	if errors.As(err, &sm) && len(sm.Errors) > 0 {
		var parts []string
		for i := range sm.Errors {
			e := &sm.Errors[i]
			parts = append(parts, located(e, fmt.Sprintf("unknown field %q", strings.Join(e.Key(), "."))))
		}
		return strings.Join(parts, "\n")
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		return located(de, strings.TrimPrefix(de.Error(), "toml: "))
	}
	return strings.TrimPrefix(err.Error(), "toml: ")
}

func located(e *toml.DecodeError, msg string) string {
	row, col := e.Position()
	ctx := strings.TrimRight(e.String(), "\n")
	return strings.TrimSpace(fmt.Sprintf("[%d:%d] %s\n%s", row, col, msg, ctx))
}

// encodeTOML renders the mapping as TOML.
func encodeTOML(m *Mapping) ([]byte, error) {
	var b bytes.Buffer
	enc := toml.NewEncoder(&b).SetIndentTables(true)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
