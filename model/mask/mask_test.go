package mask

import (
	"strings"
	"testing"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/demo"
	"github.com/funnel-cli/funnel/model/query"
)

func TestClassify(t *testing.T) {
	for name, want := range map[string]Kind{
		"company": Company, "Account Name": Company, "organization": Company, "org": Company,
		"owner": Owner, "Deal owner": Owner, "account_manager": Owner, "sales rep": Owner,
		"email": Email, "E-mail Address": Email, "contact": Person, "First Name": Person,
		"phone": Other, "channel": None, "campaign_name": None, "segment": None, "lead_source": None,
		"stage": None, "origin": None, "reporting": None,
	} {
		if got := Classify(name); got != want {
			t.Errorf("Classify(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestDatasetMasksAndKeepsCounts(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 3000})
	ds.Load.Files = []string{"/home/me/acme.csv"}
	ds.Load.Problems = []model.Problem{{File: "/home/me/acme.csv", Line: 3, Found: "bob@acme.com", Reason: "bad date"}}
	origOwner := ds.Dim("owner").Values[1]
	origEmail := ds.Emails.At(0)
	key := []byte("k1")
	m := Dataset(ds, key)
	if ds.Dim("owner").Values[1] != origOwner || ds.Emails.At(0) != origEmail || ds.Load.Files[0] != "/home/me/acme.csv" ||
		ds.Load.Problems[0].Found != "bob@acme.com" {
		t.Fatal("Dataset mutated its input")
	}
	for _, name := range []string{"owner", "company"} {
		a, b := ds.Dim(name), m.Dim(name)
		if len(a.Values) != len(b.Values) {
			t.Fatalf("%s: %d values became %d", name, len(a.Values), len(b.Values))
		}
		seen := map[string]bool{}
		for i, v := range b.Values {
			if i > 0 && (v == a.Values[i] || seen[v]) {
				t.Fatalf("%s value %q: pseudonym %q not masked or not distinct", name, a.Values[i], v)
			}
			seen[v] = true
		}
		for i := range a.Codes.Len() {
			if a.Codes.At(i) != b.Codes.At(i) {
				t.Fatalf("%s codes changed", name)
			}
		}
	}
	if ch := m.Dim("channel"); ch != ds.Dim("channel") {
		t.Error("channel is not sensitive and should be kept as is")
	}
	if !strings.HasPrefix(m.Dim("owner").Values[1], "Owner ") || !strings.HasPrefix(m.Dim("company").Values[1], "Company ") {
		t.Errorf("pseudonyms %q %q", m.Dim("owner").Values[1], m.Dim("company").Values[1])
	}
	e := m.Emails.At(0)
	if !strings.HasPrefix(e, "person-") || !strings.HasSuffix(e, "@example.com") || m.Emails.Len() != ds.Emails.Len() {
		t.Errorf("email pseudonym %q", e)
	}
	if m.IDs.At(0) == ds.IDs.At(0) || strings.Contains(m.Load.Files[0], "acme") || m.Load.Problems[0].Found != "(masked)" {
		t.Errorf("ids/files/problems not masked: %q %q %+v", m.IDs.At(0), m.Load.Files[0], m.Load.Problems[0])
	}
	// stable under one key, different under another
	if Dataset(ds, key).Dim("owner").Values[1] != m.Dim("owner").Values[1] {
		t.Error("same key gave a different pseudonym")
	}
	if Dataset(ds, []byte("k2")).Dim("owner").Values[1] == m.Dim("owner").Values[1] {
		t.Error("another key gave the same pseudonym")
	}
	f1, f2 := query.New(ds).Funnel(query.FunnelOptions{AsOf: model.NoDay}), query.New(m).Funnel(query.FunnelOptions{AsOf: model.NoDay})
	for k := range f1.Stages {
		if f1.Stages[k].Reached != f2.Stages[k].Reached {
			t.Fatal("masking changed a count")
		}
	}
}

func TestCollisionsStayDistinct(t *testing.T) {
	d := model.NewDim("company", 0)
	for i := range 5000 {
		d.Append("Firm " + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('A'+i/26%26)) + string(rune('0'+i/676)))
	}
	m := maskDim(d, Company, []byte("k"))
	seen := map[string]bool{}
	for _, v := range m.Values {
		if seen[v] {
			t.Fatalf("duplicate pseudonym %q among %d values", v, len(m.Values))
		}
		seen[v] = true
	}
}

func BenchmarkDataset(b *testing.B) {
	ds := demo.Generate(demo.Options{Rows: 100000})
	key := NewKey()
	for b.Loop() {
		Dataset(ds, key)
	}
}

func TestValueMatchesDataset(t *testing.T) {
	ds := demo.Generate(demo.Options{Rows: 50})
	key := []byte("k")
	m := Dataset(ds, key)
	if got := Value(key, Email, ds.Emails.At(3)); got != m.Emails.At(3) {
		t.Errorf("Value %q, Dataset %q", got, m.Emails.At(3))
	}
	if got := Value(key, Owner, ds.Dim("owner").Value(3)); got != m.Dim("owner").Value(3) {
		t.Errorf("Value %q, Dataset %q", got, m.Dim("owner").Value(3))
	}
}
