// Package mask pseudonymises a dataset for showing on a projector or in a
// shared report: names, emails, companies, owners and record ids are
// replaced by stable pseudonyms (a keyed HMAC of the original), while every
// count and rate stays the same (distinct values stay distinct).
package mask

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/funnel-cli/funnel/model"
)

// NewKey returns a random key for one session: the same input gives the
// same pseudonym under one key, and nothing links pseudonyms across keys.
func NewKey() []byte {
	k := make([]byte, 32)
	rand.Read(k) // never fails (crypto/rand since Go 1.24)
	return k
}

// Kind is what a sensitive dimension holds, and so its pseudonym's form.
type Kind uint8

const (
	None    Kind = iota // not sensitive: kept as is
	Company             // "Company 7f3a"
	Owner               // "Owner 12c0"
	Person              // "Person 9a1b"
	Email               // "person-ab12@example.com"
	Other               // "Masked 4e2d" (phone numbers, domains)
)

// Classify says whether a dimension's name looks like it holds names,
// emails, companies or owners.
func Classify(dimName string) Kind {
	n := strings.ToLower(dimName)
	words := strings.FieldsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(n, s) {
				return true
			}
		}
		return false
	}
	word := func(ws ...string) bool {
		for _, w := range words {
			for _, x := range ws {
				if w == x {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("mail"):
		return Email
	case has("owner", "assignee", "salesperson") || word("rep", "sdr", "bdr", "ae", "user", "agent", "manager"):
		return Owner
	case has("company", "companies", "account", "organization", "organisation", "customer", "client", "employer", "business") ||
		word("org", "firm"):
		return Company
	case has("contact", "person", "name"):
		if has("campaign", "stage", "source", "channel", "segment", "pipeline", "status") {
			return None
		}
		return Person
	case has("phone", "mobile", "domain", "website", "address", "linkedin"):
		return Other
	}
	return None
}

// Dataset returns a copy of ds with sensitive dimensions, ids, emails and
// file names pseudonymised under key; ds is not modified. Dictionary codes
// are kept, so every count and rate is the same as on ds.
func Dataset(ds *model.Dataset, key []byte) *model.Dataset {
	out := *ds
	out.Dims = make([]*model.Dim, len(ds.Dims))
	for j, dm := range ds.Dims {
		out.Dims[j] = dm
		if k := Classify(dm.Name); k != None {
			out.Dims[j] = maskDim(dm, k, key)
		}
	}
	h := newHasher(key)
	out.IDs = maskStrings(&ds.IDs, func(b []byte, s string) []byte { return h.append(append(b, "id-"...), "id", s, 12) })
	out.Emails = maskStrings(&ds.Emails, func(b []byte, s string) []byte {
		return append(h.append(append(b, "person-"...), prefix[Email], s, 6), "@example.com"...)
	})
	ld := ds.Load
	out.Load.Files = make([]string, len(ld.Files))
	for i, f := range ld.Files {
		out.Load.Files[i] = maskFile(key, f)
	}
	out.Load.Problems = make([]model.Problem, len(ld.Problems))
	for i, p := range ld.Problems {
		p.File = maskFile(key, p.File)
		if p.Found != "" {
			p.Found = "(masked)"
		}
		out.Load.Problems[i] = p
	}
	return &out
}

// Value is the pseudonym of s as a value of that kind ("" stays "").
func Value(key []byte, k Kind, s string) string {
	if k == Email {
		return pseudonym(key, k, s, 6) // as Dataset writes the Emails column
	}
	return pseudonym(key, k, s, 4)
}

func pseudonym(key []byte, k Kind, s string, n int) string {
	if s == "" || k == None {
		return s
	}
	t := tag(key, prefix[k], s, n)
	if k == Email {
		return "person-" + t + "@example.com"
	}
	return prefix[k] + " " + t
}

var prefix = [...]string{None: "", Company: "Company", Owner: "Owner", Person: "Person", Email: "Email", Other: "Masked"}

// tag is the first n hex digits of HMAC-SHA256(key, domain, s).
func tag(key []byte, domain, s string, n int) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(domain))
	m.Write([]byte{0})
	m.Write([]byte(s))
	return hex.EncodeToString(m.Sum(nil))[:n]
}

// maskDim replaces every value by its pseudonym, lengthening a tag when two
// values would share one, so distinct values stay distinct.
func maskDim(dm *model.Dim, k Kind, key []byte) *model.Dim {
	vals := make([]string, len(dm.Values))
	used := make(map[string]bool, len(dm.Values))
	for i, v := range dm.Values {
		p := v
		for n := 4; v != "" && n <= 64; n += 4 {
			if p = pseudonym(key, k, v, n); !used[p] {
				break
			}
		}
		used[p] = true
		vals[i] = p
	}
	return &model.Dim{Name: dm.Name, Values: vals, Codes: dm.Codes.Clone()}
}

func maskStrings(s *model.Strings, f func([]byte, string) []byte) model.Strings {
	var out model.Strings
	var buf []byte
	for i := range s.Len() {
		v := s.At(i)
		if v != "" {
			buf = f(buf[:0], v)
			v = string(buf)
		}
		out.Append(v)
	}
	return out
}

// hasher reuses one HMAC for many values (ids and emails of every record).
type hasher struct {
	m   hash.Hash
	sum []byte
}

func newHasher(key []byte) *hasher { return &hasher{m: hmac.New(sha256.New, key)} }

// append appends the first n hex digits of HMAC(key, domain, s) to b.
func (h *hasher) append(b []byte, domain, s string, n int) []byte {
	h.m.Reset()
	io.WriteString(h.m, domain)
	h.m.Write([]byte{0})
	io.WriteString(h.m, s)
	h.sum = h.m.Sum(h.sum[:0])
	return hex.AppendEncode(b, h.sum[:(n+1)/2])[:len(b)+n]
}

// maskFile keeps a file's extension and hides its name (which often names
// the client): "acme-hubspot.csv" becomes "file-3c9e.csv".
func maskFile(key []byte, f string) string {
	if f == "" || strings.HasPrefix(f, "demo") {
		return f
	}
	return "file-" + tag(key, "file", f, 4) + filepath.Ext(f)
}
