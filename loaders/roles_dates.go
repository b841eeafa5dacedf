package loaders

import (
	"strings"
)

// ignoreDate words mark dates that are not funnel events: last modified,
// next activity, birth dates, fiscal periods, contract starts.
var ignoreDate = wordSet("last", "modified", "modstamp", "updated", "system", "activity", "next", "due", "birth", "dob",
	"birthday", "valid", "deleted", "synced", "sync", "expiry", "expires", "expiration", "renewal", "fiscal", "review",
	"assigned", "latest", "prev", "previous", "old", "start", "end", "insert", "contacted", "meeting", "booked",
	"bounced", "transfer", "through", "simulated", "lifecycle", "prevforecastupdate", "update")

// timeWords are dropped from a date column's name before it is matched.
var timeWords = wordSet("date", "at", "on", "time", "timestamp", "dt", "day", "fecha", "datum", "when")

func dateCore(words []string) []string {
	var out []string
	for _, w := range core(words) {
		if !timeWords[w] {
			out = append(out, w)
		}
	}
	return out
}

var entryNames = map[string]float64{"created": 10, "create": 10, "creation": 8, "added": 7, "entered": 6, "signup": 8,
	"sign up": 8, "signed up": 8, "registered": 7, "registration": 7, "submitted": 7, "inquiry": 7, "first contact": 8,
	"first seen": 7, "opened": 7, "open": 6, "received": 6, "creacion": 10, "alta": 7, "erstellt": 10, "creation date": 8}

var closeNames = map[string]float64{"est close": 9, "estimated close": 9, "close": 10, "closed": 9, "closing": 8, "expected close": 7, "decision": 5, "status": 7,
	"exit": 8, "outcome": 7, "resolved": 6, "resolution": 6, "cierre": 10, "abschluss": 9}

var wonNames = map[string]float64{"won": 10, "closed won": 10, "win": 8, "converted": 9, "conversion": 8}

var lostNames = map[string]float64{"lost": 10, "closed lost": 10, "loss": 9}

var tsNames = map[string]float64{"date": 5, "created": 8, "changed": 10, "timestamp": 10, "modified": 5, "edit": 9, "edited": 9,
	"entered": 8, "event": 8, "logged": 8, "moved": 8, "transition": 8}

func isDate(c *ColumnProfile) bool { return c.Type == TypeDate || c.Type == TypeDateTime }

// dateScore is a date column's name score against phrases, 0 when it is
// an ignored kind of date.
func dateScore(c *ColumnProfile, names map[string]float64) float64 {
	if hasAny(c.words, ignoreDate) {
		return 0
	}
	w := dateCore(c.words)
	if len(w) == 0 {
		return 0
	}
	p := phrase(w)
	if s, ok := names[p]; ok {
		return s
	}
	best := 0.0
	for ph, s := range names {
		pw := strings.Fields(ph)
		if containsRun(w, pw) {
			best = max(best, s*float64(len(pw))/float64(len(w)))
		}
	}
	return best
}

// bestDate picks the date column scoring highest (at least min).
func (in *inference) bestDate(names map[string]float64, minScore float64) int {
	best, bestScore := -1, minScore
	for _, c := range in.cols {
		if !isDate(c) || in.taken(c.Index) {
			continue
		}
		if s := dateScore(c, names); s > bestScore {
			best, bestScore = c.Index, s
		}
	}
	return best
}

// stageWords are dropped from a date column's name to get the stage it
// dates: "Became a Marketing Qualified Lead Date" dates the MQL stage.
var stageWords = wordSet("became", "become", "a", "an", "date", "entered", "enter", "reached", "moved", "to", "into",
	"at", "on", "time", "timestamp", "dt", "day", "first", "fecha", "de", "datum", "when")

// dateStage returns the words of the stage a date column dates, or nil.
func dateStage(c *ColumnProfile) []string {
	if hasAny(c.words, ignoreDate) {
		return nil
	}
	var out []string
	for _, w := range c.words {
		if !stageWords[w] {
			out = append(out, w)
		}
	}
	for len(out) > 1 && objectWords[out[0]] {
		out = out[1:]
	}
	return out
}

// stemEq says two stage words are the same word in another form:
// "engage" and "Engaging", "qualified" and "qualification".
func stemEq(a, b string) bool {
	a, b = norm(a), norm(b)
	if a == b {
		return true
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 5 || n >= 4 && (n+2 >= len(a) || n+2 >= len(b))
}

// historyTimestamp finds the column dating each row of a stage-change
// log ("CreatedDate", "changed_at"), or -1.
func (in *inference) historyTimestamp() int {
	if in.key < 0 || in.stage < 0 {
		return -1
	}
	best, bestScore := -1, 0.0
	for _, c := range in.cols {
		if !isDate(c) {
			continue
		}
		s := nameScore(c.words, tsNames)
		if hasAny(c.words, wordSet("close", "closing", "valid", "prev", "previous", "modstamp", "insert", "system", "last")) {
			s = 0
		}
		if c.Type == TypeDateTime {
			s += 2
		}
		if s > bestScore {
			best, bestScore = c.Index, s
		}
	}
	return best
}

// pickDates assigns the date columns: the history timestamp, the entry
// date, the won, lost and close dates. Stage dates are matched to stages
// in pickShape.
func (in *inference) pickDates() {
	m := in.m
	if c := in.bestDate(entryNames, 3); c >= 0 {
		m.Created = in.header[c]
		in.set(c, "entry date", 0.8)
	}
	if c := in.bestDate(wonNames, 6); c >= 0 {
		m.WonDate = in.header[c]
		in.set(c, "won date", 0.8)
	}
	if c := in.bestDate(lostNames, 6); c >= 0 {
		m.LostDate = in.header[c]
		in.set(c, "lost date", 0.8)
	}
	if c := in.bestDate(closeNames, 5); c >= 0 {
		m.CloseDate = in.header[c]
		in.set(c, "close date (the outcome's date)", 0.7)
	}
}
