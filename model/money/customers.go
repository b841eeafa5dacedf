package money

import (
	"sort"
	"strings"

	"github.com/funnel-cli/funnel/model"
	"github.com/funnel-cli/funnel/model/stats"
)

// ChurnMonth is one month of customer churn.
type ChurnMonth struct {
	Month string `json:"month"`
	// AtStart counts customers won before the month began and not churned
	// before it; Lost counts those of them who churned in the month.
	AtStart int     `json:"customers_at_start"`
	Lost    int     `json:"lost"`
	Rate    float64 `json:"rate"` // Lost / AtStart (0 when AtStart is 0)
	New     int     `json:"new"`  // customers won in the month
}

// Churn is the churn of existing customers, month by month.
type Churn struct {
	AsOf      string       `json:"as_of"`
	Customers int          `json:"customers"` // won with a known won day
	Churned   int          `json:"churned"`   // of them, churned by AsOf
	Months    []ChurnMonth `json:"months"`
	// MonthlyRate is Churned / customer-months over the whole history.
	MonthlyRate    float64 `json:"monthly_rate"`
	CustomerMonths float64 `json:"customer_months"`
}

// ComputeChurn counts churn per calendar month for the last months (default
// 12) up to AsOf. Customers are records won on a known day; a churned
// customer is one marked churned with a known day.
func ComputeChurn(ds *model.Dataset, months int, o Options) Churn {
	if months <= 0 {
		months = 12
	}
	asOf := o.asOf(ds)
	out := Churn{AsOf: model.DayString(asOf)}
	if asOf == model.NoDay {
		return out
	}
	lastM := model.MonthIndex(asOf)
	firstM := lastM - months + 1
	out.Months = make([]ChurnMonth, months)
	for m := range out.Months {
		out.Months[m].Month = model.MonthLabel(firstM + m)
	}
	last := len(ds.Stages) - 1
	var exposure int64
	for i := 0; i < ds.Len(); i++ {
		if !isWon(ds, i, last) {
			continue
		}
		start, end, churned, ok := customerSpan(ds, i, last, asOf)
		if !ok || start > asOf {
			continue
		}
		out.Customers++
		exposure += int64(end - start)
		if churned {
			out.Churned++
		}
		sm := model.MonthIndex(start)
		if m := sm - firstM; m >= 0 && m < months {
			out.Months[m].New++
		}
		for m := max(sm+1, firstM); m <= lastM; m++ {
			ms := model.MonthStart(m)
			if churned && end < ms {
				break
			}
			out.Months[m-firstM].AtStart++
			if churned && end < model.MonthStart(m+1) {
				out.Months[m-firstM].Lost++
			}
		}
	}
	for m := range out.Months {
		out.Months[m].Rate = stats.Ratio(out.Months[m].Lost, out.Months[m].AtStart)
	}
	out.CustomerMonths = float64(exposure) / daysPerMonth
	if out.CustomerMonths > 0 {
		out.MonthlyRate = float64(out.Churned) / out.CustomerMonths
	}
	return out
}

// IsExpansionType reports whether a deal-type value marks a deal with an
// existing customer (upsell, expansion, cross-sell, "Existing Business").
func IsExpansionType(v string) bool {
	n := NormalizeName(v)
	for _, w := range []string{"upsell", "upgrade", "expansion", "expand", "crosssell", "existing", "addon"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// Retention is retention and expansion for one group of customers.
type Retention struct {
	Group     string `json:"group"`
	Customers int    `json:"customers"` // new-business customers won
	Active    int    `json:"active"`    // not churned as of AsOf
	// Retained is Active / Customers (not time-normalised: compare cohorts
	// of the same age, or use MonthlyChurn).
	Retained float64 `json:"retained"`
	// MonthlyChurn is Churned / CustomerMonths (the months from each
	// customer's won day to its churn or the as-of day).
	Churned        int     `json:"churned"`
	CustomerMonths float64 `json:"customer_months"`
	MonthlyChurn   float64 `json:"monthly_churn"`
	NewRevenue     int64   `json:"new_revenue"`
	Expansion      int64   `json:"expansion_revenue"`
	ExpansionShare float64 `json:"expansion_share"` // Expansion / (New + Expansion)
}

// CustomerReport is expansion and retention by acquisition channel and cohort.
type CustomerReport struct {
	Currency string `json:"currency"`
	AsOf     string `json:"as_of"`
	// TypeColumn is the column that marks expansion deals ("" when none:
	// expansion is then unknown, not zero).
	TypeColumn string `json:"type_column,omitempty"`
	// ExpansionShare is expansion won revenue / all won revenue.
	ExpansionRevenue int64       `json:"expansion_revenue"`
	TotalRevenue     int64       `json:"total_revenue"`
	ExpansionShare   float64     `json:"expansion_share"`
	ByChannel        []Retention `json:"by_channel"`
	ByCohort         []Retention `json:"by_cohort"` // cohort = quarter won (YYYY-Qn)
	// UnlinkedExpansion is expansion revenue whose account has no new-business
	// customer in the data (so no acquisition channel).
	UnlinkedExpansion int64 `json:"unlinked_expansion"`
}

// ComputeCustomers attributes each account's expansion deals to the channel
// and quarter its first new-business deal was won in, and measures retention
// of new-business customers by those same keys.
func ComputeCustomers(ds *model.Dataset, o Options) (CustomerReport, error) {
	amt, cur, err := amounts(ds, o)
	if err != nil {
		return CustomerReport{}, err
	}
	accs, err := RollUpAccounts(ds, o)
	if err != nil {
		return CustomerReport{}, err
	}
	asOf := o.asOf(ds)
	out := CustomerReport{Currency: cur, AsOf: model.DayString(asOf)}
	typ := o.typeDim(ds)
	if typ != nil {
		out.TypeColumn = typ.Name
	}
	chDim := o.channel(ds)
	last := len(ds.Stages) - 1
	at := func(i int) int64 {
		if amt == nil {
			return 0
		}
		return amt[i]
	}
	isExp := func(i int) bool { return typ != nil && IsExpansionType(typ.Value(i)) }
	// first new-business customer record per account
	first := map[int32]int{}
	for i := 0; i < ds.Len(); i++ {
		if !isWon(ds, i, last) || isExp(i) {
			continue
		}
		out.TotalRevenue += at(i)
		if a := accs.Of[i]; a >= 0 {
			if j, ok := first[a]; !ok || wonDay(ds, i, last) < wonDay(ds, j, last) {
				first[a] = i
			}
		}
	}
	byCh, byCo := map[string]*retAcc{}, map[string]*retAcc{}
	keys := func(i int) (string, string) {
		ch := "(none)"
		if chDim != nil {
			ch = labelOr(chDim.Value(i))
		}
		co := "(undated)"
		if d := wonDay(ds, i, last); d != model.NoDay {
			y, m, _ := model.CivilFromDay(d)
			co = quarterLabel(y, m)
		}
		return ch, co
	}
	for i := 0; i < ds.Len(); i++ {
		if !isWon(ds, i, last) || isExp(i) {
			continue
		}
		ch, co := keys(i)
		for _, g := range []*retAcc{getRet(byCh, ch), getRet(byCo, co)} {
			g.addCustomer(ds, i, last, asOf, at(i))
		}
	}
	for i := 0; i < ds.Len(); i++ {
		if !isWon(ds, i, last) || !isExp(i) {
			continue
		}
		out.ExpansionRevenue += at(i)
		out.TotalRevenue += at(i)
		j, ok := -1, false
		if a := accs.Of[i]; a >= 0 {
			j, ok = first[a]
		}
		if !ok {
			out.UnlinkedExpansion += at(i)
			continue
		}
		ch, co := keys(j)
		getRet(byCh, ch).r.Expansion += at(i)
		getRet(byCo, co).r.Expansion += at(i)
	}
	out.ExpansionShare = ratio64(out.ExpansionRevenue, out.TotalRevenue)
	out.ExpansionRevenue, out.TotalRevenue, out.UnlinkedExpansion = ds.Cents(out.ExpansionRevenue), ds.Cents(out.TotalRevenue), ds.Cents(out.UnlinkedExpansion)
	out.ByChannel = finishRet(ds, byCh)
	out.ByCohort = finishRet(ds, byCo)
	sort.Slice(out.ByCohort, func(a, b int) bool { return out.ByCohort[a].Group < out.ByCohort[b].Group })
	return out, nil
}

type retAcc struct {
	r        Retention
	churned  int
	exposure int64
}

func getRet(m map[string]*retAcc, k string) *retAcc {
	if m[k] == nil {
		m[k] = &retAcc{r: Retention{Group: k}}
	}
	return m[k]
}

func (g *retAcc) addCustomer(ds *model.Dataset, i, last int, asOf int32, a int64) {
	g.r.Customers++
	g.r.NewRevenue += a
	start, end, churned, ok := customerSpan(ds, i, last, asOf)
	if churned {
		g.churned++
	} else {
		g.r.Active++
	}
	if ok {
		g.exposure += int64(end - start)
	}
}

func finishRet(ds *model.Dataset, m map[string]*retAcc) []Retention {
	out := make([]Retention, 0, len(m))
	for _, g := range m {
		r := g.r
		r.Retained = stats.Ratio(r.Active, r.Customers)
		r.Churned = g.churned
		r.CustomerMonths = float64(g.exposure) / daysPerMonth
		if g.exposure > 0 {
			r.MonthlyChurn = float64(g.churned) / (float64(g.exposure) / daysPerMonth)
		}
		r.ExpansionShare = ratio64(r.Expansion, r.NewRevenue+r.Expansion)
		r.NewRevenue, r.Expansion = ds.Cents(r.NewRevenue), ds.Cents(r.Expansion)
		out = append(out, r)
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Customers != out[b].Customers {
			return out[a].Customers > out[b].Customers
		}
		return out[a].Group < out[b].Group
	})
	return out
}

func quarterLabel(y, m int) string {
	return model.MonthLabel(y * 12)[:4] + "-Q" + string(rune('1'+(m-1)/3))
}

func ratio64(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
