package loaders

func wordSet(ws ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// notOutcome words make a yes/no column an attribute, not the result:
// "previous outcome", "do not email", "won before".
var notOutcome = wordSet("previous", "prior", "prev", "last", "before", "ever", "expected", "predicted", "forecast",
	"probability", "likely", "do", "not", "opted", "out", "email", "call", "fax", "bounced", "deleted", "private",
	"excluded", "unread", "primary", "test", "default", "line", "item", "exclude", "filter", "synced", "manual", "auto",
	"award", "awards", "year", "month", "lifetime")

// flagClass says what a yes/no column's name makes it: "won", "converted",
// "success", "closed", "lost", "dq", "result" (yes = won, no = lost) or "".
func flagClass(words []string) string {
	for _, w := range words {
		if notOutcome[w] {
			return ""
		}
	}
	switch phrase(core(words)) {
	case "won", "win", "closed won", "won closed", "is won":
		return "won"
	case "converted", "conversion", "is converted":
		return "converted"
	case "success", "successful", "subscribed", "purchased", "signed", "paid", "customer", "closed converted":
		return "success"
	case "closed", "closed deal":
		return "closed"
	case "lost", "closed lost":
		return "lost"
	case "disqualified", "unqualified", "junk", "dq":
		return "dq"
	case "y", "outcome", "result", "target", "label", "response", "responded", "class":
		return "result"
	}
	// "converted to paid", "won deal", "became customer"
	if w := core(words); len(w) >= 2 && len(w) <= 3 {
		switch w[0] {
		case "converted", "won":
			return "converted"
		case "became", "purchased", "subscribed":
			return "success"
		}
	}
	return ""
}

// pickOutcomeFlags finds the yes/no columns that give the outcome: a won
// flag (IsWon, Converted, a result like y), a closed flag (IsClosed) and a
// lost flag. A won flag that disagrees with the stage column's won labels
// (set on rows at open stages) is not taken.
func (in *inference) pickOutcomeFlags() {
	rank := map[string]int{"won": 4, "converted": 3, "success": 2, "result": 1}
	best, bestRank := -1, 0
	for _, c := range in.cols {
		if c.Type != TypeBool {
			continue
		}
		cl := flagClass(c.words)
		switch cl {
		case "closed":
			if in.closedFlag < 0 {
				in.closedFlag = c.Index
			}
		case "won", "converted", "success", "result":
			if rank[cl] > bestRank && in.flagAgrees(c.Index) {
				best, bestRank = c.Index, rank[cl]
			}
		}
	}
	if best >= 0 {
		in.wonFlag = best
		if bestRank == 1 {
			in.result = best
		}
	}
}

// flagAgrees checks a would-be won flag against the stage column's
// labels, when it has won labels: the rows with the flag set must mostly
// carry a won label.
func (in *inference) flagAgrees(c int) bool {
	if in.stage < 0 {
		return true
	}
	set, atWon, labelled := 0, 0, 0
	for _, r := range in.rows {
		o := valueOutcome(string(trimB(r[in.stage])))
		if o == outWon {
			labelled++
		}
		if b, ok := parseBool(r[c]); ok && b {
			set++
			if o == outWon {
				atWon++
			}
		}
	}
	if labelled == 0 || set == 0 {
		return true
	}
	if atWon*10 < set*6 {
		in.say("%s looks like an outcome flag but is set on rows that are not at a won stage; kept as a dimension", in.header[c])
		return false
	}
	return true
}

// valueShare is the share of non-blank sampled values v with f(v).
func valueShare(c *ColumnProfile, f func(string) bool) float64 {
	n, t := 0, 0
	for v, k := range c.counts {
		t += k
		if f(v) {
			n += k
		}
	}
	if t == 0 {
		return 0
	}
	return float64(n) / float64(t)
}

func hasExitValue(c *ColumnProfile) bool {
	for v := range c.counts {
		switch valueOutcome(v) {
		case outWon, outLost, outDQ, outChurn:
			return true
		}
	}
	return false
}

var statusNames = map[string]float64{"status": 2, "outcome": 3, "result": 3, "state": 1, "won lost": 3, "win loss": 3,
	"stage outcome": 3, "deal status": 2, "estado": 1, "resultado": 3}

// pickStatus finds an outcome column: a category whose values are nearly
// all outcomes (open, won, lost…), or one named like a status that holds
// some exit values (HubSpot "Lead Status": Unqualified).
func (in *inference) pickStatus() {
	best, bestScore := -1, 0.0
	for _, c := range in.cols {
		if c.Type != TypeCategory || c.Distinct > 15 || !hasExitValue(c) {
			continue
		}
		share := valueShare(c, func(v string) bool { return valueOutcome(v) != outNone })
		if share < 0.9 {
			continue
		}
		if s := share + nameScore(c.words, statusNames); s > bestScore {
			best, bestScore = c.Index, s
		}
	}
	if best >= 0 {
		in.status = best
	}
}

// pickLooseStatus takes a status-named column with some exit values when
// no outcome column was found (after the stage column is known).
func (in *inference) pickLooseStatus() {
	if in.status >= 0 {
		return
	}
	for _, c := range in.cols {
		if c.Index == in.stage || c.Type != TypeCategory || c.Distinct > 30 || !hasExitValue(c) {
			continue
		}
		if nameScore(c.words, statusNames) >= 1 {
			in.status = c.Index
			return
		}
	}
}

var stageNames = map[string]float64{"stage": 3, "stage name": 3, "lifecycle stage": 3, "lifecycle": 3, "phase": 3,
	"step": 2, "funnel stage": 3, "pipeline stage": 3, "sales stage": 3, "status": 1.5, "lead status": 2, "state": 1,
	"etapa": 3, "fase": 3, "estado": 1, "stufe": 3, "phase name": 3}

var notStage = wordSet("forecast", "category", "type", "source", "reason", "rating", "priority", "clean", "sync", "approval",
	"delivery", "installation", "payment", "bounced", "from", "prev", "previous", "old", "last", "probability", "sort", "order")

// pickStage finds the current-stage column: a low-cardinality category
// named like a stage or whose values are a known CRM's stages, with won
// or lost labels counting for it.
func (in *inference) pickStage() {
	best, bestScore := -1, 0.0
	for _, c := range in.cols {
		if c.Index == in.status || c.Distinct < 2 || c.Distinct > 40 || (c.Type != TypeCategory && c.Type != TypeText && c.Type != TypeID) {
			continue
		}
		s := nameScore(c.words, stageNames)
		for _, w := range c.words {
			if notStage[w] {
				s -= 3
				break
			}
		}
		_, cov := matchVocab(c.values())
		if cov >= 0.6 {
			s += 3 * cov
		}
		if hasExitValue(c) {
			s++
		}
		if s > bestScore {
			best, bestScore = c.Index, s
		}
	}
	if bestScore >= 2.5 {
		in.stage = best
	}
}

func trimB(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// foreign words make an id column a reference to another object.
var foreign = wordSet("owner", "parent", "master", "campaign", "created", "modified", "by", "user", "pricebook", "pricebook2",
	"territory", "territory2", "contract", "synced", "last", "converted", "account", "company", "partner", "quote",
	"history", "changed", "merged", "associated", "primary", "team")

// pickIDs finds the record id (a unique id-named column) and, in a file
// where an id column repeats, the record key of a history log.
func (in *inference) pickIDs() {
	best, bestScore := -1, 0.0
	keyBest, keyScore := -1, 0.0
	for _, c := range in.cols {
		nb := c.NonBlank()
		if nb == 0 || nb*10 < c.Rows*9 || c.Index == in.stage || c.Index == in.status {
			continue
		}
		named := idName(c.words) || idLike(c.Name)
		if !named && c.Type != TypeID {
			continue
		}
		s := 1.0
		if len(c.words) == 1 && (c.words[0] == "id" || c.words[0] == "key") {
			s += 2
		} else if named {
			s++
		}
		if c.Type == TypeID {
			s++
		}
		for _, w := range c.words {
			if foreign[w] {
				s -= 2
				break
			}
		}
		if c.Index == 0 {
			s += 0.5
		}
		if c.Unique() || c.Rows < 2 {
			if s+2 > bestScore {
				best, bestScore = c.Index, s+2
			}
			continue
		}
		// Repeats: a history log's key, or (named plainly) an id with line items.
		if c.Distinct*20 <= nb*19 && c.Distinct >= 2 && !hasAny(c.words, foreign) {
			ks := s
			for _, w := range c.words {
				if objectWords[w] && w != "is" || w == "record" {
					ks++
				}
			}
			if ks > keyScore {
				keyBest, keyScore = c.Index, ks
			}
		}
		if named && c.Distinct*2 >= nb && s > bestScore {
			best, bestScore = c.Index, s
		}
	}
	if best >= 0 && bestScore > 0 {
		in.id = best
		in.conf[best] = min(0.95, 0.4+0.1*bestScore)
		if c := in.cols[best]; !c.Unique() && c.Rows > 1 {
			in.say("%s repeats (%d distinct values in %d sampled rows, line items?): each row counts as a record", c.Name, c.Distinct, c.NonBlank())
			in.unsure = append(in.unsure, c.Name+" is not unique")
		}
	}
	if keyBest >= 0 && keyScore > 0 && keyBest != in.id {
		in.key = keyBest
	}
}
