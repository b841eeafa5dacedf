package filter

import (
	"slices"
	"strings"
	"unicode"

	"github.com/funnel-cli/funnel/model"
)

// maxCompletions caps the suggestions Complete returns.
const maxCompletions = 200

// Complete returns whole-line completions of a partly typed expression.
// The term being typed (the text after the last complete term) completes
// to a column name and "=" or, after column= or column!= (or inside an
// in (…) list), to the column's values, each written with Quote: every
// completed line reads back with Parse as the value it shows. Names and
// values holding control or bidi characters, which cannot be typed, are
// left out. Matching is by case-insensitive prefix; at most 200 lines, in
// order.
func Complete(ds *model.Dataset, typed string) []string {
	start := currentTerm(typed)
	head, cur := typed[:start], typed[start:]
	p := &parser{s: cur}
	name, ok := p.word()
	if !ok || p.eof() {
		// the column name itself
		var out []string
		for _, c := range Columns(ds) {
			if typable(c) && hasPrefixFold(Quote(c)+"=", cur) {
				out = append(out, head+Quote(c)+"=")
			}
		}
		return sortCap(out)
	}
	p.space()
	op := p.op()
	var lead, partial string // text kept before the value, the value typed so far
	switch op {
	case "=", "!=":
		p.space()
		lead, partial = cur[:p.i], cur[p.i:]
	case "in", "not in":
		cut := strings.LastIndexAny(cur, "(,")
		if cut < 0 || strings.Contains(cur[cut:], ")") {
			return nil
		}
		lead, partial = cur[:cut+1], strings.TrimLeft(cur[cut+1:], " ")
	default:
		return nil // dates and stage order: nothing to list
	}
	var out []string
	for _, v := range Values(ds, name) {
		if typable(v) && (hasPrefixFold(Quote(v), partial) || hasPrefixFold(v, strings.TrimPrefix(partial, `"`))) {
			out = append(out, head+lead+Quote(v))
		}
	}
	return sortCap(out)
}

// currentTerm returns where the term being typed starts: after the last
// term that the parser reads whole and that a space or more follows.
func currentTerm(s string) int {
	p := &parser{s: s}
	for {
		p.space()
		start := p.i
		if p.eof() {
			return start
		}
		name, ok := p.word()
		if !ok {
			return start
		}
		if s[start] != '"' && strings.EqualFold(name, "and") && !p.eof() {
			continue
		}
		p.space()
		op := p.op()
		if op == "" {
			return start
		}
		p.space()
		if op == "in" || op == "not in" {
			if _, err := p.list(); err != nil {
				return start
			}
		} else if _, ok := p.value(); !ok {
			return start
		}
		if p.eof() {
			return start // still being typed
		}
	}
}

// typable says whether a name or value can be typed at the prompt: no
// control characters, no bidi overrides.
func typable(s string) bool {
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func sortCap(out []string) []string {
	slices.Sort(out)
	return out[:min(len(out), maxCompletions)]
}
