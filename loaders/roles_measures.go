package loaders

import "strings"

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
		// A dimension under its own name that names each record's
		// account (Dataset.Account: money's roll-up); joins may match on it.
		in.set(c, "account", 0.7)
		in.m.Account = in.header[c]
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
