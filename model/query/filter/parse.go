package filter

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/funnel-cli/funnel/model"
)

// Parse parses a filter expression against a dataset's columns.
// Terms are separated by spaces (or the word "and") and all must hold:
//
//	channel=chat                 a dimension equals a value (case-insensitive)
//	owner!=ana                   … differs from it
//	owner in (ana,"Ben Okafor")  … is one of the values (not in: none of them)
//	created>=2025-01             entry date (first stage date) on/after 2025-01-01
//	sql<2025-03-15               the stage's date (records without one fail)
//	stage>=SQL                   deepest stage reached; exit=lost; reason=Price
//
// Dates are YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD; a month or year compares
// as its whole range (<= 2025-01 means up to 2025-01-31). Values with spaces
// or commas are written in double quotes (Quote). Errors name the unknown
// column or value and suggest the closest one.
func Parse(expr string, ds *model.Dataset) (Filter, error) { return parse(expr, ds) }

// Check parses an expression's syntax only, with no dataset to resolve
// its columns and values against: a flag can be checked before the data
// is read.
func Check(expr string) error {
	_, err := parse(expr, nil)
	return err
}

// parse reads the expression's terms and, with a dataset, resolves them.
func parse(expr string, ds *model.Dataset) (Filter, error) {
	p := &parser{s: expr}
	var f Filter
	for {
		p.space()
		if p.eof() {
			return f, nil
		}
		start := p.i
		name, ok := p.word()
		if !ok {
			return Filter{}, p.errAt(start, "expected a column name")
		}
		if expr[start] != '"' && strings.EqualFold(name, "and") {
			continue
		}
		p.space()
		opPos := p.i
		op := p.op()
		if op == "" {
			if p.eof() {
				return Filter{}, p.errAt(opPos, fmt.Sprintf("expected an operator (=, !=, <, <=, >, >=, in) after %q", name))
			}
			return Filter{}, p.errAt(opPos, fmt.Sprintf("expected an operator (=, !=, <, <=, >, >=, in) after %q, found %q", name, p.rest(8)))
		}
		p.space()
		t := Term{Column: name, Op: op}
		valPos := p.i
		if op == "in" || op == "not in" {
			vals, err := p.list()
			if err != nil {
				return Filter{}, err
			}
			t.Values = vals
		} else {
			v, ok := p.value()
			if !ok {
				return Filter{}, p.errAt(valPos, fmt.Sprintf("expected a value after %q", name+op))
			}
			t.Values = []string{v}
		}
		if ds == nil {
			f.Terms = append(f.Terms, t)
			continue
		}
		if msg := t.resolve(ds); msg != "" {
			return Filter{}, p.errAt(start, msg)
		}
		f.Terms = append(f.Terms, t)
	}
}

type parser struct {
	s string
	i int
}

func (p *parser) eof() bool { return p.i >= len(p.s) }

func (p *parser) errAt(pos int, msg string) error {
	return &Error{Expr: p.s, Pos: utf8.RuneCountInString(p.s[:min(pos, len(p.s))]) + 1, Msg: msg}
}

func (p *parser) rest(n int) string {
	r := p.s[p.i:]
	if utf8.RuneCountInString(r) > n {
		r = string([]rune(r)[:n]) + "…"
	}
	return r
}

func (p *parser) space() {
	for !p.eof() {
		r, w := utf8.DecodeRuneInString(p.s[p.i:])
		if !unicode.IsSpace(r) {
			return
		}
		p.i += w
	}
}

func isWordByte(c byte) bool {
	return c >= 0x80 || c == '_' || c == '-' || c == '.' || c == '/' || c == ':' || c == '@' || c == '+' || c == '#' || c == '&' || c == '\'' ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// word reads a bare word or a quoted string.
func (p *parser) word() (string, bool) {
	if p.eof() {
		return "", false
	}
	if p.s[p.i] == '"' {
		return p.quoted()
	}
	start := p.i
	for !p.eof() && isWordByte(p.s[p.i]) {
		_, w := utf8.DecodeRuneInString(p.s[p.i:])
		if r, _ := utf8.DecodeRuneInString(p.s[p.i:]); r >= 0x80 && unicode.IsSpace(r) {
			break
		}
		p.i += w
	}
	return p.s[start:p.i], p.i > start
}

func (p *parser) quoted() (string, bool) {
	p.i++ // opening quote
	var b strings.Builder
	for !p.eof() {
		c := p.s[p.i]
		if c == '"' {
			if p.i+1 < len(p.s) && p.s[p.i+1] == '"' {
				b.WriteByte('"')
				p.i += 2
				continue
			}
			p.i++
			return b.String(), true
		}
		b.WriteByte(c)
		p.i++
	}
	return "", false
}

func (p *parser) op() string {
	r := p.s[p.i:]
	for _, o := range []string{"!=", ">=", "<=", "==", "=", ">", "<"} {
		if strings.HasPrefix(r, o) {
			p.i += len(o)
			if o == "==" {
				return "="
			}
			return o
		}
	}
	lower := strings.ToLower(r)
	for _, o := range []string{"not in", "!in", "in"} {
		if strings.HasPrefix(lower, o) && (len(r) == len(o) || !isWordByte(r[len(o)])) {
			p.i += len(o)
			if o == "!in" {
				return "not in"
			}
			return o
		}
	}
	return ""
}

// value reads one value: quoted, or bare up to a space.
func (p *parser) value() (string, bool) {
	if p.eof() {
		return "", false
	}
	if p.s[p.i] == '"' {
		return p.quoted()
	}
	start := p.i
	for !p.eof() {
		r, w := utf8.DecodeRuneInString(p.s[p.i:])
		if unicode.IsSpace(r) || r == '(' || r == ')' {
			break
		}
		p.i += w
	}
	return p.s[start:p.i], p.i > start
}

// list reads (a, b, "c d").
func (p *parser) list() ([]string, error) {
	if p.eof() || p.s[p.i] != '(' {
		return nil, p.errAt(p.i, "expected ( after in")
	}
	p.i++
	var out []string
	for {
		p.space()
		if p.eof() {
			return nil, p.errAt(p.i, "missing ) to close the list")
		}
		if p.s[p.i] == ')' && len(out) == 0 {
			return nil, p.errAt(p.i, "empty list")
		}
		var v string
		if p.s[p.i] == '"' {
			s, ok := p.quoted()
			if !ok {
				return nil, p.errAt(p.i, "unclosed quote")
			}
			v = s
		} else {
			start := p.i
			for !p.eof() && p.s[p.i] != ',' && p.s[p.i] != ')' {
				p.i++
			}
			v = strings.TrimSpace(p.s[start:p.i])
			if v == "" {
				return nil, p.errAt(start, "empty value in list")
			}
		}
		out = append(out, v)
		p.space()
		if p.eof() {
			return nil, p.errAt(p.i, "missing ) to close the list")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
		case ')':
			p.i++
			return out, nil
		default:
			return nil, p.errAt(p.i, "expected , or ) in the list")
		}
	}
}
