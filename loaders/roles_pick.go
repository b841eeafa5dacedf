package loaders

import (
	"strings"
)

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

// amountNames rank amount columns: the deal's value first, revenue next,
// expected or weighted values last.
var amountNames = map[string]float64{"est revenue": 9, "estimated revenue": 9, "est revenue base": 9, "amount": 10, "value": 9, "close value": 9, "deal value": 9, "revenue": 7, "acv": 8,
	"annual contract value": 7, "contract value": 7, "total contract value": 6, "tcv": 6, "arr": 6, "mrr": 5,
	"annual recurring revenue": 5, "monthly recurring revenue": 4, "price": 5, "bookings": 6, "booking": 6, "sales": 4,
	"size": 4, "total": 4, "amount in company currency": 8, "importe": 10, "monto": 10, "valor": 9, "betrag": 10, "montant": 10}

var notAmount = wordSet("expected", "weighted", "forecast", "prev", "previous", "probability", "balance", "budget",
	"quantity", "employees", "discount", "tax", "locations", "days", "lifecycle", "age", "score", "count", "number", "rate")

var probNames = map[string]float64{"probability": 10, "probability percent": 10, "prob": 8, "likelihood": 8, "win probability": 10,
	"chance": 6, "confidence": 4, "win percent": 8, "probabilidad": 10}

var sortNames = map[string]float64{"orden": 6, "reihenfolge": 6, "ordre": 6, "ordem": 6, "sort order": 10, "stage sort order": 10, "order": 6, "stage order": 10, "rank": 6,
	"sequence": 6, "seq": 5, "position": 5, "stage number": 8, "step number": 8}

var channelNames = map[string]float64{"channel": 10, "acquisition channel": 10, "lead source": 9, "source": 8,
	"original source": 8, "original source type": 7, "source type": 7, "origin": 7, "utm source": 7, "medium": 5,
	"latest source": 5, "origen": 7, "canal": 9, "fuente": 7, "quelle": 7}

var reasonNames = map[string]float64{"lost reason": 10, "loss reason": 10, "closed lost reason": 10, "reason lost": 10,
	"reason": 6, "lost": 2, "motivo": 6, "razon": 6, "grund": 6}

var accountNames = map[string]float64{"company": 10, "company name": 10, "account": 9, "account name": 10,
	"organization": 9, "organisation": 9, "organization name": 9, "org": 6, "customer": 7, "customer name": 9,
	"client": 7, "client name": 9, "associated company": 8, "empresa": 9, "firma": 9, "cuenta": 9}

var ownerNames = map[string]float64{"owner": 10, "deal owner": 10, "sales rep": 9, "rep": 8, "agent": 8, "sales agent": 9,
	"salesperson": 9, "assigned to": 8, "owner name": 10, "account executive": 8, "ae": 6, "propietario": 9}

var currencyNames = map[string]float64{"currency": 10, "currency code": 10, "currency iso code": 10, "iso code": 6, "moneda": 10, "waehrung": 10}

// best returns the column with the highest name score among those ok
// accepts (ties: fewer blanks, then file order), or -1.
func (in *inference) best(names map[string]float64, minScore float64, ok func(*ColumnProfile) bool) int {
	best, bestScore := -1, minScore
	for _, c := range in.cols {
		if in.taken(c.Index) || !ok(c) {
			continue
		}
		s := nameScore(c.words, names)
		s += 0.5 * float64(c.NonBlank()) / float64(max(c.Rows, 1))
		if s > bestScore {
			best, bestScore = c.Index, s
		}
	}
	return best
}

func numeric(c *ColumnProfile) bool {
	return c.Type == TypeInt || c.Type == TypeNumber || c.Type == TypeMoney
}

func hasAny(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// pickMeasures finds the amount, probability, currency, channel, reason,
// email, account, owner and lead-reference columns.
func (in *inference) pickMeasures() {
	for _, c := range []int{in.id, in.key, in.stage, in.status, in.wonFlag, in.closedFlag} {
		if c >= 0 {
			in.role[c] = ""
		}
	}
	m := in.m
	if c := in.best(amountNames, 3, func(c *ColumnProfile) bool {
		return (numeric(c) || c.Type == TypeEmpty && nameScore(c.words, amountNames) >= 9) && !hasAny(c.words, notAmount) &&
			phrase(core(c.words)) != "annual revenue"
	}); c >= 0 {
		m.Amount = in.header[c]
		in.set(c, "amount", 0.8)
	}
	if c := in.best(probNames, 3, func(c *ColumnProfile) bool {
		return numeric(c) && c.Min >= 0 && c.Max <= 100 && !hasAny(c.words, wordSet("forecast"))
	}); c >= 0 {
		m.Probability = in.header[c]
		in.set(c, "win probability", 0.8)
	}
	if c := in.best(currencyNames, 5, func(c *ColumnProfile) bool {
		return c.Type == TypeCategory && valueShare(c, func(v string) bool { return len(v) == 3 && isUpper3(v) }) > 0.9
	}); c >= 0 {
		m.Currency = in.header[c]
		in.set(c, "currency", 0.9)
	}
	if c := in.best(channelNames, 3, func(c *ColumnProfile) bool {
		return (c.Type == TypeCategory || c.Type == TypeText) && !hasAny(c.words, wordSet("data", "drill", "down", "id", "timestamp"))
	}); c >= 0 {
		m.Channel = in.header[c]
		in.set(c, "channel", 0.7)
	}
	if c := in.best(reasonNames, 3, func(c *ColumnProfile) bool {
		return (c.Type == TypeCategory || c.Type == TypeText || c.Type == TypeEmpty) && !hasAny(c.words, wordSet("won", "bounced", "email"))
	}); c >= 0 {
		m.Reason = in.header[c]
		in.set(c, "lost reason", 0.7)
	}
	for _, c := range in.cols {
		if c.Type == TypeEmail && !in.taken(c.Index) {
			m.Email = c.Name
			in.set(c.Index, "email", 0.9)
			break
		}
	}
	if c := in.best(accountNames, 5, func(c *ColumnProfile) bool {
		return c.Type == TypeCategory || c.Type == TypeText
	}); c >= 0 {
		// Kept as a dimension under its own name; joins may match on it.
		in.set(c, "account (dimension)", 0.7)
		in.m.Dims = append(in.m.Dims, in.header[c])
	}
	// A deal's contact or lead ids, for joining a contacts file.
	for _, c := range in.cols {
		w := core(c.words)
		if in.taken(c.Index) || !idName(c.words) || len(w) < 2 {
			continue
		}
		if hasAny(w, wordSet("contact", "contacts", "lead", "person")) || hasAny(c.words, wordSet("contact", "lead", "person")) && c.Index != in.id {
			if c.NonBlank() > 0 && !hasAny(c.words, wordSet("converted", "owner", "number")) {
				m.LeadRef = c.Name
				in.set(c.Index, "lead/contact reference", 0.6)
				break
			}
		}
	}
	for _, c := range []int{in.id, in.key, in.stage, in.status, in.wonFlag, in.closedFlag} {
		if c >= 0 && in.role[c] == "" {
			delete(in.role, c)
		}
	}
}

// isOwner says whether a column names the record's owner.
func isOwner(c *ColumnProfile) bool { return nameScore(c.words, ownerNames) >= 5 }

// sortOrderCol finds an integer column that gives each stage value one
// number (StageSortOrder), or -1.
func (in *inference) sortOrderCol() int {
	if in.stage < 0 {
		return -1
	}
	return in.best(sortNames, 4, func(c *ColumnProfile) bool {
		return c.Type == TypeInt && in.dependsOnStage(c.Index) >= 0.95
	})
}

// dependsOnStage is the share of sampled rows whose value in column c is
// the most common one for their stage value (1: one number per stage).
func (in *inference) dependsOnStage(c int) float64 {
	per := map[string]map[string]int{}
	n := 0
	for _, r := range in.rows {
		s, v := string(trimB(r[in.stage])), string(trimB(r[c]))
		if s == "" || v == "" {
			continue
		}
		if per[s] == nil {
			per[s] = map[string]int{}
		}
		per[s][v]++
		n++
	}
	if n == 0 {
		return 0
	}
	agree := 0
	for _, m := range per {
		top := 0
		for _, k := range m {
			top = max(top, k)
		}
		agree += top
	}
	return float64(agree) / float64(n)
}

// hasWordPrefix says whether any word starts with one of the prefixes.
func hasWordPrefix(words []string, prefixes ...string) bool {
	for _, w := range words {
		for _, p := range prefixes {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}
