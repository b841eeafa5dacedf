package demo

import (
	"crypto/sha256"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/query"
	"github.com/funnel-cli/funnel/model/stats"
)

func TestDeterministicForSeed(t *testing.T) {
	a := LeadsCSV(Generate(Options{Rows: 3000, Seed: 7}))
	b := LeadsCSV(Generate(Options{Rows: 3000, Seed: 7}))
	c := LeadsCSV(Generate(Options{Rows: 3000, Seed: 8}))
	if sha256.Sum256([]byte(a)) != sha256.Sum256([]byte(b)) {
		t.Fatal("same seed gave different data")
	}
	if a == c {
		t.Fatal("different seeds gave the same data")
	}
}

func TestDemoHasWhatTheREADMEPromises(t *testing.T) {
	ds := Generate(Options{})
	if ds.Len() != 50000 || ds.Validate() != nil {
		t.Fatalf("len %d, validate %v", ds.Len(), ds.Validate())
	}
	f := query.New(ds).Funnel(query.FunnelOptions{AsOf: model.NoDay})
	for k := 1; k < len(f.Stages); k++ {
		if f.Stages[k].Reached >= f.Stages[k-1].Reached {
			t.Errorf("stage %s does not narrow", f.Stages[k].Name)
		}
	}
	// chat converts better than paid_social from lead to won
	rate := func(channel string) float64 {
		d := ds.Dim("channel")
		code, _ := d.Code(channel)
		n, won := 0, 0
		for i, c := range d.Codes.Uint32() {
			if c == code {
				n++
				if ds.Reached[i]&(1<<5) != 0 {
					won++
				}
			}
		}
		return stats.Ratio(won, n)
	}
	if rate("chat") < 5*rate("paid_social") {
		t.Errorf("chat %.3f vs paid_social %.3f: the contrast is not planted", rate("chat"), rate("paid_social"))
	}
	// the planted sticky point: outbound SAL→SQL collapses in the last months
	d := ds.Dim("channel")
	out, _ := d.Code(StickyChannel)
	recent := model.MonthStart(model.MonthIndex(DefaultEnd) - StickyMonths + 1)
	var sal, sql, salOld, sqlOld int
	for i, c := range d.Codes.Uint32() {
		if c != out || ds.Days[2][i] == model.NoDay || ds.Days[2][i] > DefaultEnd-60 {
			continue
		}
		if ds.Days[2][i] >= recent {
			sal++
			if ds.Reached[i]&(1<<3) != 0 {
				sql++
			}
		} else {
			salOld++
			if ds.Reached[i]&(1<<3) != 0 {
				sqlOld++
			}
		}
	}
	if stats.Ratio(sql, sal) > 0.25 || stats.Ratio(sqlOld, salOld) < 0.45 {
		t.Errorf("sticky point not visible: recent %d/%d, before %d/%d", sql, sal, sqlOld, salOld)
	}
}
