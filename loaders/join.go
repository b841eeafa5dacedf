package loaders

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// joinAll joins files into one funnel, left to right: the first two as
// leads and deals (joinPair), then each further file (deals, onboarding,
// renewals…) onto the funnel joined so far, whose records stay the leads'.
// Each join's match rate goes into the decisions.
func joinAll(sets []*loaded, maxProblems int) (*model.Dataset, error) {
	if len(sets) < 2 {
		return nil, fmt.Errorf("%d files given: a join needs two or more", len(sets))
	}
	acc := sets[0]
	for _, next := range sets[1:] {
		ds, err := joinPair(acc, next, maxProblems)
		if err != nil {
			return nil, err
		}
		acc = &loaded{ds: ds, mapping: acc.mapping}
	}
	return acc.ds, nil
}

// joinPair joins a leads set and a deals set into one funnel: each lead
// takes the stages of its furthest deal, matched by the deal's lead/contact
// id, then email, then account. Deals that match no lead are skipped and
// listed; the match rate goes into the decisions. The leads set may itself
// be a join (its Load.Files lists every file; the leads file is first).
func joinPair(L, D *loaded, maxProblems int) (*model.Dataset, error) {
	if L.leadRefs != nil && D.leadRefs == nil {
		L, D = D, L
	}
	ld, dd := L.ds, D.ds
	lname, dname := ld.Load.Files[0], dd.Load.Files[0]
	// Lead indexes by id, email and account.
	byID, byEmail, byAcct := map[string]int{}, map[string]int{}, map[string]int{}
	for i := 0; i < ld.Len(); i++ {
		if ld.IDs.Len() > 0 {
			setFirst(byID, strings.TrimSpace(ld.IDs.At(i)), i)
		}
		if ld.Emails.Len() > 0 {
			setFirst(byEmail, strings.ToLower(strings.TrimSpace(ld.Emails.At(i))), i)
		}
	}
	lacct, dacct := ld.Dim("account"), dd.Dim("account")
	if lacct != nil {
		for i := 0; i < ld.Len(); i++ {
			setFirst(byAcct, strings.ToLower(lacct.Value(i)), i)
		}
	}
	best := make([]int, ld.Len())
	for i := range best {
		best[i] = -1
	}
	var how [3]int
	var unmatched []int
	for j := 0; j < dd.Len(); j++ {
		i, m := -1, -1
		if D.leadRefs != nil {
			for _, ref := range strings.FieldsFunc(D.leadRefs.At(j), func(r rune) bool { return r == ';' || r == ',' || r == ' ' }) {
				if k, ok := byID[ref]; ok {
					i, m = k, 0
					break
				}
			}
		}
		if i < 0 && dd.Emails.Len() > 0 {
			if k, ok := byEmail[strings.ToLower(strings.TrimSpace(dd.Emails.At(j)))]; ok && dd.Emails.At(j) != "" {
				i, m = k, 1
			}
		}
		if i < 0 && dacct != nil && dacct.Value(j) != "" {
			if k, ok := byAcct[strings.ToLower(dacct.Value(j))]; ok {
				i, m = k, 2
			}
		}
		if i < 0 {
			unmatched = append(unmatched, j)
			continue
		}
		how[m]++
		if b := best[i]; b < 0 || dd.Deepest(j) > dd.Deepest(b) || (dd.Deepest(j) == dd.Deepest(b) && dd.Exit[j] == model.ExitWon) {
			best[i] = j
		}
	}
	// Stages: the lead stages, then the deal stages; a final won-like lead
	// stage (Customer) merges into the deals' last stage.
	lstages := ld.Stages
	if isWonName(lstages[len(lstages)-1]) && isWonName(dd.Stages[len(dd.Stages)-1]) && len(lstages) > 1 {
		lstages = lstages[:len(lstages)-1]
	}
	off := len(lstages)
	ns := off + len(dd.Stages)
	if ns > model.MaxStages {
		return nil, fmt.Errorf("joining %s and %s gives %d stages (%s + %s); at most %d are supported: give a mapping file with fewer stages",
			lname, dname, ns, strings.Join(lstages, ", "), strings.Join(dd.Stages, ", "), model.MaxStages)
	}
	n := ld.Len()
	out := &model.Dataset{Stages: append(append([]string(nil), lstages...), dd.Stages...),
		HasDates: ld.HasDates && dd.HasDates, DatesInferred: ld.DatesInferred || dd.DatesInferred,
		IDs: ld.IDs, Emails: ld.Emails, Dims: ld.Dims}
	out.Days = make([][]int32, ns)
	copy(out.Days, ld.Days[:off])
	for k := range dd.Stages {
		col := make([]int32, n)
		for i := range col {
			col[i] = model.NoDay
			if j := best[i]; j >= 0 {
				col[i] = dd.Days[k][j]
			}
		}
		out.Days[off+k] = col
	}
	out.Reached, out.Exit, out.ExitDay = make([]uint16, n), make([]model.ExitKind, n), make([]int32, n)
	out.Reason = model.NewDim("reason", n)
	if dd.Amount != nil || ld.Amount != nil {
		out.Amount = make([]int64, n)
		copy(out.Amount, ld.Amount) // an earlier join's amounts stay unless this file has its own
	}
	lastL := len(ld.Stages) - 1
	merged := len(lstages) < len(ld.Stages)
	for i := 0; i < n; i++ {
		mask := ld.Reached[i] & (1<<off - 1)
		exit, day, reason := ld.Exit[i], ld.ExitDay[i], ld.Reason.Value(i)
		if merged && ld.Reached[i]&(1<<lastL) != 0 {
			mask |= 1 << (ns - 1)
			if out.Days[ns-1][i] == model.NoDay {
				out.Days[ns-1][i] = ld.Days[lastL][i]
			}
		}
		if j := best[i]; j >= 0 {
			mask |= dd.Reached[j] << off
			if dd.Exit[j] != model.ExitOpen || exit == model.ExitWon {
				exit, day, reason = dd.Exit[j], dd.ExitDay[j], dd.Reason.Value(j)
			}
			if dd.Amount != nil {
				out.Amount[i] = dd.Amount[j]
			}
		}
		out.Reached[i], out.Exit[i], out.ExitDay[i] = mask, exit, day
		out.Reason.Append(reason)
	}
	out.Reason.Freeze()
	out.Currency = dd.Currency
	if dd.Amount == nil {
		out.Currency = ld.Currency
	}
	// Load accounting across all the files.
	li := model.LoadInfo{Files: append(append([]string(nil), ld.Load.Files...), dd.Load.Files...)}
	li.Read = ld.Load.Read + dd.Load.Read
	li.Used = ld.Load.Used + dd.Load.Used - len(unmatched)
	li.Skipped = ld.Load.Skipped + dd.Load.Skipped + len(unmatched)
	li.Problems = append(append(li.Problems, ld.Load.Problems...), dd.Load.Problems...)
	for _, j := range unmatched {
		if len(li.Problems) >= maxProblems {
			break
		}
		id := ""
		if dd.IDs.Len() > 0 {
			id = dd.IDs.At(j)
		}
		li.Problems = append(li.Problems, model.Problem{File: dname, Found: id, Expected: "a lead/contact id, email or account that is in " + lname,
			Reason: "deal matched no lead"})
	}
	li.Decisions = append(append(li.Decisions, ld.Load.Decisions...), dd.Load.Decisions...)
	matched := dd.Len() - len(unmatched)
	li.Decisions = append(li.Decisions, fmt.Sprintf("joined %s to %s: %d of %d deals matched a lead (%.1f%%: %d by lead id, %d by email, %d by account); %d unmatched deals are skipped and listed",
		dname, lname, matched, dd.Len(), pct(matched, dd.Len()), how[0], how[1], how[2], len(unmatched)))
	out.Load = li
	return out, out.Validate()
}

func setFirst(m map[string]int, k string, i int) {
	if k == "" {
		return
	}
	if _, ok := m[k]; !ok {
		m[k] = i
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
