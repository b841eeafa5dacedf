package money

import (
	"math"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

// The hand-built fixture every money test reads. Stages Lead, MQL, SQL,
// Opportunity (3), Won (4); all dates in 2026. Amounts in whole dollars.
//
//	r   channel      campaign     company        email            stages (month-day)                 exit             amount  notes
//	0   paid_social  linkedin     Acme Inc       bob@acme.com     L01-05 M01-10 S01-20 O02-01 W03-03 won              12000   term 12, New Business, 51-200
//	1   paid_social  linkedin     Acme, Inc.     ann@acme.com     L01-07 M01-12                      open             -       51-200
//	2   paid_social  linkedin     -              joe@gmail.com    L01-09                             disqualified     -
//	3   organic      blog         Globex GmbH    kim@globex.de    L01-03 M01-05 S01-10 O01-20 W02-19 churned 06-10    24000   term 24, New Business, 1,200
//	4   organic      blog         -              li@initech.com   L02-02 M02-05 S02-10 O02-15        open             5000    prob 50, 10
//	5   events       saastr       Initech LLC    x@initech.com    L01-15 M01-18 S01-25 O02-01        lost 03-01 Price 8000    500+
//	6   events       saastr       -              y@yahoo.co.uk    L01-20 M01-25 S02-01 O02-10        open             3000    prob unknown, n/a
//	7   chat         chat-widget  Umbrella Ltd   u@umbrella.com   L02-01 M02-02 S02-05 O02-10 W03-22 won              6000    term 6, 11-50
//	8   outbound     sdr-a        -              z@hotmail.com    L01-10 O01-30 (MQL, SQL implied)   lost 02-15 Price 2000
//	9   outbound     sdr-a        Vandelay       v@vandelay.com   L01-10 M01-12 S01-20 O02-05        lost 03-10 ""    1000    5000
//	10  paid_social  linkedin     Acme Inc       bob@acme.com     L05-01 O05-10 W06-01               won              3000    Upsell, 51-200
type rec struct {
	ch, camp, comp, email string
	days                  [5]string // "MM-DD" or ""
	exit                  model.ExitKind
	exitDay, reason       string
	dollars               int64
	prob                  uint8
	term                  uint16
	typ, employees        string
}

var fixture = []rec{
	{"paid_social", "linkedin", "Acme Inc", "bob@acme.com", [5]string{"01-05", "01-10", "01-20", "02-01", "03-03"}, model.ExitWon, "03-03", "", 12000, 255, 12, "New Business", "51-200"},
	{"paid_social", "linkedin", "Acme, Inc.", "ann@acme.com", [5]string{"01-07", "01-12"}, model.ExitOpen, "", "", 0, 255, 0, "", "51-200"},
	{"paid_social", "linkedin", "", "joe@gmail.com", [5]string{"01-09"}, model.ExitDisqualified, "01-15", "Student", 0, 255, 0, "", ""},
	{"organic", "blog", "Globex GmbH", "kim@globex.de", [5]string{"01-03", "01-05", "01-10", "01-20", "02-19"}, model.ExitChurned, "06-10", "Churned", 24000, 255, 24, "New Business", "1,200"},
	{"organic", "blog", "", "li@initech.com", [5]string{"02-02", "02-05", "02-10", "02-15"}, model.ExitOpen, "", "", 5000, 50, 0, "", "10"},
	{"events", "saastr", "Initech LLC", "x@initech.com", [5]string{"01-15", "01-18", "01-25", "02-01"}, model.ExitLost, "03-01", "Price", 8000, 255, 0, "", "500+"},
	{"events", "saastr", "", "y@yahoo.co.uk", [5]string{"01-20", "01-25", "02-01", "02-10"}, model.ExitOpen, "", "", 3000, 255, 0, "", "n/a"},
	{"chat", "chat-widget", "Umbrella Ltd", "u@umbrella.com", [5]string{"02-01", "02-02", "02-05", "02-10", "03-22"}, model.ExitWon, "03-22", "", 6000, 255, 6, "", "11-50"},
	{"outbound", "sdr-a", "", "z@hotmail.com", [5]string{"01-10", "", "", "01-30"}, model.ExitLost, "02-15", "Price", 2000, 255, 0, "", ""},
	{"outbound", "sdr-a", "Vandelay", "v@vandelay.com", [5]string{"01-10", "01-12", "01-20", "02-05"}, model.ExitLost, "03-10", "", 1000, 255, 0, "", "5000"},
	{"paid_social", "linkedin", "Acme Inc", "bob@acme.com", [5]string{"05-01", "", "", "05-10", "06-01"}, model.ExitWon, "06-01", "", 3000, 255, 0, "Upsell", "51-200"},
}

func day(s string) int32 {
	if s == "" {
		return model.NoDay
	}
	return model.DayFromCivil(2026, int(s[0]-'0')*10+int(s[1]-'0'), int(s[3]-'0')*10+int(s[4]-'0'))
}

func fixtureDataset(t testing.TB) *model.Dataset {
	n := len(fixture)
	ds := &model.Dataset{
		Stages: []string{"Lead", "MQL", "SQL", "Opportunity", "Won"}, Days: make([][]int32, 5),
		Reached: make([]uint16, n), Exit: make([]model.ExitKind, n), ExitDay: make([]int32, n),
		Reason: model.NewDim("reason", n), Amount: make([]int64, n), Currency: "USD",
		Probability: make([]uint8, n), TermMonths: make([]uint16, n), HasDates: true,
	}
	dims := map[string]*model.Dim{}
	for _, name := range []string{"channel", "campaign", "company", "type", "employees"} {
		dims[name] = model.NewDim(name, n)
		ds.Dims = append(ds.Dims, dims[name])
	}
	for k := range ds.Days {
		ds.Days[k] = make([]int32, n)
	}
	for i, r := range fixture {
		for k, s := range r.days {
			ds.Days[k][i] = day(s)
			if s != "" {
				ds.Reached[i] |= 1 << k
			}
		}
		ds.Exit[i], ds.ExitDay[i] = r.exit, day(r.exitDay)
		ds.Reason.Append(r.reason)
		ds.Amount[i] = r.dollars * 100
		ds.Probability[i], ds.TermMonths[i] = r.prob, r.term
		for name, v := range map[string]string{"channel": r.ch, "campaign": r.camp, "company": r.comp, "type": r.typ, "employees": r.employees} {
			dims[name].Append(v)
		}
		ds.IDs.Append(string(rune('a' + i)))
		ds.Emails.Append(r.email)
	}
	if err := ds.Validate(); err != nil {
		t.Fatal(err)
	}
	return ds
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func ptr(p *int64) int64 {
	if p == nil {
		return -1
	}
	return *p
}

func fptr(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}
