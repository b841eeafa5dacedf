package loaders

import (
	"strings"
)

// flagCol is a column whose sampled values all read as yes/no.
type flagCol struct {
	col    int
	header string
	set    int // sampled rows with the flag set
}

// idLike says whether a header names a record id ("Lead ID", "deal_id", "Id").
func idLike(h string) bool {
	if classify(h) == roleID {
		return true
	}
	n := strings.ToLower(strings.TrimSpace(h))
	return n == "id" || n == "key" || n == "ref" || n == "reference" ||
		strings.HasSuffix(n, " id") || strings.HasSuffix(n, "_id") || strings.HasSuffix(n, "-id") ||
		camelID(strings.TrimSpace(h))
}

// camelID matches "LeadId" and "dealID" (not "PAID").
func camelID(h string) bool {
	if len(h) < 3 || !(strings.HasSuffix(h, "Id") || strings.HasSuffix(h, "ID")) {
		return false
	}
	c := h[len(h)-3]
	return c >= 'a' && c <= 'z'
}

// trueWords are the set values of parseBool, for a status column that is
// itself a yes/no flag.
var trueWords = []string{"1", "yes", "y", "true", "t", "x", "✓", "checked"}

// topStageName names the stage every record is at: "Lead" for a "Lead ID"
// column, "Opportunity" for "Opportunity Id", else "Record".
func topStageName(id string, header []string) string {
	if id == "" {
		for _, h := range header {
			if idLike(h) {
				id = h
				break
			}
		}
	}
	n := strings.TrimSpace(id)
	for _, suf := range []string{" id", "_id", "-id", "id"} {
		if len(n) > len(suf) && strings.EqualFold(n[len(n)-len(suf):], suf) {
			return stageName(strings.TrimSpace(n[:len(n)-len(suf)]))
		}
	}
	return "Record"
}

// flagStageName turns "IsClosed", "is_won" or "has demo" into "Closed",
// "Won" and "Demo".
func flagStageName(h string) string {
	n := strings.TrimSpace(h)
	for _, pre := range []string{"is_", "is ", "has_", "has "} {
		if len(n) > len(pre) && strings.EqualFold(n[:len(pre)], pre) {
			n = n[len(pre):]
		}
	}
	for _, pre := range []string{"Is", "Has"} {
		if len(n) > len(pre) && strings.HasPrefix(n, pre) && n[len(pre)] >= 'A' && n[len(pre)] <= 'Z' {
			n = n[len(pre):]
		}
	}
	n = strings.TrimSpace(strings.ReplaceAll(n, "_", " "))
	if n == "" {
		return h
	}
	return strings.ToUpper(n[:1]) + n[1:]
}
