package loaders

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
)

func loadText(t *testing.T, name, text string) *model.Dataset {
	t.Helper()
	ds, err := Load(strings.NewReader(text), name, Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if ds.Load.Read != ds.Load.Used+ds.Load.Skipped {
		t.Fatalf("%s: rows do not add up: %+v", name, ds.Load)
	}
	return ds
}

// roleOf is the role the load gave a column ("" when unused).
func roleOf(ds *model.Dataset, col string) string {
	for _, c := range ds.Load.Columns {
		if c.Name == col {
			return c.Role
		}
	}
	return "no such column"
}

func exits(ds *model.Dataset) string {
	var s []string
	for _, e := range ds.Exit {
		s = append(s, e.String())
	}
	return strings.Join(s, " ")
}

func TestProfileTypes(t *testing.T) {
	rows := [][]string{
		{"2024-01-05", "01/31/24", "05.02.2024", "45292", "2024-01-05 09:30", "1,77,000.00", "TRUE", "1", "y", "x", "EU", "0065e000001X1", "a@b.io", "7"},
		{"2024-02-05", "02/01/24", "13.02.2024", "45300", "2024-01-06 10:00", "$1,200 ", "FALSE", "0", "n", "", "US", "0065e000001X2", "c@d.io", "12"},
		{"2024-03-05", "03/15/24", "14.03.2024", "45301", "2024-01-07 11:00", "N/A", "true", "0", "y", "x", "EU", "0065e000001X3", "e@f.io", "3"},
		{"N/A", "04/02/24", "", "45302", "2024-01-08 12:00", "1.234,56 €", "false", "1", "N", "", "APAC", "0065e000001X4", "g@h.io", "-4"},
	}
	header := []string{"d_iso", "d_mdy", "d_dmy", "created", "ts", "price", "b1", "b2", "b3", "b4", "region", "ref", "mail", "n"}
	want := []string{"date YYYY-MM-DD", "date MM/DD/YY", "date DD.MM.YYYY", "date Excel serial numbers", "datetime YYYY-MM-DD with a time",
		"money", "yes/no", "yes/no", "yes/no", "yes/no", "category of 3", "id", "email", "integer"}
	var rr [][][]byte
	for _, r := range rows {
		var f [][]byte
		for _, v := range r {
			f = append(f, []byte(v))
		}
		rr = append(rr, f)
	}
	for i, p := range profileColumns(header, rr) {
		if got := p.String(); !strings.HasPrefix(got, want[i]) {
			t.Errorf("%s: %q, want %q", header[i], got, want[i])
		}
	}
	// Indian grouping, trailing spaces and null words read as money or blank.
	for in, cents := range map[string]int64{"1,77,000.00": 17700000, "₹ 1,77,000 ": 17700000, "12,34,567.5": 123456750} {
		if c, _, ok := parseAmount([]byte(in), false); !ok || c != cents {
			t.Errorf("%q: %d %v, want %d", in, c, ok, cents)
		}
	}
	if !isNull([]byte(" N/A ")) || !isNull([]byte("#N/A")) || isNull([]byte("NAB")) {
		t.Error("null words")
	}
}

func TestNameWords(t *testing.T) {
	for in, want := range map[string]string{"IsWon": "is won", "Opp Close Date_Simulated": "opp close date simulated",
		"Channel__c": "channel", "Associated Contact IDs": "associated contact ids", "ConvertedOpportunityId": "converted opportunity id",
		"Is Deal Closed?": "is deal closed", "HTMLTitle": "html title", "mql_date": "mql date"} {
		if got := strings.Join(nameWords(in), " "); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// Each rule, with files built to fool it.
func TestInferenceRules(t *testing.T) {
	t.Run("a yes/no column named like an outcome that is not one", func(t *testing.T) {
		ds := loadText(t, "deals.csv", "id,stage,won_last_year,Won\n1,Prospecting,yes,yes\n2,Closed Won,no,yes\n3,Closed Lost,yes,no\n4,Qualification,no,yes\n5,Closed Won,no,yes\n")
		// won_last_year has a modifier; Won is set on open stages: neither is the outcome.
		if roleOf(ds, "won_last_year") != "dimension" || roleOf(ds, "Won") != "dimension" || exits(ds) != "open won lost open won" {
			t.Errorf("roles %q %q exits %s", roleOf(ds, "won_last_year"), roleOf(ds, "Won"), exits(ds))
		}
	})
	t.Run("two id-like columns", func(t *testing.T) {
		ds := loadText(t, "opps.csv", "AccountId,Id,OwnerId,StageName\nA1,O1,U1,Prospecting\nA1,O2,U1,Closed Won\nA2,O3,U2,Qualification\n")
		if roleOf(ds, "Id") != "record id" || roleOf(ds, "AccountId") == "record id" || ds.IDs.At(1) != "O2" {
			t.Errorf("Id %q AccountId %q", roleOf(ds, "Id"), roleOf(ds, "AccountId"))
		}
	})
	t.Run("dates in two formats", func(t *testing.T) {
		ds := loadText(t, "mixed.csv", "lead_id,created,mql_date\nA,2024-01-05,15/01/2024\nB,03/02/2024,2024-02-20\nC,2024-03-01,\n")
		if ds.Days[0][1] != day("2024-02-03") || ds.Days[1][0] != day("2024-01-15") || ds.Days[1][1] != day("2024-02-20") {
			t.Errorf("days %v %v", ds.Days[0], ds.Days[1])
		}
	})
	t.Run("a category that is not a stage", func(t *testing.T) {
		ds := loadText(t, "c.csv", "deal_id,Region,Priority,Phase,created\n1,EU,High,Discovery,2024-01-01\n2,US,Low,Proposal,2024-01-02\n3,EU,High,Discovery,2024-01-03\n4,US,Low,Won,2024-01-04\n")
		if roleOf(ds, "Phase") != "current stage" || roleOf(ds, "Region") != "dimension" || roleOf(ds, "Priority") != "dimension" {
			t.Errorf("Phase %q Region %q Priority %q", roleOf(ds, "Phase"), roleOf(ds, "Region"), roleOf(ds, "Priority"))
		}
		// With no stage-like column the categories stay dimensions: a one-stage funnel by the entry date.
		ds = loadText(t, "c2.csv", "deal_id,Region,Priority,created\n1,EU,High,2024-01-01\n2,US,Low,2024-01-02\n")
		if strings.Join(ds.Stages, ",") != "Deal" || roleOf(ds, "Region") != "dimension" {
			t.Errorf("stages %v Region %q", ds.Stages, roleOf(ds, "Region"))
		}
	})
	t.Run("entry, close and ignored dates", func(t *testing.T) {
		ds := loadText(t, "o.csv", "Id,StageName,CreatedDate,Opp Creation Date_Simulated,LastModifiedDate,CloseDate\n1,Prospecting,2024-01-02,2023-12-01,2024-03-01,2024-05-01\n2,Closed Won,2024-01-03,2023-12-02,2024-03-02,2024-02-01\n")
		if roleOf(ds, "CreatedDate") != "entry date" || roleOf(ds, "Opp Creation Date_Simulated") != "" || !strings.HasPrefix(roleOf(ds, "LastModifiedDate"), "last modified") ||
			!strings.HasPrefix(roleOf(ds, "CloseDate"), "close date") || ds.ExitDay[1] != day("2024-02-01") {
			t.Errorf("roles %v", ds.Load.Columns)
		}
	})
	t.Run("amount, not expected revenue or company revenue; probability as a fraction", func(t *testing.T) {
		ds := loadText(t, "a.csv", "id,stage,ExpectedRevenue,AnnualRevenue,Amount,Deal probability\n1,Prospecting,100,5000000,1000,0.1\n2,Closed Won,900,6000000,900,1.0\n")
		if roleOf(ds, "Amount") != "amount" || roleOf(ds, "AnnualRevenue") == "amount" || ds.Amount[0] != 100000 || ds.Probability[0] != 10 || ds.Probability[1] != 100 {
			t.Errorf("amount %v probability %v", ds.Amount, ds.Probability)
		}
	})
	t.Run("the system's closed flag over the label", func(t *testing.T) {
		ds := loadText(t, "hs.csv", "Record ID,Deal Stage,Is Deal Closed?\n1,Closed: abandoned,false\n2,Closed: lost,true\n3,Closed: won,true\n4,Opportunity identified,false\n")
		if exits(ds) != "open lost won open" || !hasDecision(ds, `1 records at "Closed: abandoned" are open by Is Deal Closed?`) {
			t.Errorf("exits %s\n%s", exits(ds), strings.Join(ds.Load.Decisions, "\n"))
		}
		// Without the flag, the label decides.
		ds = loadText(t, "hs.csv", "Record ID,Deal Stage\n1,Closed: abandoned\n2,Closed: lost\n3,Closed: won\n4,Opportunity identified\n")
		if exits(ds) != "lost lost won open" {
			t.Errorf("label exits %s", exits(ds))
		}
	})
	t.Run("leads with a converted flag among other yes/no columns", func(t *testing.T) {
		ds := loadText(t, "leads.csv", "Lead ID,Do Not Email,Saw Ad A,Saw Ad B,Converted,Created Time\n1,yes,yes,no,no,2024-01-01 10:00\n2,no,yes,yes,yes,2024-01-02 11:00\n3,no,no,yes,no,2024-01-03 12:00\n")
		if strings.Join(ds.Stages, ",") != "Lead,Converted" || exits(ds) != "open won open" || roleOf(ds, "Created Time") != "entry date" ||
			roleOf(ds, "Do Not Email") != "dimension" || roleOf(ds, "Saw Ad A") != "dimension" {
			t.Errorf("stages %v exits %s roles %v", ds.Stages, exits(ds), ds.Load.Columns)
		}
	})
	t.Run("current stage with some dates: earlier stages implied, undated records kept", func(t *testing.T) {
		ds := loadText(t, "pipeline.csv", "opportunity_id,deal_stage,engage_date,close_date,close_value\n1,Prospecting,,,\n2,Engaging,2017-01-01,,\n3,Engaging,2017-01-04,,\n4,Won,2017-01-02,2017-02-01,1000\n5,Lost,2017-01-03,2017-02-03,0\n")
		if strings.Join(ds.Stages, ",") != "Prospecting,Engaging,Won" || ds.Load.Used != 5 || exits(ds) != "open open open won lost" ||
			masks(ds) != "100 110 110 111 110" || ds.Days[1][1] != day("2017-01-01") || ds.Amount[3] != 100000 {
			t.Errorf("stages %v masks %s exits %s amounts %v", ds.Stages, masks(ds), exits(ds), ds.Amount)
		}
	})
	t.Run("outcome only, no dates", func(t *testing.T) {
		ds := loadText(t, "winloss.csv", "Opportunity Number,Product,Opportunity Result\n1,A,Won\n2,B,Loss\n3,A,Loss\n")
		if strings.Join(ds.Stages, ",") != "Opportunity,Won" || exits(ds) != "won lost lost" || ds.HasDates {
			t.Errorf("stages %v exits %s dates %v", ds.Stages, exits(ds), ds.HasDates)
		}
	})
	t.Run("deals that are all won", func(t *testing.T) {
		ds := loadText(t, "won.csv", "deal_id,created,won_date,amount\n1,2024-01-01,2024-02-01,10\n2,2024-01-05,2024-03-01,20\n")
		if strings.Join(ds.Stages, ",") != "Deal,Won" || exits(ds) != "won won" {
			t.Errorf("stages %v exits %s", ds.Stages, exits(ds))
		}
	})
	t.Run("a history log where most rows are not stage changes and times tie", func(t *testing.T) {
		ds := loadText(t, "DealHistory.csv", "Id,DealId,CreatedDate,StageName,FromStageName,Amount\n"+
			"h1,D1,2024-01-01 10:00:00,Prospecting,,100\nh2,D1,2024-01-01 10:00:00,Prospecting,Prospecting,120\n"+
			"h3,D1,2024-01-05 09:00:00,Qualification,Prospecting,120\nh4,D1,2024-01-05 09:00:00,Qualification,Qualification,130\n"+
			"h5,D2,2024-01-02 08:00:00,Prospecting,,50\nh6,D2,2024-01-09 08:00:00,Closed Lost,Prospecting,50\n"+
			"h7,D3,2024-01-03 08:00:00,Qualification,,70\nh8,D3,2024-01-04 17:30:00,Closed Won,Qualification,70\nh9,D3,2024-01-04 08:00:00,Qualification,Qualification,70\n")
		if ds.Len() != 3 || exits(ds) != "open lost won" || ds.Days[1][0] != day("2024-01-05") || hasDecision(ds, "moved backward") {
			t.Errorf("records %d exits %s days %v\n%s", ds.Len(), exits(ds), ds.Days, strings.Join(ds.Load.Decisions, "\n"))
		}
	})
	t.Run("unknown stages ordered by a sort-order column", func(t *testing.T) {
		ds := loadText(t, "o.csv", "Id,Etapa,Orden\n1,Firmas,3\n2,Interes,1\n3,Firmas,3\n4,Propuesta,2\n5,Interes,1\n6,Interes,1\n")
		if strings.Join(ds.Stages, ",") != "Interes,Propuesta,Firmas" || !hasDecision(ds, "order from Orden") {
			t.Errorf("stages %v\n%s", ds.Stages, strings.Join(ds.Load.Decisions, "\n"))
		}
	})
	t.Run("CRM layouts nobody wrote a preset for", func(t *testing.T) {
		for _, c := range []struct{ file, stages, exits string }{
			{"zoho.csv", "Qualification,Needs Analysis,Value Proposition,Identify Decision Makers,Proposal/Price Quote,Negotiation/Review,Won", "open open won lost open lost"},
			{"dyn.csv", "Qualify,Develop,Propose,Close,Won", "open won lost open"},
			{"sheet.csv", "New,Contacted,Qualified", "open open won disqualified won open"},
			{"trial.csv", "User,Activated,Started trial,Converted to paid", "won open open open open"},
		} {
			ds := loadText(t, c.file, crmSamples[c.file])
			if strings.Join(ds.Stages, ",") != c.stages || exits(ds) != c.exits {
				t.Errorf("%s: stages %v exits %s", c.file, ds.Stages, exits(ds))
			}
		}
	})
	t.Run("a result column (y) with unrelated yes/no columns", func(t *testing.T) {
		ds := loadText(t, "bank.csv", "age;housing;loan;y\n30;yes;no;no\n33;yes;yes;yes\n35;no;no;no\n")
		if strings.Join(ds.Stages, ",") != "Record,Won" || exits(ds) != "lost won lost" || roleOf(ds, "housing") != "dimension" {
			t.Errorf("stages %v exits %s", ds.Stages, exits(ds))
		}
	})
}

// crmSamples are small exports in the layouts of CRMs and sheets with no preset.
var crmSamples = map[string]string{
	"zoho.csv": `Record Id,Deal Owner,Deal Name,Amount,Closing Date,Stage,Probability (%),Expected Revenue,Lead Source,Created Time,Modified Time,Account Name,Type
zcrm_1,Ann Lee,Acme - 100 seats,12000,2024-03-01,Qualification,10,1200,Web Download,2024-01-03 10:11:00,2024-02-01 09:00:00,Acme,New Business
zcrm_2,Ann Lee,Globex renewal,8000,2024-04-15,Negotiation/Review,90,7200,Partner,2024-01-05 10:11:00,2024-02-02 09:00:00,Globex,Existing Business
zcrm_3,Bo Chan,Initech pilot,3000,2024-02-20,Closed Won,100,3000,Trade Show,2024-01-06 10:11:00,2024-02-03 09:00:00,Initech,New Business
zcrm_4,Bo Chan,Hooli,5000,2024-02-22,Closed Lost,0,0,Web Download,2024-01-07 10:11:00,2024-02-04 09:00:00,Hooli,New Business
zcrm_5,Cy Dee,Umbrella,15000,2024-05-01,Identify Decision Makers,60,9000,Advertisement,2024-01-08 10:11:00,2024-02-05 09:00:00,Umbrella,New Business
zcrm_6,Cy Dee,Vandelay,700,2024-05-03,Closed-Lost to Competition,0,0,Partner,2024-01-09 10:11:00,2024-02-06 09:00:00,Vandelay,New Business
`,
	"dyn.csv": `(Do Not Modify) Opportunity,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Topic,Potential Customer,Est. Close Date,Est. Revenue (Base),Contact,Status,Pipeline Phase,Probability,Created On,Owner
a1b2-0001,xx1,01/02/2024 10:00,Fleet upgrade,Contoso,15/03/2024,"25,000.00",Ann,Open,1-Qualify,20,05/01/2024 09:00,Ann Lee
a1b2-0002,xx2,01/02/2024 10:00,Portal,Fabrikam,20/03/2024,"12,500.00",Bo,Won,4-Close,100,06/01/2024 09:00,Bo Chan
a1b2-0003,xx3,01/02/2024 10:00,Support,Adventure Works,28/02/2024,"4,000.00",Cy,Lost,2-Develop,0,07/01/2024 09:00,Ann Lee
a1b2-0004,xx4,01/02/2024 10:00,Analytics,Litware,30/04/2024,"60,000.00",Di,Open,3-Propose,60,08/01/2024 09:00,Bo Chan
`,
	"sheet.csv": `Name,Email,Company,Source,Status,Created,Last Contacted,Deal Size
Ann Lee,ann@acme.io,Acme,Webinar,New,3/1/2024,,
Bo Chan,bo@globex.com,Globex,Referral,Contacted,3/2/2024,3/5/2024,
Cy Dee,cy@initech.com,Initech,Webinar,Qualified,3/3/2024,3/9/2024,"$5,000"
Di Fox,di@hooli.com,Hooli,Ads,Unqualified,3/4/2024,3/6/2024,
Ed Ray,ed@umbrella.org,Umbrella,Referral,Customer,3/5/2024,3/20/2024,"$12,000"
Fa Xu,fa@vandelay.com,Vandelay,Ads,Contacted,3/14/2024,3/15/2024,
`,
	"trial.csv": `user_id,signup_date,activated,invited_teammate,started_trial,converted_to_paid,plan,country
1,2024-01-01,1,1,1,1,pro,US
2,2024-01-02,1,0,1,0,,DE
3,2024-01-02,0,0,0,0,,US
4,2024-01-03,1,1,1,0,,FR
5,2024-01-05,1,1,0,0,,US
`,
}
