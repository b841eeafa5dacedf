package loaders

import (
	"fmt"
	"strings"

	"github.com/funnel-cli/funnel/model"
)

// joinAll joins files into one funnel. Snapshots of one object are read
// as a series first (snapshots.go); stage-change logs join the
// object file whose ids they hold (enrich); then the object files join
// left to right: the first two as leads and deals (joinPair), then each
// further file onto the funnel joined so far, whose records stay the
// leads'. Keys are found by the overlap of values between columns. Each
// join's key and match rate go into the decisions and Load.Joins.
func joinAll(sets []*loaded, maxProblems int) (*model.Dataset, error) {
	if len(sets) < 2 {
		return nil, fmt.Errorf("%d files given: a join needs two or more", len(sets))
	}
	var objs, logs []*loaded
	for _, s := range sets {
		if s.hist != nil {
			logs = append(logs, s)
		} else {
			objs = append(objs, s)
		}
	}
	objs = joinSnapshotGroups(objs, maxProblems)
	for _, lg := range logs {
		// The object file sharing the most ids with the log is the one it logs.
		var best *loaded
		bestN := 0
		for _, o := range objs {
			if km := findKey(o.keyCols(), lg.keyCols()); km.overlap > bestN {
				best, bestN = o, km.overlap
			}
		}
		if best == nil {
			objs = append(objs, lg) // a log of records no file holds: its own funnel
			continue
		}
		enrich(best, lg, maxProblems)
	}
	if len(objs) == 1 {
		return objs[0].ds, nil
	}
	acc := objs[0]
	if len(objs) > 1 && acc.ds.Amount != nil && objs[1].ds.Amount == nil {
		objs[0], objs[1] = objs[1], objs[0] // the file with the money holds the deals
		acc = objs[0]
	}
	for _, next := range objs[1:] {
		ds, err := joinPair(acc, next, maxProblems)
		if err != nil {
			return nil, err
		}
		acc = &loaded{ds: ds, mapping: acc.mapping, plan: acc.plan, header: acc.header, ext: acc.ext, hist: acc.hist}
	}
	return acc.ds, nil
}

// matchDeals pairs each deal of D with a lead of L by the key findKey
// chose (either file may hold the other's ids): best[i] is lead i's
// furthest deal (-1 none); unmatched lists the deals no lead took.
func matchDeals(L, D *loaded, km keyMatch) (best []int, unmatched []int) {
	ld, dd := L.ds, D.ds
	best = make([]int, ld.Len())
	for i := range best {
		best[i] = -1
	}
	leadOf := make([]int, dd.Len())
	for j := range leadOf {
		leadOf[j] = -1
	}
	if km.overlap > 0 {
		byVal := map[string]int{}
		for i, v := range km.a.vals {
			for _, x := range splitRefs(v) {
				if _, ok := byVal[x]; !ok && x != km.nullA {
					byVal[x] = i
				}
			}
		}
		for j, v := range km.b.vals {
			for _, x := range splitRefs(v) {
				if i, ok := byVal[x]; ok && x != km.nullB {
					leadOf[j] = i
					break
				}
			}
		}
	}
	for j, i := range leadOf {
		if i < 0 {
			unmatched = append(unmatched, j)
			continue
		}
		if b := best[i]; b < 0 || dd.Deepest(j) > dd.Deepest(b) || (dd.Deepest(j) == dd.Deepest(b) && dd.Exit[j] == model.ExitWon) {
			best[i] = j
		}
	}
	return best, unmatched
}

// joinPair joins a leads set and a deals set into one funnel: each lead
// takes the stages, outcome and amount of its furthest deal, matched by
// the columns whose values the two files share. Deals that match no lead
// are skipped and listed with their line and key; the match rate goes
// into the decisions. The leads set may itself be a join (its Load.Files
// lists every file; the leads file is first).
func joinPair(L, D *loaded, maxProblems int) (*model.Dataset, error) {
	ld, dd := L.ds, D.ds
	lname, dname := ld.Load.Files[0], dd.Load.Files[0]
	km := findKey(L.keyCols(), D.keyCols())
	best, unmatched := matchDeals(L, D, km)
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
		IDs: ld.IDs, Emails: ld.Emails, Dims: ld.Dims, Account: ld.Account}
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
	// amounts kept to the finer of the two files' decimals
	lu, du := int64(1), int64(1)
	if dd.Amount != nil || ld.Amount != nil {
		out.AmountDecimals = max(decimalsOf(ld), decimalsOf(dd))
		lu, du = unitsPer(decimalsOf(ld), out.AmountDecimals), unitsPer(decimalsOf(dd), out.AmountDecimals)
		out.Amount = make([]int64, n)
		for i, a := range ld.Amount {
			out.Amount[i] = a * lu // an earlier join's amounts stay unless this file has its own
		}
	}
	if ld.StageUnknown != nil || dd.StageUnknown != nil {
		out.StageUnknown = make([]bool, n)
	}
	lastL := len(ld.Stages) - 1
	convertedNoDeal := 0
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
		if out.StageUnknown != nil {
			// how far a record got is unknown when its deal's is, or with
			// no deal, when its own is
			if j := best[i]; j >= 0 {
				out.StageUnknown[i] = dd.StageUnknown != nil && dd.StageUnknown[j]
			} else {
				out.StageUnknown[i] = ld.StageUnknown != nil && ld.StageUnknown[i]
			}
		}
		if j := best[i]; j >= 0 {
			mask |= dd.Reached[j] << off
			if dd.Exit[j] != model.ExitOpen || exit == model.ExitWon {
				exit, day, reason = dd.Exit[j], dd.ExitDay[j], dd.Reason.Value(j)
			}
			if dd.Amount != nil {
				out.Amount[i] = dd.Amount[j] * du
			}
		} else if exit == model.ExitWon && !merged {
			// Converted, but its deal is not in the deals file: open in
			// the joined funnel, not won.
			exit, day = model.ExitOpen, model.NoDay
			convertedNoDeal++
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
		pr := model.Problem{File: dname, Reason: "deal matched no lead"}
		if D.ext != nil && j < len(D.ext.lines) {
			pr.Line = int(D.ext.lines[j])
		} else if D.hist != nil && j < len(D.hist.lines) {
			pr.Line = int(D.hist.lines[j])
		}
		switch {
		case km.overlap > 0:
			pr.Field, pr.Found = km.b.name, km.b.vals[j]
			pr.Expected = fmt.Sprintf("a value of %s in %s", km.a.name, lname)
		case dd.IDs.Len() > 0:
			pr.Found, pr.Expected = dd.IDs.At(j), "a lead/contact id, email or account that is in "+lname
		default:
			pr.Expected = "a lead/contact id, email or account that is in " + lname
		}
		li.Problems = append(li.Problems, pr)
	}
	li.Decisions = append(append(li.Decisions, ld.Load.Decisions...), dd.Load.Decisions...)
	li.Notes = append(append(li.Notes, ld.Load.Notes...), dd.Load.Notes...)
	li.Columns = append(append(li.Columns, ld.Load.Columns...), dd.Load.Columns...)
	li.Mappings = append(append(li.Mappings, ld.Load.Mappings...), dd.Load.Mappings...)
	li.Joins = append(append(li.Joins, ld.Load.Joins...), dd.Load.Joins...)
	li.Unsure, li.UnsureWhy = ld.Load.Unsure || dd.Load.Unsure, append(append(li.UnsureWhy, ld.Load.UnsureWhy...), dd.Load.UnsureWhy...)
	li.Summary = ld.Load.Summary
	matched := dd.Len() - len(unmatched)
	if convertedNoDeal > 0 {
		li.Decisions = append(li.Decisions, fmt.Sprintf("%s: %d records reached %s but have no deal in %s; they are open in the joined funnel",
			lname, convertedNoDeal, ld.Stages[lastL], dname))
	}
	if km.overlap > 0 {
		li.Decisions = append(li.Decisions, fmt.Sprintf("joined %s to %s by %s = %s: %d of %d deals matched a lead (%.1f%%); %d unmatched deals are skipped and listed%s",
			dname, lname, km.b.name, km.a.name, matched, dd.Len(), pct(matched, dd.Len()), len(unmatched), km.nullNote()))
		li.Joins = append(li.Joins, model.JoinInfo{File: dname, Onto: lname, Key: km.b.name, OntoKey: km.a.name, Kind: "leads and deals",
			Matched: matched, Total: dd.Len(), Rate: ratio(matched, dd.Len())})
		if len(unmatched) > 0 {
			li.Notes = append(li.Notes, outsideNote(len(unmatched), dd.Len(), dname, lname, dd.Load.Files))
		}
	} else {
		li.Decisions = append(li.Decisions, fmt.Sprintf("joined %s to %s: no column of one holds values of the other (ids, emails or accounts)%s; 0 of %d deals matched a lead, all are skipped and listed",
			dname, lname, km.nullNote(), dd.Len()))
		li.Joins = append(li.Joins, model.JoinInfo{File: dname, Onto: lname, Kind: "leads and deals", Total: dd.Len()})
		li.Unsure, li.UnsureWhy = true, append(li.UnsureWhy, "the files share no key")
		li.Notes = append(li.Notes, outsideNote(dd.Len(), dd.Len(), dname, lname, dd.Load.Files))
	}
	out.Load = li
	return out, out.Validate()
}

// decimalsOf is the decimals a dataset's amounts keep (2 for cents).
func decimalsOf(ds *model.Dataset) int { return max(ds.AmountDecimals, 2) }

// unitsPer is how many units of `to` decimals make one of `from`.
func unitsPer(from, to int) int64 {
	u := int64(1)
	for ; from < to; from++ {
		u *= 10
	}
	return u
}

// outsideNote says that deals with no lead are not in the joined funnel
// and how to see the whole pipeline: the deals' files without the leads'.
func outsideNote(n, of int, dname, lname string, dfiles []string) string {
	have, are := "have", "are"
	if n == 1 {
		have, are = "has", "is"
	}
	return fmt.Sprintf("%d of %d deals in %s %s no lead in %s and %s not in this funnel (listed as skipped); load %s alone for the whole pipeline",
		n, of, dname, have, lname, are, strings.Join(dfiles, " and "))
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
