package money

import (
	"strings"
	"unicode"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// companySuffixes are legal-form words dropped when matching company names.
var companySuffixes = map[string]bool{
	"inc": true, "incorporated": true, "ltd": true, "limited": true, "llc": true, "llp": true,
	"gmbh": true, "ag": true, "sa": true, "sas": true, "sarl": true, "bv": true, "nv": true,
	"plc": true, "corp": true, "corporation": true, "co": true, "company": true, "pty": true,
	"srl": true, "spa": true, "oy": true, "ab": true, "as": true, "aps": true, "kg": true,
	"se": true, "pte": true, "kk": true, "lp": true,
}

// NormalizeCompany is the key company names are matched on: lower case,
// punctuation to spaces, a leading "the" and legal-form suffixes (Inc, Ltd,
// GmbH, ...) dropped. "The Acme Co., Inc." and "ACME" both give "acme".
func NormalizeCompany(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&'
	})
	// "g.m.b.h." splits into single letters: join runs of one-letter words
	var words []string
	for i := 0; i < len(f); i++ {
		if len([]rune(f[i])) == 1 && i+1 < len(f) && len([]rune(f[i+1])) == 1 {
			j := i
			var run string
			for j < len(f) && len([]rune(f[j])) == 1 {
				run += f[j]
				j++
			}
			words = append(words, run)
			i = j - 1
			continue
		}
		words = append(words, f[i])
	}
	for len(words) > 1 && companySuffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// personalDomains are free-mail providers: an address there names a person,
// not an account. Matched on the whole domain or its first label.
var personalDomains = map[string]bool{
	"gmail.com": true, "googlemail.com": true, "outlook.com": true, "live.com": true, "msn.com": true,
	"icloud.com": true, "me.com": true, "mac.com": true, "aol.com": true, "proton.me": true,
	"protonmail.com": true, "pm.me": true, "gmx.com": true, "gmx.net": true, "gmx.de": true, "web.de": true,
	"mail.ru": true, "mail.com": true, "qq.com": true, "163.com": true, "126.com": true, "fastmail.com": true,
	"hey.com": true, "zoho.com": true, "yandex.com": true, "yandex.ru": true, "t-online.de": true,
	"orange.fr": true, "free.fr": true, "laposte.net": true, "btinternet.com": true, "comcast.net": true,
}

var personalFirstLabel = map[string]bool{"yahoo": true, "hotmail": true, "ymail": true, "outlook": true, "live": true, "gmx": true}

// PersonalDomain reports whether an email domain is a free-mail provider.
func PersonalDomain(domain string) bool {
	d := strings.ToLower(strings.TrimSpace(domain))
	if personalDomains[d] {
		return true
	}
	first, _, _ := strings.Cut(d, ".")
	return personalFirstLabel[first]
}

// EmailDomain returns the lower-cased domain of an address ("" if none).
func EmailDomain(email string) string {
	at := strings.LastIndexByte(email, '@')
	if at < 0 || at == len(email)-1 {
		return ""
	}
	return strings.Trim(strings.ToLower(strings.TrimSpace(email[at+1:])), ". >")
}

// AccountKey names the account a person belongs to: the normalised company
// ("company"), else the email domain ("domain"), else none (source
// "personal" for a free-mail address, "" when there is nothing to go on).
func AccountKey(company, email string) (key, source string) {
	if k := NormalizeCompany(company); k != "" {
		return k, "company"
	}
	d := EmailDomain(email)
	switch {
	case d == "":
		return "", ""
	case PersonalDomain(d):
		return "", "personal"
	}
	return d, "domain"
}

// Account is one rolled-up company.
type Account struct {
	Key     string `json:"key"`
	Name    string `json:"name"`   // the first spelling seen
	Source  string `json:"source"` // "company" or "domain"
	People  int    `json:"people"`
	Deepest string `json:"deepest_stage"`
	Won     bool   `json:"won"`
	Amount  int64  `json:"won_amount"`
}

// Accounts is the account roll-up of a dataset.
type Accounts struct {
	// Of is each record's index into List, -1 for none.
	Of   []int32   `json:"-"`
	List []Account `json:"accounts"`
	// Unassigned counts records with no account; Personal of them had only a
	// free-mail address.
	Unassigned int `json:"unassigned"`
	Personal   int `json:"personal"`
	// ByDomainMerged counts domain-only records joined to a company account
	// whose name matches the domain's first label (acme.com → Acme Inc).
	ByDomainMerged int `json:"by_domain_merged"`
	// Funnel counts accounts reaching each stage (any of its people did).
	Funnel []StageAccounts `json:"funnel"`
}

// StageAccounts is one stage of the account-level funnel.
type StageAccounts struct {
	Stage                  string  `json:"stage"`
	Accounts               int     `json:"accounts"`
	ConversionFromPrevious float64 `json:"conversion_from_previous"`
}

// RollUpAccounts groups records into accounts by company name or email
// domain and counts the account-level funnel. Won amounts need a single
// currency (or a conversion), like every money total.
func RollUpAccounts(ds *model.Dataset, o Options) (Accounts, error) {
	amt, _, err := amounts(ds, o)
	if err != nil {
		return Accounts{}, err
	}
	comp := o.company(ds)
	n := ds.Len()
	out := Accounts{Of: make([]int32, n)}
	index := map[string]int32{}
	keys := make([]string, n)
	srcs := make([]string, n)
	var compKey []string // normalised company per dictionary code
	if comp != nil {
		compKey = make([]string, len(comp.Values))
		for c, v := range comp.Values {
			compKey[c] = NormalizeCompany(v)
		}
	}
	for i := 0; i < n; i++ {
		c := ""
		if comp != nil {
			c = comp.Value(i)
			keys[i], srcs[i] = compKey[comp.Codes.At(i)], "company"
		}
		if keys[i] == "" {
			e := ""
			if ds.Emails.Len() == n {
				e = ds.Emails.At(i)
			}
			keys[i], srcs[i] = AccountKey("", e)
		}
		if srcs[i] == "company" {
			if _, ok := index[keys[i]]; !ok {
				index[keys[i]] = int32(len(out.List))
				out.List = append(out.List, Account{Key: keys[i], Name: strings.TrimSpace(c), Source: "company"})
			}
		}
	}
	last := len(ds.Stages) - 1
	deepest := make([]int, 0, len(out.List))
	for i := 0; i < n; i++ {
		k := keys[i]
		if k == "" {
			out.Of[i] = -1
			out.Unassigned++
			if srcs[i] == "personal" {
				out.Personal++
			}
			continue
		}
		a, ok := index[k]
		if !ok && srcs[i] == "domain" {
			first, _, _ := strings.Cut(k, ".")
			if a, ok = index[first]; ok {
				out.ByDomainMerged++
			}
		}
		if !ok {
			a = int32(len(out.List))
			index[k] = a
			out.List = append(out.List, Account{Key: k, Name: k, Source: srcs[i]})
		}
		out.Of[i] = a
		for len(deepest) <= int(a) {
			deepest = append(deepest, -1)
		}
		acc := &out.List[a]
		acc.People++
		deepest[a] = max(deepest[a], ds.Deepest(i))
		if isWon(ds, i, last) {
			acc.Won = true
			if amt != nil {
				acc.Amount += amt[i]
			}
		}
	}
	reach := make([]int, len(ds.Stages))
	for a := range out.List {
		d := -1
		if a < len(deepest) {
			d = deepest[a]
		}
		if out.List[a].Won {
			d = last
		}
		if d >= 0 {
			out.List[a].Deepest = ds.Stages[d]
		}
		out.List[a].Amount = ds.Cents(out.List[a].Amount)
		for k := 0; k <= d; k++ {
			reach[k]++
		}
	}
	for k, c := range reach {
		s := StageAccounts{Stage: ds.Stages[k], Accounts: c, ConversionFromPrevious: 1}
		if k > 0 {
			s.ConversionFromPrevious = stats.Ratio(c, reach[k-1])
		}
		out.Funnel = append(out.Funnel, s)
	}
	return out, nil
}
