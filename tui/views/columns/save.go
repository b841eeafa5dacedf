package columns

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/funnel-cli/funnel/tui/format"
	"github.com/funnel-cli/funnel/tui/widgets"
)

// saver is the prompt for where to save a file's mapping.
type saver struct {
	f       int
	input   widgets.LineInput
	confirm string // a path that exists, to replace on a second enter
}

// saved is the end of writing a mapping file.
type saved struct {
	path string
	name string // the data file it maps
	err  error
}

// openSave asks where to save the mapping of file fi: funnel.yaml beside
// the file by default (beside each, named after it, for several files).
func (m *Model) openSave(fi int) tea.Cmd {
	rm := m.common.Remap
	if rm == nil || rm.File == nil || fi >= len(m.files) || m.files[fi].m == nil {
		m.say("this data was not read from a file with a mapping: there is none to save", true)
		return nil
	}
	s := &saver{f: fi, input: widgets.NewLineInput("save the mapping as: ", m.common.Styles.Dark)}
	s.input.SetWidth(max(10, m.width-24))
	s.input.SetValue(m.defaultPath(fi))
	m.save, m.cycle = s, nil
	m.say("", false)
	return nil
}

// defaultPath is where a file's mapping goes unless the user says.
func (m *Model) defaultPath(fi int) string {
	name := m.files[fi].name
	dir := ""
	if p := m.common.Remap.Paths[name]; p != "" && !m.state.Masked {
		dir = filepath.Dir(p)
	}
	base := "funnel.yaml"
	if len(m.files) > 1 {
		stem := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		stem = strings.TrimSuffix(stem, ".csv") // name.csv.gz
		base = stem + ".funnel.yaml"
	}
	if dir == "" || dir == "." {
		return base
	}
	return filepath.Join(dir, base)
}

// saveKey edits the path; enter writes (a second enter replaces a file
// that exists), esc closes the prompt.
func (m *Model) saveKey(msg tea.Msg) tea.Cmd {
	s := m.save
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		m.say("", false)
		return s.input.Update(msg) // a paste
	}
	switch km.String() {
	case "esc":
		m.save = nil
		m.say("not saved", false)
		return nil
	case "enter":
	default:
		s.confirm = ""
		m.say("", false) // the prompt shows again
		return s.input.Update(km)
	}
	path := strings.TrimSpace(s.input.Value())
	exists, err := m.checkPath(path)
	if err != nil {
		m.say(err.Error(), true)
		return nil
	}
	if exists && s.confirm != path {
		s.confirm = path
		m.say(format.Clean(path)+" exists: enter again replaces it, esc keeps it", true)
		return nil
	}
	m.save = nil
	f := m.files[s.f]
	text, err := m.common.Remap.File(f.name, f.m, m.src.Load, strings.EqualFold(filepath.Ext(path), ".toml"))
	if err != nil {
		m.say("the mapping could not be written: "+format.Clean(err.Error()), true)
		return nil
	}
	replace := exists
	return m.saving.Start(func() saved { return saved{path, f.name, writeFile(path, text, replace)} })
}

// checkPath refuses to write over an input file or over a file that is
// not a mapping file; it reports whether path exists.
func (m *Model) checkPath(path string) (bool, error) {
	if path == "" {
		return false, errors.New("give a file name to save the mapping as")
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: %s", format.Clean(path), format.Clean(err.Error()))
	}
	for _, in := range m.common.Remap.Paths {
		if is, err := os.Stat(in); err == nil && os.SameFile(st, is) {
			return true, fmt.Errorf("%s is an input file: funnel never writes over its input", format.Clean(path))
		}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".toml":
	default:
		return true, fmt.Errorf("%s exists and is not a mapping file (.yaml, .yml or .toml): choose another name", format.Clean(path))
	}
	if st.IsDir() {
		return true, fmt.Errorf("%s is a folder", format.Clean(path))
	}
	return true, nil
}

// writeFile writes text to path, creating it, or replacing it when
// replace is set (the user said so).
func writeFile(path string, text []byte, replace bool) error {
	flag := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if replace {
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// saveJob takes the end of writing a mapping file.
func (m *Model) saveJob(msg tea.Msg) (tea.Cmd, bool) {
	r, ok := m.saving.Done(msg)
	if !ok {
		return nil, false
	}
	if r.err != nil {
		m.say("not saved: "+format.Clean(r.err.Error()), true)
		return nil, true
	}
	how := fmt.Sprintf("saved %s: funnel --map %s %s reads the file this way", format.Clean(r.path), format.Clean(r.path), m.inputArg())
	if len(m.files) > 1 {
		// one mapping per file: --map FILE=MAPPING
		how = fmt.Sprintf("saved %s: funnel --map %s=%s %s reads %s this way (one --map FILE=MAPPING per file)",
			format.Clean(r.path), format.Clean(r.name), format.Clean(r.path), m.inputArg(), format.Clean(r.name))
	}
	m.say(how, false)
	return nil, true
}

// inputArg names the data files as a command line would.
func (m *Model) inputArg() string {
	var out []string
	for _, f := range m.files {
		p := m.common.Remap.Paths[f.name]
		switch {
		case m.state.Masked:
			p = "FILE"
		case p == "":
			p = "-"
		}
		out = append(out, format.Clean(p))
	}
	return strings.Join(out, " ")
}
