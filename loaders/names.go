package loaders

import (
	"strings"
	"unicode"
)

// nameWords splits a header into lower-case words: "IsWon" → is won,
// "Opp Close Date_Simulated" → opp close date simulated, "Channel__c" →
// channel (a Salesforce custom-field suffix is dropped).
func nameWords(h string) []string {
	h = strings.TrimSpace(h)
	h = strings.TrimSuffix(strings.TrimSuffix(h, "__c"), "__C")
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(h)
	for i, r := range rs {
		switch {
		case r >= 'A' && r <= 'Z':
			// a capital starts a word unless it continues an acronym
			if len(cur) > 0 {
				prev := rs[i-1]
				nextLower := i+1 < len(rs) && rs[i+1] >= 'a' && rs[i+1] <= 'z'
				if nextLower && rs[i+1] == 's' && (i+2 == len(rs) || !unicode.IsLetter(rs[i+2])) {
					nextLower = false // a plural acronym: "IDs"
				}
				if prev >= 'a' && prev <= 'z' || prev >= '0' && prev <= '9' || (prev >= 'A' && prev <= 'Z' && nextLower) {
					flush()
				}
			}
			cur = append(cur, r)
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127:
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return words
}

func hasWord(words []string, any ...string) bool {
	for _, w := range words {
		for _, a := range any {
			if w == a {
				return true
			}
		}
	}
	return false
}

var dateWords = []string{"date", "day", "created", "time", "at", "on", "timestamp", "when", "dt"}

// idName says the header names an id: "Id", "Lead ID", "deal_id", "Record ID", "key".
func idName(words []string) bool {
	for len(words) > 1 && isInt(words[len(words)-1]) {
		words = words[:len(words)-1] // a repeated header's "(2)"
	}
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	return last == "id" || last == "ids" || last == "key" || last == "uuid" || last == "guid" || last == "ref" ||
		len(words) >= 2 && (last == "number" || last == "no") && words[len(words)-2] != "phone"
}

func nameIsID(h string) bool { return idLike(h) }
