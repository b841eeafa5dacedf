package filter

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote writes a column name or a value so that Parse reads it back as it
// is: bare when it is a run of word characters (letters, digits and
// _ - . / : @ + # & '), else in double quotes with each " doubled. It is
// the language's one quoting rule: Filter.String, Complete and whoever
// writes an expression for Parse (a view drilling into a slice, the
// report's --where) use it.
func Quote(s string) string {
	if isWord(s) && !strings.EqualFold(s, "and") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// isWord says whether the parser reads s as one bare word.
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !isWordByte(s[i]) || (r >= 0x80 && unicode.IsSpace(r)) {
			return false
		}
		i += w
	}
	return true
}
