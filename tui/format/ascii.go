package format

import "strings"

// asciiGlyph maps the glyphs funnel draws with to one ASCII cell each, so a
// frame keeps its layout on a terminal whose locale is not UTF-8.
var asciiGlyph = map[rune]rune{
	// sparkline levels and bars
	'▁': '_', '▂': '.', '▃': '-', '▄': '=', '▅': '+', '▆': '*', '▇': '%', '█': '#',
	'▉': '#', '▊': '#', '▋': '#', '▌': '#', '▍': ' ', '▎': ' ', '▏': ' ',
	'░': '.', '▒': ':', '▓': '#', '▀': '"', '▐': '|',
	// arrows and markers
	'←': '<', '→': '>', '↑': '^', '↓': 'v', '↔': '-', '⇒': '>', '▲': '^', '▼': 'v',
	'▸': '>', '▶': '>', '◂': '<', '◀': '<', '›': '>', '‹': '<', '»': '>', '«': '<',
	'●': 'o', '○': 'o', '◆': '*', '•': '*', '✓': 'v', '✗': 'x',
	// punctuation and signs
	'…': '~', '—': '-', '–': '-', '−': '-', '·': '.', '×': 'x', '÷': '/', '≥': '>', '≤': '<',
	'≠': '#', '±': '+', '≈': '~', '°': 'o', '\u00a0': ' ', '‘': '\'', '’': '\'', '“': '"', '”': '"',
	'′': '\'', '²': '2', 'Δ': 'D', '€': 'E', '£': 'L', '¥': 'Y',
}

// ASCII replaces funnel's drawing glyphs (bars, sparklines, arrows, box
// lines, ellipses) with ASCII characters one cell wide each, leaving
// escape sequences and other text as they are.
func ASCII(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch g, ok := asciiGlyph[r]; {
		case ok:
			b.WriteRune(g)
		case r >= 0x2500 && r <= 0x257f: // box drawing
			b.WriteRune(boxGlyph(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// boxGlyph reads a box-drawing character as a line or a joint.
func boxGlyph(r rune) rune {
	switch r {
	case '─', '━', '┄', '┅', '┈', '┉', '╌', '╍', '═', '╴', '╶', '╸', '╺', '╼', '╾':
		return '-'
	case '│', '┃', '┆', '┇', '┊', '┋', '╎', '╏', '║', '╵', '╷', '╹', '╻', '╽', '╿':
		return '|'
	case '╱':
		return '/'
	case '╲':
		return '\\'
	case '╳':
		return 'X'
	}
	return '+'
}

// UTF8Locale reports whether the locale in env (LC_ALL, else LC_CTYPE, else
// LANG; unset is the C locale) uses UTF-8.
func UTF8Locale(env []string) bool {
	get := func(name string) string {
		for _, e := range env {
			if v, ok := strings.CutPrefix(e, name+"="); ok {
				return v
			}
		}
		return ""
	}
	for _, name := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := get(name); v != "" {
			v = strings.ToLower(v)
			return strings.Contains(v, "utf-8") || strings.Contains(v, "utf8")
		}
	}
	return false
}
