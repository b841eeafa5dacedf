package demo

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

var (
	syl      = []string{"ac", "me", "nor", "vi", "tal", "zen", "ex", "lo", "qua", "ra", "sol", "tek", "umb", "vor", "wy", "nex", "pol", "ar", "is", "on"}
	suffixes = []string{"Labs", "Systems", "Group", "Health", "Logistics", "Analytics", "Software", "Partners", "Foods", "Energy"}
	first    = []string{"alex", "sam", "maria", "li", "omar", "sofia", "jon", "priya", "tom", "yuki", "nina", "raj", "eva", "leo", "mia"}
	last     = []string{"smith", "garcia", "chen", "novak", "haddad", "rossi", "kumar", "berg", "tanaka", "dubois", "walsh", "costa"}
	personal = []string{"gmail.com", "yahoo.com", "outlook.com", "hotmail.com"}
)

type company struct{ name, domain string }

type companyPool struct {
	list   []company
	weight []float64
}

func newCompanies(r *rand.Rand, n int) *companyPool {
	p := &companyPool{}
	seen := map[string]bool{}
	for len(p.list) < n {
		var b strings.Builder
		for j, k := 0, 2+r.IntN(2); j < k; j++ {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		base := b.String()
		if seen[base] {
			base += strconv.Itoa(len(p.list))
		}
		seen[base] = true
		name := strings.ToUpper(base[:1]) + base[1:] + " " + suffixes[r.IntN(len(suffixes))]
		p.list = append(p.list, company{name: name, domain: base + ".com"})
	}
	return p
}

// pick favours some companies (a few accounts bring many leads).
func (p *companyPool) pick(r *rand.Rand) company {
	u := r.Float64()
	return p.list[int(u*u*float64(len(p.list)))]
}

func (c company) email(r *rand.Rand) string {
	dom := c.domain
	if r.IntN(100) < 15 {
		dom = personal[r.IntN(len(personal))]
	}
	return first[r.IntN(len(first))] + "." + last[r.IntN(len(last))] + "@" + dom
}

type idWriter struct{ buf []byte }

func (w *idWriter) next(i int) string {
	w.buf = append(w.buf[:0], 'L')
	s := strconv.Itoa(i + 1)
	for j := len(s); j < 7; j++ {
		w.buf = append(w.buf, '0')
	}
	w.buf = append(w.buf, s...)
	return string(w.buf)
}
