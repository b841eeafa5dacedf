package tui

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/funnel-cli/funnel/tui/views"
)

// readmeKeys reads the README's key table (### The explorer): each row's
// keys and its description.
func readmeKeys(t *testing.T) [][2]string {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Skip("no README.md next to the module")
	}
	s := string(b)
	i := strings.Index(s, "### The explorer")
	if i < 0 {
		t.Fatal("README has no '### The explorer' section")
	}
	var rows [][2]string
	for _, l := range strings.Split(s[i:], "\n")[1:] {
		if !strings.HasPrefix(l, "|") {
			if len(rows) > 0 {
				break // the end of the table
			}
			continue
		}
		cells := strings.Split(strings.Trim(strings.TrimSpace(l), "|"), "|")
		if len(cells) < 2 || strings.TrimSpace(cells[0]) == "key" || strings.HasPrefix(strings.TrimSpace(cells[0]), "---") {
			continue
		}
		rows = append(rows, [2]string{strings.TrimSpace(cells[0]), strings.Join(cells[1:], "|")})
	}
	if len(rows) < 10 {
		t.Fatalf("README key table has %d rows", len(rows))
	}
	return rows
}

// keysOf lists every key the bindings match.
func keysOf(groups ...[]key.Binding) []string {
	var out []string
	for _, g := range groups {
		for _, b := range g {
			if b.Enabled() {
				out = append(out, b.Keys()...)
			}
		}
	}
	return out
}

func (g GlobalKeys) all() []key.Binding {
	return []key.Binding{g.Quit, g.Help, g.Back, g.Mouse, g.Filter, g.Command, g.NextView, g.PrevView, g.Mask, g.Suspend, g.Copy, g.Export}
}

// readmeKeyNames reads a key cell: "q, ctrl+c", "h/l, shift+←/→" (each
// key as Bubble Tea names it: shift+left, shift+right).
func readmeKeyNames(cell string) []string {
	arrows := strings.NewReplacer("←", "left", "→", "right", "↑", "up", "↓", "down")
	var out []string
	for _, k := range strings.Split(cell, ",") {
		k = strings.TrimSpace(k)
		prefix := ""
		if i := strings.LastIndex(k, "+"); i >= 0 {
			prefix, k = k[:i+1], k[i+1:]
		}
		alts := []string{k}
		if len(k) > 1 && strings.Contains(k, "/") {
			alts = strings.Split(k, "/") // h/l, ←/→
		}
		for _, alt := range alts {
			out = append(out, prefix+arrows.Replace(alt))
		}
	}
	return out
}

// keyLike is a backticked key in a description: a letter, $, or a named key.
var keyLike = regexp.MustCompile("`([a-zA-Z$]|enter|esc|tab|space|ctrl\\+[a-z]|shift\\+tab)`")

// TestReadmeKeysMatchHelp: every key the README's key table names is a key
// `?` lists (in the view the row is about, or everywhere), and every key
// that works everywhere, and every view's own key, is in the table.
func TestReadmeKeysMatchHelp(t *testing.T) {
	a := newDemoApp(t, 120, 30)
	global := keysOf(a.keys.all(), a.topBindings())
	viewKeys := map[string][]string{} // a row's key → the keys of the view it opens
	for _, tv := range a.tops {
		a.openTop(tv.name, "")
		viewKeys[tv.key.Help().Key] = keysOf(a.Top().FullHelp()...)
	}
	a.openTop("overview", "")
	press(a, keyEnter)
	viewKeys["enter"] = keysOf(a.Top().FullHelp()...)
	press(a, keyEscape, ch('r'))
	viewKeys["r"] = keysOf(a.Top().FullHelp()...)
	press(a, keyEscape, ch('l'))
	viewKeys["l"] = keysOf(a.Top().FullHelp()...)
	press(a, keyEscape, ch('C'))
	viewKeys["C"] = keysOf(a.Top().FullHelp()...)
	press(a, keyEscape)
	var any []string // every key of every view
	for _, ks := range viewKeys {
		any = append(any, ks...)
	}

	var listed []string
	for _, row := range readmeKeys(t) {
		keys := readmeKeyNames(row[0])
		for _, k := range keys {
			listed = append(listed, k)
			if !slices.Contains(global, k) && !slices.Contains(any, k) {
				t.Errorf("README key %q is no key of the explorer", k)
			}
		}
		own := viewKeys[keys[0]]
		for _, m := range keyLike.FindAllStringSubmatch(row[1], -1) {
			if k := m[1]; !slices.Contains(own, k) {
				t.Errorf("README row %q names key %q, which `?` does not list there", row[0], k)
			}
		}
	}
	for _, b := range append(a.keys.all(), a.topBindings()...) {
		if !slices.ContainsFunc(b.Keys(), func(k string) bool { return slices.Contains(listed, k) }) {
			t.Errorf("key %v (%s) is missing from the README's key table", b.Keys(), b.Help().Desc)
		}
	}
	var _ views.View = a.Top()
}
