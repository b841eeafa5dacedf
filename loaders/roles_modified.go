package loaders

import "github.com/funnel-cli/funnel/model"

// The data's own clock: a record's last-modified date. A record cannot
// have closed after it was last changed, so a close date past it is a
// planned date that was never updated (clamp.go).

// modifiedKey words say a date column is the record's last change:
// Salesforce LastModifiedDate and SystemModstamp, HubSpot "Last Modified
// Date", Pipedrive "Update time", Zoho "Modified Time", "updated_at".
var modifiedKey = wordSet("modified", "modification", "modstamp", "updated", "update", "modificado", "modificacion",
	"modificación", "actualizado", "actualizacion", "actualización", "geändert", "geaendert", "aktualisiert")

// modifiedLastKey words say it only after "last": "Last Edited", "last_changed".
var modifiedLastKey = wordSet("edited", "edit", "changed", "change")

// modifiedAllowed are the other words such a name may hold. Any other word
// names something else ("Last Activity Date", "Stage Last Updated",
// "LastModifiedById", "PrevForecastUpdate", "Next Step Date").
var modifiedAllowed = wordSet("last", "latest", "date", "time", "timestamp", "at", "on", "dt", "datetime", "system",
	"record", "row", "deal", "opportunity", "opp", "lead", "contact", "account", "de", "la", "fecha", "ultima", "última",
	"datum", "zuletzt", "the", "object")

// modifiedScore is how strongly a column's name says it is the record's
// last change (0: not at all). A user's last change (LastModifiedDate)
// is preferred to the system's (SystemModstamp, which automation also
// moves).
func modifiedScore(words []string) float64 {
	key, last, system := false, false, false
	for _, w := range words {
		switch {
		case modifiedKey[w]:
			key = true
		case modifiedLastKey[w]:
			key = key || hasWord(words, "last")
		case w == "last" || w == "latest":
			last = true
		case w == "system":
			system = true
		case !modifiedAllowed[w]:
			return 0
		}
	}
	if !key {
		return 0
	}
	s := 2.0
	if last {
		s++
	}
	if system || hasWord(words, "modstamp") {
		s--
	}
	return s
}

// modifiedAgree is the share of sampled rows holding both dates on which
// the last change is on or after the entry date for a column to be
// taken as the record's last change ("nearly every row").
const modifiedAgree = 0.95

// pickModified finds the record's last-modified date: a date column named
// like a last change whose values are on or after the record's entry date
// on nearly every sampled row. A stage-change log's rows are changes, not
// records: it has none.
func (in *inference) pickModified() {
	if in.m.Shape == ShapeHistory || in.m.Created == "" {
		return
	}
	entry := in.col(in.m.Created)
	if entry == nil {
		return
	}
	type cand struct {
		c     *ColumnProfile
		score float64
	}
	var cands []cand
	for _, c := range in.cols {
		if !isDate(c) || in.taken(c.Index) || c.Index == entry.Index {
			continue
		}
		if s := modifiedScore(c.words); s > 0 {
			cands = append(cands, cand{c, s})
		}
	}
	best, bestScore := -1, 0.0
	for _, x := range cands {
		both, after := in.datePairs(entry, x.c)
		switch {
		case both == 0:
			in.say("%s looks like the records' last change, but no sampled row has it and %s both; not used", x.c.Name, entry.Name)
		case float64(after) < modifiedAgree*float64(both):
			in.say("%s looks like the records' last change, but it is before %s (the entry date) on %d of %d sampled rows; not used",
				x.c.Name, entry.Name, both-after, both)
		case x.score > bestScore:
			best, bestScore = x.c.Index, x.score
		}
	}
	if best >= 0 {
		in.m.Modified = in.header[best]
		in.set(best, "last modified (the record's last change)", 0.8)
	}
}

// datePairs counts the sampled rows where columns a and b both hold a
// date, and those where b's day is on or after a's.
func (in *inference) datePairs(a, b *ColumnProfile) (both, after int) {
	for _, r := range in.rows {
		if a.Index >= len(r) || b.Index >= len(r) {
			continue
		}
		da, ok1 := sampleDay(r[a.Index], a.Format)
		db, ok2 := sampleDay(r[b.Index], b.Format)
		if !ok1 || !ok2 {
			continue
		}
		both++
		if db >= da {
			after++
		}
	}
	return both, after
}

// sampleDay reads a sampled date value as a day, an ambiguous numeric
// one in the order the column's profile found (month first unless it
// says day first).
func sampleDay(v []byte, format string) (int32, bool) {
	v = trimSpace(v)
	if len(v) == 0 || isNull(v) {
		return 0, false
	}
	d, ok := parseDate(v)
	if !ok {
		return 0, false
	}
	if !d.Amb {
		return d.Day, true
	}
	a, b := int(d.A), int(d.B)
	if len(format) >= 2 && format[:2] == "DD" {
		a, b = b, a
	}
	if !validYMD(d.Y, a, b) {
		return 0, false
	}
	return model.DayFromCivil(d.Y, a, b), true
}
