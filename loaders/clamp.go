package loaders

import (
	"fmt"

	"github.com/funnel-cli/funnel/model"
)

// clampToModified bounds each record's exit day by its last change (the
// mapping's Modified column): a record cannot have closed after it was
// last changed, so a close date past that is a planned date that was
// never updated (a Closed Lost deal whose CloseDate is still the expected
// one), and the record counts as closed on its last change. A won
// record's won-stage day that came from that close moves with it. Only
// days move: no record's exit changes. A last change before one of the
// record's own stage dates is not trusted and bounds nothing.
//
// It returns the decision line (none when nothing moved) and whether a
// stage day moved (the caller's day range is then stale).
func clampToModified(ds *model.Dataset, mod []int32, col, file string, lastIsWon bool) (string, bool) {
	if mod == nil {
		return "", false
	}
	last := len(ds.Stages) - 1
	n, late, moved := 0, 0, false
	latest := model.NoDay // the data's own latest change
	for _, m := range mod {
		if m != model.NoDay && (latest == model.NoDay || m > latest) {
			latest = m
		}
	}
	for i, x := range ds.ExitDay {
		m := mod[i]
		if x == model.NoDay || m == model.NoDay || x <= m {
			continue
		}
		wonDay := ds.Exit[i] == model.ExitWon && lastIsWon && ds.Days[last][i] == x
		ok := true
		for k := range ds.Days {
			if d := ds.Days[k][i]; d != model.NoDay && d > m && !(wonDay && k == last) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if x > latest {
			late++
		}
		ds.ExitDay[i] = m
		if wonDay {
			ds.Days[last][i] = m
			moved = true
		}
		n++
	}
	if n == 0 {
		return "", false
	}
	if n == 1 {
		also := ""
		if late > 0 {
			also = fmt.Sprintf(", even after the data's latest change (%s)", model.DayString(latest))
		}
		return fmt.Sprintf("%s: 1 closed record is dated after its last change (%s)%s: a planned close date; it is taken as closed on its last change",
			file, col, also), moved
	}
	also := ""
	if late > 0 {
		also = fmt.Sprintf(", %d of them after the data's latest change (%s)", late, model.DayString(latest))
	}
	return fmt.Sprintf("%s: %d closed records are dated after their last change (%s)%s: planned close dates; each is taken as closed on its last change",
		file, n, col, also), moved
}
